import { Card, Empty, Select, Skeleton, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasRole } from '../../backend/session';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useResultContests } from './api';
import { AppealsTab } from './appeals/AppealsTab';
import { DashboardTab } from './dashboard/DashboardTab';
import { ItemAnalysisTab } from './items/ItemAnalysisTab';
import { RegradeTab } from './regrade/RegradeTab';
import { ResultsTab } from './results/ResultsTab';

const TABS = ['results', 'dashboard', 'items', 'regrade', 'appeals'] as const;
type Tab = (typeof TABS)[number];

/**
 * After the exam: a contest's results and rankings, its statistics, item analysis, regrading and
 * appeals, one tab each. The contest and the tab live in the URL (`?contest=…&tab=…`).
 */
export function ContestResultsPage() {
  const { t } = useTranslation();
  usePageTitle(t('contestResults.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const [search, setSearch] = useSearchParams();
  const contests = useResultContests();
  const list = contests.data?.items ?? [];
  const contest = list.find((c) => c.id === search.get('contest')) ?? list[0];
  // Viewers read results and statistics; the organiser's tools are for organisers.
  const tabs: Tab[] = canWrite ? [...TABS] : ['results', 'dashboard'];
  const tab = tabs.find((k) => k === search.get('tab')) ?? 'results';
  const go = (next: { contest?: string; tab?: Tab }) => {
    const p = new URLSearchParams();
    p.set('contest', next.contest ?? contest?.id ?? '');
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'results') p.set('tab', nextTab);
    setSearch(p, { replace: true });
  };

  if (contests.isError) return <LoadError error={contests.error} onRetry={() => contests.refetch()} />;
  if (contests.isLoading) return <Skeleton active style={{ padding: 24 }} />;

  const header = (
    <div className="page-header">
      <h1 className="page-title">{t('contestResults.title')}</h1>
      {contest && (
        <Select
          aria-label={t('contestResults.chooseContest')}
          style={{ minWidth: 280, maxWidth: '100%' }}
          value={contest.id}
          onChange={(id) => go({ contest: id })}
          options={list.map((c) => ({
            value: c.id,
            label: (
              <span>
                {c.year} · {c.name}{' '}
                <Tag color={c.status === 'closed' ? 'default' : 'blue'} style={{ marginInlineStart: 4 }}>
                  {t(`contestResults.status_${c.status}`)}
                </Tag>
              </span>
            ),
          }))}
        />
      )}
    </div>
  );
  if (!contest) {
    return (
      <div className="page">
        {header}
        <Card>
          <Empty description={t('contestResults.noContests')} />
        </Card>
      </div>
    );
  }
  const panes: Record<Tab, { label: string; children: React.ReactNode }> = {
    results: { label: t('contestResults.tabResults'), children: <ResultsTab contestId={contest.id} /> },
    dashboard: { label: t('contestResults.tabDashboard'), children: <DashboardTab contestId={contest.id} /> },
    items: { label: t('contestResults.tabItems'), children: <ItemAnalysisTab contestId={contest.id} /> },
    regrade: { label: t('contestResults.tabRegrade'), children: <RegradeTab contestId={contest.id} /> },
    appeals: { label: t('contestResults.tabAppeals'), children: <AppealsTab contestId={contest.id} /> },
  };
  return (
    <div className="page">
      {header}
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key as Tab })}
        destroyOnHidden
        items={tabs.map((key) => ({ key, ...panes[key] }))}
      />
    </div>
  );
}
