import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../../contracts/contest-results';
import { EChart } from '../../../ui/charts/EChart';
import { ChartCard } from '../../results/dashboard/ChartCard';
import { formatPoints } from '../results/format';

/** Average points of each section beside its maximum. */
export function SectionsCard({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const title = t('contestResults.sections');
  const sections = d.sections.filter((s) => s.max > 0);
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 12, top: 32, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: sections.map((s) => s.name) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('contestResults.average'),
          data: sections.map((s) => s.average ?? 0),
          itemStyle: { color: '#1d4ed8' },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => formatPoints(p.value) },
        },
        {
          type: 'bar',
          name: t('contestResults.sectionMax'),
          data: sections.map((s) => s.max),
          itemStyle: { color: '#cbd5e1' },
        },
      ],
    }),
    [sections, t],
  );
  return (
    <ChartCard
      id="contest-sections"
      title={title}
      chart={<EChart option={option} label={title} height={280} />}
      table={
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          aria-label={t('contestResults.tableOf', { name: title })}
          dataSource={sections}
          columns={[
            { title: '', dataIndex: 'name' },
            { title: t('contestResults.average'), align: 'right', render: (_, s) => formatPoints(s.average) },
            { title: t('contestResults.sectionMax'), align: 'right', render: (_, s) => formatPoints(s.max) },
          ]}
        />
      }
    />
  );
}
