import { Col, Empty, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../ui/StatusPages';
import { useContestDashboard } from '../api';
import { DistributionCard } from './DistributionCard';
import { HistoryCard } from './HistoryCard';
import { PassRateCard } from './PassRateCard';
import { SectionsCard } from './SectionsCard';

/** Thống kê: distribution of totals, pass rate by level and unit, section averages, earlier years. */
export function DashboardTab({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const dashboard = useContestDashboard(contestId);
  if (dashboard.isError) return <LoadError error={dashboard.error} onRetry={() => dashboard.refetch()} />;
  if (!dashboard.data) return <Skeleton active />;
  const d = dashboard.data;
  if (d.overall.graded === 0) return <Empty description={t('contestResults.noResults')} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <DistributionCard d={d} />
      </Col>
      <Col xs={24} xl={12}>
        <SectionsCard d={d} />
      </Col>
      <Col xs={24} xl={12}>
        <PassRateCard
          id="pass-level"
          title={t('contestResults.passByLevel')}
          rows={d.levels.map((l) => ({ key: l.level, name: t(`contestResults.level_${l.level}`), ...l }))}
        />
      </Col>
      <Col xs={24} xl={12}>
        <PassRateCard
          id="pass-unit"
          title={t('contestResults.passByUnit')}
          rows={d.units.map((u) => ({ key: u.unitKey, name: u.unitName, ...u }))}
        />
      </Col>
      <Col xs={24}>
        <HistoryCard d={d} />
      </Col>
    </Row>
  );
}
