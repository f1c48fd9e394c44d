import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/charts/EChart';
import { ChartCard } from '../../results/dashboard/ChartCard';
import { formatPoints, formatRate } from '../results/format';

interface RateRow {
  key: string;
  name: string;
  graded: number;
  passed: number;
  passRate: number | null;
  averageTotal: number | null;
}

/** Pass rate of each group (level or unit) as horizontal bars, highest first; groups without results left out. */
export function PassRateCard({ id, title, rows }: { id: string; title: string; rows: RateRow[] }) {
  const { t } = useTranslation();
  const ranked = useMemo(
    () => rows.filter((r) => r.passRate !== null).sort((a, b) => (b.passRate ?? 0) - (a.passRate ?? 0)),
    [rows],
  );
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatRate(v / 100) },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: (v: number) => formatRate(v / 100) } },
      // Highest at the top: ECharts draws a category axis from the bottom.
      yAxis: {
        type: 'category',
        data: [...ranked].reverse().map((r) => r.name),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('contestResults.passRate'),
          data: [...ranked].reverse().map((r) => Math.round((r.passRate ?? 0) * 1000) / 10),
          itemStyle: { color: '#15803d' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatRate(p.value / 100),
          },
        },
      ],
    }),
    [ranked, t],
  );
  return (
    <ChartCard
      id={id}
      title={title}
      chart={<EChart option={option} label={title} height={Math.max(200, ranked.length * 28 + 40)} />}
      table={
        <Table<RateRow>
          size="small"
          rowKey="key"
          pagination={ranked.length > 20 ? { pageSize: 20 } : false}
          aria-label={t('contestResults.tableOf', { name: title })}
          dataSource={ranked}
          columns={[
            { title: t('contestResults.unit'), dataIndex: 'name' },
            { title: t('contestResults.graded'), dataIndex: 'graded', align: 'right', width: 100 },
            {
              title: t('contestResults.average'),
              align: 'right',
              width: 110,
              render: (_, r) => formatPoints(r.averageTotal),
            },
            {
              title: t('contestResults.passRate'),
              align: 'right',
              width: 100,
              render: (_, r) => formatRate(r.passRate),
            },
          ]}
        />
      }
    />
  );
}
