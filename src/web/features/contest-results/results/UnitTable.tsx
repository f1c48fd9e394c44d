import { Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUnitSummary } from '../../../../contracts/contest-results';
import { LoadError } from '../../../ui/StatusPages';
import { useUnitSummaries } from '../api';
import { formatPoints, formatRate } from './format';

/** One row per unit (the PAR-index figures), ranked by average within its level. */
export function UnitTable({ contestId, level }: { contestId: string; level?: TUnitSummary['level'] }) {
  const { t } = useTranslation();
  const units = useUnitSummaries(contestId, true);
  if (units.isError) return <LoadError error={units.error} onRetry={() => units.refetch()} />;
  if (!units.data) return <Skeleton active />;
  const rows = units.data.items.filter((u) => !level || u.level === level);
  return (
    <Table<TUnitSummary>
      rowKey="unitKey"
      size="middle"
      dataSource={rows}
      scroll={{ x: 1200 }}
      locale={{ emptyText: t('contestResults.emptyRows') }}
      pagination={{ defaultPageSize: 50, showSizeChanger: true }}
      columns={[
        {
          key: 'rank',
          title: t('contestResults.rankInLevel'),
          width: 90,
          render: (_, u) => u.rankInLevel ?? '—',
        },
        { key: 'code', title: t('contestResults.unitCode'), width: 140, render: (_, u) => u.unitCode ?? '—' },
        { key: 'name', title: t('contestResults.unitName'), dataIndex: 'unitName', width: 260 },
        {
          key: 'level',
          title: t('contestResults.level'),
          width: 80,
          render: (_, u) => t(`contestResults.level_${u.level}`),
        },
        {
          key: 'registered',
          title: t('contestResults.registered'),
          dataIndex: 'registered',
          align: 'right',
          width: 90,
        },
        { key: 'sat', title: t('contestResults.sat'), dataIndex: 'sat', align: 'right', width: 80 },
        {
          key: 'average',
          title: t('contestResults.average'),
          align: 'right',
          width: 110,
          render: (_, u) => formatPoints(u.averageTotal),
        },
        {
          key: 'below',
          title: t('contestResults.belowThreshold'),
          dataIndex: 'belowThreshold',
          align: 'right',
          width: 110,
        },
        {
          key: 'rate',
          title: t('contestResults.passRate'),
          align: 'right',
          width: 100,
          render: (_, u) => formatRate(u.passRate),
        },
      ]}
    />
  );
}
