import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../../contracts/contest-results';
import { EChart } from '../../../ui/charts/EChart';
import { ChartCard } from '../../results/dashboard/ChartCard';
import { formatPoints } from '../results/format';

/** Histogram of totals in tenths of the scale, with the threshold named in the title. */
export function DistributionCard({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const title = t('contestResults.distribution');
  const bins = d.distribution.map((b) => ({ ...b, label: `${formatPoints(b.from)}–${formatPoints(b.to)}` }));
  const threshold = d.contest.passThreshold;
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 12, top: 16, bottom: 56 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: bins.map((b) => b.label), axisLabel: { rotate: 35, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('contestResults.distributionAxis'),
          // Bins below the threshold in amber, the rest in blue.
          data: bins.map((b) => ({
            value: b.count,
            itemStyle: { color: b.to <= threshold ? '#d97706' : '#1d4ed8' },
          })),
          label: { show: true, position: 'top', fontSize: 11 },
        },
      ],
    }),
    [bins, t, threshold],
  );
  return (
    <ChartCard
      id="contest-distribution"
      title={title}
      chart={<EChart option={option} label={title} height={280} />}
      table={
        <Table
          size="small"
          rowKey="label"
          pagination={false}
          aria-label={t('contestResults.tableOf', { name: title })}
          dataSource={bins}
          columns={[
            { title: t('contestResults.range'), dataIndex: 'label' },
            { title: t('contestResults.count'), dataIndex: 'count', align: 'right', width: 120 },
          ]}
        />
      }
    />
  );
}
