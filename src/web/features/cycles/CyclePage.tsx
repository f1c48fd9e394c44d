import { Breadcrumb, Flex, Result, Skeleton, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { Role } from '../../../contracts/domain';
import { useCurrentUser } from '../../backend/session';
import { ForbiddenPage, LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { ToneTag } from '../proctor/ToneTag';
import { useCycle } from './api';
import { AssignTab } from './assign/AssignTab';
import { BoardTab } from './board/BoardTab';
import { CurrentWindowTag } from './CycleTags';
import { CentralTab } from './central/CentralTab';
import { CouncilTab } from './council/CouncilTab';
import { unitFormPath } from './domain';
import { PublishTab } from './publish/PublishTab';
import { ReviewTab } from './review/ReviewTab';
import { ScheduleTab } from './schedule/ScheduleTab';

const TABS = ['board', 'schedule', 'assign', 'central', 'review', 'council', 'publish'] as const;
type TabKey = (typeof TABS)[number];

/** What each role works on in a cycle; a reporter only ever sees the own unit's form. */
const TABS_BY_ROLE: Partial<Record<Role, readonly TabKey[]>> = {
  admin: TABS,
  organiser: TABS,
  reviewer: ['review'],
  council: ['council', 'publish'],
  viewer: ['board', 'publish'],
};

/** One cycle: progress, calendar, assignments, central data, review, council and publication. */
export function CyclePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const cycle = useCycle(id);
  usePageTitle(cycle.data?.name ?? t('cycles.title'));
  const [search, setSearch] = useSearchParams();

  if (user.role === 'reporter') {
    if (cycle.data?.myUnitId) return <Navigate to={unitFormPath(id, cycle.data.myUnitId)} replace />;
    if (cycle.isError) return <LoadError error={cycle.error} onRetry={() => cycle.refetch()} />;
    if (!cycle.data) return <Skeleton active style={{ padding: 24 }} />;
    return (
      <Result
        status="info"
        title={t('cycles.reporterNoUnit')}
        extra={<Link to="/dti/cycles">{t('cycles.title')}</Link>}
      />
    );
  }
  const allowed = TABS_BY_ROLE[user.role];
  if (!allowed) return <ForbiddenPage />;
  if (cycle.isError) return <LoadError error={cycle.error} onRetry={() => cycle.refetch()} />;
  if (!cycle.data) return <Skeleton active style={{ padding: 24 }} />;
  const c = cycle.data;
  const tab = allowed.find((k) => k === search.get('tab')) ?? allowed[0] ?? 'board';
  const canWrite = user.role === 'admin' || user.role === 'organiser';

  const panes: Record<TabKey, () => ReactNode> = {
    board: () => <BoardTab cycle={c} canWrite={canWrite} />,
    schedule: () => <ScheduleTab cycle={c} canWrite={canWrite} />,
    assign: () => <AssignTab cycle={c} />,
    central: () => <CentralTab cycle={c} />,
    review: () => <ReviewTab cycle={c} />,
    council: () => <CouncilTab cycle={c} canDecide={user.role === 'admin' || user.role === 'council'} />,
    publish: () => <PublishTab cycle={c} canPublish={canWrite} />,
  };

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/dti/cycles">{t('cycles.title')}</Link> }, { title: String(c.year) }]}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title">{c.name}</h1>
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            <CurrentWindowTag window={c.currentWindow} />
            <Tag>{t('cycles.unitsOf', { count: c.unitCount })}</Tag>
            <Tag>{t('cycles.submittedOf', { count: c.submittedCount, total: c.unitCount })}</Tag>
            {c.publishedVersion !== null && (
              <ToneTag tone="green">{t('cycles.publishedVersion', { version: c.publishedVersion })}</ToneTag>
            )}
          </Flex>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={allowed.map((key) => ({
          key,
          label: <span data-testid={`cycle-tab-${key}`}>{t(`cycles.tab_${key}`)}</span>,
          children: tab === key ? panes[key]() : null,
        }))}
      />
    </div>
  );
}
