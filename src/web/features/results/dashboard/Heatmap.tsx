import { Table, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../../contracts/results';
import { EChart } from '../../../ui/charts/EChart';
import { ChartCard } from './ChartCard';
import { formatValue } from './format';

type Heat = TDashboard['heatmaps'][number];
interface Named {
  unitId: string;
  name: string;
}

/** A light background for a 0–1 value, red (low) through amber to green (high), readable with black text. */
export function heatColour(v: number | null): string | undefined {
  if (v === null) return undefined;
  const hue = Math.round(Math.max(0, Math.min(1, v)) * 120);
  return `hsl(${hue} 70% 85%)`;
}

/** A cell label: two decimals at most. */
const short = (v: number, lang: string) =>
  v.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });

/** Units × main indices of one level and group, ranked order, with the group's average per index. */
export function Heatmap({ heat, units, title }: { heat: Heat; units: readonly Named[]; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { rows, names } = useMemo(() => {
    const order = new Map(units.map((u, i) => [u.unitId, i]));
    return {
      names: new Map(units.map((u) => [u.unitId, u.name])),
      rows: [...heat.rows].sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0)),
    };
  }, [heat, units]);
  const average = t('results.groupAverage');
  const option = useMemo(() => {
    const ys = [...rows.map((r) => names.get(r.unitId) ?? ''), average];
    const data = [...rows.map((r) => r.values), heat.averages].flatMap((vals, y) =>
      vals.map((v, x) => [x, y, v === null ? '-' : Math.round(v * 10000) / 10000]),
    );
    return {
      tooltip: { position: 'top' },
      grid: { left: 8, right: 12, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: heat.columns.map((c) => c.code), splitArea: { show: true } },
      yAxis: {
        type: 'category',
        data: ys,
        inverse: true,
        axisLabel: { width: 160, overflow: 'truncate', fontSize: 11 },
      },
      visualMap: {
        min: 0,
        max: 1,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        inRange: { color: ['#f87171', '#fde68a', '#4ade80'] },
      },
      series: [
        {
          type: 'heatmap',
          name: title,
          data,
          label: {
            show: rows.length <= 40 && heat.columns.length <= 12,
            fontSize: 10,
            formatter: (p: { value: [number, number, number | string] }) =>
              typeof p.value[2] === 'number' ? short(p.value[2], lang) : '',
          },
        },
      ],
    };
  }, [rows, names, heat, average, title, lang]);

  const minWidth = 200 + heat.columns.length * 48;
  type Row = { key: string; name: string; values: (number | null)[]; average?: boolean };
  const tableRows: Row[] = [
    ...rows.map((r) => ({ key: r.unitId, name: names.get(r.unitId) ?? '', values: r.values })),
    { key: '_avg', name: average, values: heat.averages, average: true },
  ];
  return (
    <ChartCard
      id={`heatmap-${heat.group ?? 'all'}`}
      title={title}
      chart={
        <div style={{ overflowX: 'auto' }}>
          <div style={{ minWidth }}>
            <EChart option={option} label={title} height={110 + (rows.length + 1) * 24} />
          </div>
        </div>
      }
      table={
        <Table<Row>
          size="small"
          pagination={false}
          aria-label={title}
          dataSource={tableRows}
          scroll={{ x: minWidth }}
          onRow={(r) => (r.average ? { style: { fontWeight: 600 } } : {})}
          columns={[
            { title: t('results.unit'), dataIndex: 'name', fixed: 'left', width: 200 },
            ...heat.columns.map((c, i) => ({
              title: (
                <Tooltip title={`${c.name} (${t('results.maxPoints', { max: c.maxPoints })})`}>
                  <span>{c.code}</span>
                </Tooltip>
              ),
              key: c.code,
              align: 'right' as const,
              width: 80,
              onCell: (r: Row) => ({ style: { background: heatColour(r.values[i] ?? null) } }),
              render: (_: unknown, r: Row) =>
                r.values[i] === null ? (
                  <Typography.Text type="secondary" title={t('results.notApplicable')}>
                    —
                  </Typography.Text>
                ) : (
                  formatValue(r.values[i], lang)
                ),
            })),
          ]}
        />
      }
    />
  );
}
