import { Card, Descriptions, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../../contracts/results';
import { EChart } from '../../../ui/charts/EChart';
import { BandTag } from './BandTag';
import { CardTitle } from './CardTitle';
import { ChartCard } from './ChartCard';
import { formatPoints, formatValue } from './format';

type Dist = TDashboard['distribution'];

/** How the units' results spread: a histogram (chart or table), band counts and summary statistics. */
export function Distribution({ dist, keyName }: { dist: Dist; keyName: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = (n: number | null) => (dist.scale === 'value' ? formatValue(n, lang) : formatPoints(n, lang));
  // Bin edges are round numbers: two decimals at most keep the axis readable.
  const bins = useMemo(
    () =>
      dist.bins.map((b) => ({
        ...b,
        label: `${formatPoints(b.from, lang)}–${formatPoints(b.to, lang)}`,
      })),
    [dist.bins, lang],
  );
  const title = t('results.distributionTitle', { key: keyName });
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 12, top: 16, bottom: 64 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: bins.map((b) => b.label),
        axisLabel: { rotate: 40, fontSize: 11 },
        name: '',
      },
      yAxis: { type: 'value', minInterval: 1, name: '' },
      series: [
        {
          type: 'bar',
          name: t('results.unitCount'),
          data: bins.map((b) => b.count),
          itemStyle: { color: '#1d4ed8' },
          label: { show: true, position: 'top', fontSize: 11 },
        },
      ],
    }),
    [bins, t],
  );
  const s = dist.summary;
  return (
    <ChartCard
      id="distribution"
      title={title}
      chart={<EChart option={option} label={title} height={280} />}
      table={
        <Table
          size="small"
          rowKey="label"
          pagination={false}
          aria-label={title}
          dataSource={bins}
          columns={[
            { title: t('results.bin'), dataIndex: 'label' },
            { title: t('results.unitCount'), dataIndex: 'count', align: 'right', width: 120 },
          ]}
        />
      }
      extra={
        <Descriptions
          size="small"
          column={{ xs: 2, sm: 3, xxl: 6 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'n', label: t('results.unitCount'), children: s.count },
            { key: 'mean', label: t('results.mean'), children: fmt(s.mean) },
            { key: 'median', label: t('results.median'), children: fmt(s.median) },
            { key: 'min', label: t('results.min'), children: fmt(s.min) },
            { key: 'max', label: t('results.max'), children: fmt(s.max) },
            { key: 'sd', label: t('results.stdev'), children: fmt(s.stdev) },
          ]}
        />
      }
    />
  );
}

/** Units per band (always on the 0–1 value), with those below every band and those without a value. */
export function BandCounts({ dist }: { dist: Dist }) {
  const { t, i18n } = useTranslation();
  const rows =
    dist.bands.length === 0
      ? []
      : [
          ...dist.bands.map((b) => ({
            key: b.code,
            band: <BandTag band={b.label} bands={dist.bands} />,
            from: `≥ ${formatValue(b.minValue, i18n.language)}`,
            count: b.count,
          })),
          { key: '_below', band: t('results.unbanded'), from: '', count: dist.unbanded },
          ...(dist.missing > 0
            ? [{ key: '_missing', band: t('results.missing'), from: '', count: dist.missing }]
            : []),
        ];
  return (
    <Card title={<CardTitle id="band-counts-title">{t('results.bandCounts')}</CardTitle>}>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={t('results.bandCounts')}
        data-testid="band-counts"
        columns={[
          { title: t('results.band'), dataIndex: 'band' },
          { title: t('results.bandFrom'), dataIndex: 'from', width: 120 },
          { title: t('results.unitCount'), dataIndex: 'count', align: 'right', width: 110 },
        ]}
        locale={{ emptyText: t('results.noBands') }}
      />
    </Card>
  );
}
