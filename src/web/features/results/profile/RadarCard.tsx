import { Card, Grid, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { TUnitProfile } from '../../../../contracts/results';
import { EChart } from '../../../ui/charts/EChart';
import { radarOption } from './chartOptions';
import { fmtSigned, fmtValue } from './format';
import { useProfileText } from './text';

interface AxisRow {
  code: string;
  name: string;
  unit: number | null;
  average: number | null;
}

/** Main-index values against the group average: the radar, and the same figures as a table. */
export function RadarCard({ profile: p }: { profile: TUnitProfile }) {
  const { pt, lang } = useProfileText();
  const narrow = Grid.useBreakpoint().md === false;
  const unit = pt('radarUnit');
  const average = pt('radarAverage');
  const option = useMemo(() => radarOption(p, { unit, average }, narrow), [p, unit, average, narrow]);
  const rows: AxisRow[] = p.radar.axes.map((a, i) => ({
    code: a.code,
    name: a.name,
    unit: p.radar.unit[i] ?? null,
    average: p.radar.groupAverage[i] ?? null,
  }));
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{pt('radarTitle')}</h2>}
      data-testid="profile-radar"
      style={{ height: '100%' }}
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{pt('noMain')}</Typography.Text>
      ) : (
        <>
          {rows.length >= 3 && (
            <EChart
              option={option}
              label={pt('radarLabel', { unit: p.unit.name })}
              height={narrow ? 320 : 420}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0' }}>
            {pt('radarPeers')}
          </Typography.Paragraph>
          <Table<AxisRow>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={rows}
            onRow={(r) => ({ 'data-testid': `radar-row-${r.code}` }) as object}
            columns={[
              {
                title: pt('mainIndex'),
                key: 'name',
                render: (_, r) => (
                  <>
                    <span className="nowrap">{r.code}</span> {r.name}
                  </>
                ),
              },
              {
                title: pt('radarUnit'),
                key: 'unit',
                align: 'right',
                render: (_, r) => <span data-testid={`radar-unit-${r.code}`}>{fmtValue(r.unit, lang)}</span>,
              },
              {
                title: pt('radarAverage'),
                key: 'average',
                align: 'right',
                render: (_, r) => (
                  <span data-testid={`radar-avg-${r.code}`}>{fmtValue(r.average, lang)}</span>
                ),
              },
              {
                title: pt('radarDiff'),
                key: 'diff',
                align: 'right',
                render: (_, r) =>
                  fmtSigned(r.unit !== null && r.average !== null ? r.unit - r.average : null, lang),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
