import { Card, Flex, Segmented, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { TTrendMethod, TUnitProfile } from '../../../../contracts/results';
import { EChart } from '../../../ui/charts/EChart';
import { trendOption } from './chartOptions';
import { fmtPoints, fmtSigned, fmtValue } from './format';
import { type ProfileText, useProfileText } from './text';

type Point = TUnitProfile['trend'][number];

/** "Merged from: A, B" for a year that stands on predecessors. */
function fromText(x: Point, p: TUnitProfile, pt: ProfileText): string {
  const names = x.sources.map((id) => p.predecessors.find((u) => u.unitId === id)?.name ?? id).join(', ');
  return pt(x.basis === 'merged' ? 'basisMergedFrom' : 'basisPredecessorFrom', { names });
}

/** The DTI value over the years, the basis of each year, and the averaging used for merged units. */
export function TrendCard({
  profile: p,
  method,
  onMethod,
  loading,
}: {
  profile: TUnitProfile;
  method: TTrendMethod;
  onMethod: (m: TTrendMethod) => void;
  loading: boolean;
}) {
  const { pt, lang } = useProfileText();
  const option = useMemo(
    () =>
      trendOption(
        p,
        pt('value'),
        (v) => fmtValue(v, lang),
        (v) => fmtPoints(v, lang),
      ),
    [p, pt, lang],
  );
  const merged = p.trend.some((x) => x.basis !== 'own');
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{pt('trendTitle')}</h2>} data-testid="profile-trend">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text id="trend-method-label">{pt('trendMethod')}:</Typography.Text>
        <Segmented<TTrendMethod>
          aria-labelledby="trend-method-label"
          value={method}
          onChange={onMethod}
          options={[
            { value: 'mean', label: pt('trendMean') },
            { value: 'weighted', label: pt('trendWeighted') },
          ]}
        />
        {loading && <Spin size="small" />}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="trend-method-help">
        {pt(method === 'mean' ? 'trendMeanHelp' : 'trendWeightedHelp')}
      </Typography.Paragraph>
      {p.trend.length > 1 ? (
        <EChart option={option} label={pt('trendLabel', { unit: p.unit.name })} height={260} />
      ) : (
        <Typography.Paragraph>
          {pt(p.trend.length === 0 ? 'trendEmpty' : 'trendOnlyOne')}
        </Typography.Paragraph>
      )}
      <Table<Point>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={p.trend}
        onRow={(r) => ({ 'data-testid': `trend-${r.year}` }) as object}
        columns={[
          { title: pt('yearShort'), dataIndex: 'year', key: 'year' },
          {
            title: pt('value'),
            key: 'value',
            align: 'right',
            render: (_, r) => <span data-testid={`trend-value-${r.year}`}>{fmtValue(r.value, lang)}</span>,
          },
          {
            title: pt('points'),
            key: 'points',
            align: 'right',
            className: 'nowrap',
            responsive: ['md'],
            render: (_, r) =>
              pt('pointsOf', { points: fmtPoints(r.points, lang), max: fmtPoints(r.max, lang) }),
          },
          {
            title: pt('rank'),
            key: 'rank',
            align: 'right',
            className: 'nowrap',
            render: (_, r) => (r.rank === null ? '—' : pt('rankOf', { rank: r.rank, of: r.of ?? '' })),
          },
          {
            title: pt('change'),
            key: 'change',
            align: 'right',
            className: 'nowrap',
            responsive: ['md'],
            render: (_, r) => fmtSigned(r.change, lang),
          },
          {
            title: pt('basis'),
            key: 'basis',
            render: (_, r) =>
              r.basis === 'own' ? (
                pt('basis_own')
              ) : (
                <span data-testid={`trend-basis-${r.year}`}>
                  <Tag color="purple" style={{ whiteSpace: 'normal' }}>
                    {pt(`basis_${r.basis}`)}
                  </Tag>{' '}
                  {fromText(r, p, pt)}
                </span>
              ),
          },
        ]}
      />
      {merged && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 8, marginBottom: 0 }}>
          {pt('trendNote')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
