import { Alert, App, Breadcrumb, Button, Flex, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TContestStatus } from '../../../contracts/contests';
import { useHasRole } from '../../backend/session';
import { showSuccess } from '../../ui/feedback';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContest, useSetStatus } from './api';
import { CandidatesTab } from './CandidatesTab';
import { ContestStatusTag, DemoContestTag } from './ContestStatusTag';
import { RulesTab } from './RulesTab';
import { SessionsTab } from './SessionsTab';

const TABS = ['rules', 'sessions', 'candidates'] as const;

/** One contest: its rules (Quy chế), sessions (Ca thi) and candidates (Thí sinh), one tab each. */
export function ContestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contest = useContest(id);
  usePageTitle(contest.data?.name ?? t('contests.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((k) => k === search.get('tab')) ?? 'rules';
  const setStatus = useSetStatus(id);
  const { modal } = App.useApp();

  if (contest.isError) return <LoadError error={contest.error} onRetry={() => contest.refetch()} />;
  if (!contest.data) return <Skeleton active />;
  const c = contest.data;

  const move = (status: TContestStatus, title: string, content: string) =>
    modal.confirm({
      title,
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        setStatus
          .mutateAsync(status)
          .then(() => showSuccess(t('contests.statusChanged')))
          .catch(() => undefined),
    });

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/contest/exams">{t('contests.title')}</Link> }, { title: String(c.year) }]}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title">{c.name}</h1>
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            <ContestStatusTag status={c.status} />
            {c.isDemo && <DemoContestTag />}
          </Flex>
        </div>
        {canWrite && (
          <Flex gap={8} wrap>
            {c.status === 'draft' && (
              <Button
                type="primary"
                onClick={() => move('open', t('contests.openConfirm'), t('contests.openText'))}
              >
                {t('contests.open')}
              </Button>
            )}
            {c.status === 'open' && (
              <>
                <Button
                  onClick={() =>
                    move('draft', t('contests.backToDraftConfirm'), t('contests.backToDraftText'))
                  }
                >
                  {t('contests.backToDraft')}
                </Button>
                <Button
                  danger
                  onClick={() => move('closed', t('contests.closeConfirm'), t('contests.closeText'))}
                >
                  {t('contests.close')}
                </Button>
              </>
            )}
          </Flex>
        )}
      </div>
      {c.status !== 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={c.status === 'open' ? t('contests.lockedNotice') : t('contests.closedNotice')}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          {
            key: 'rules',
            label: t('contests.tabRules'),
            children: <RulesTab contest={c} canWrite={canWrite} />,
          },
          {
            key: 'sessions',
            label: `${t('contests.tabSessions')} (${c.sessionCount})`,
            children: <SessionsTab contest={c} canWrite={canWrite} />,
          },
          {
            key: 'candidates',
            label: `${t('contests.tabCandidates')} (${c.candidateCount})`,
            children: <CandidatesTab contest={c} canWrite={canWrite} />,
          },
        ]}
      />
    </div>
  );
}
