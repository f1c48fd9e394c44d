import { Card, Col, Empty, Flex, Grid, Row, Table, Tag, Typography } from 'antd';
import type { TUnitProfile } from '../../../../contracts/results';
import { fmtPoints, fmtSigned, fmtValue } from './format';
import { useProfileText } from './text';

type Item = TUnitProfile['strengths'][number];
type Indicator = Item['indicators'][number];

function Indicators({ item }: { item: Item }) {
  const { pt, lang } = useProfileText();
  const narrow = Grid.useBreakpoint().md === false;
  if (item.indicators.length === 0)
    return <Typography.Text type="secondary">{pt('noIndicators')}</Typography.Text>;
  // On a phone the four columns leave the name a few letters wide: one block per indicator instead.
  if (narrow)
    return (
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {item.indicators.map((r) => (
          <li
            key={r.code}
            data-testid={`indicator-${r.code}`}
            style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}
          >
            <div>
              {r.code} {r.name}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {pt('indicatorLine', {
                points: fmtPoints(r.points, lang),
                max: fmtPoints(r.max, lang),
                average: fmtPoints(r.peerAveragePoints, lang),
                gap: fmtSigned(r.gapPoints, lang, 2),
              })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    );
  return (
    <Table<Indicator>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={item.indicators}
      onRow={(r) => ({ 'data-testid': `indicator-${r.code}` }) as object}
      columns={[
        {
          title: pt('indicator'),
          key: 'name',
          render: (_, r) => (
            <>
              <span className="nowrap">{r.code}</span> {r.name}
            </>
          ),
        },
        {
          title: pt('indicatorPoints'),
          key: 'points',
          align: 'right',
          className: 'nowrap',
          render: (_, r) =>
            pt('pointsOf', { points: fmtPoints(r.points, lang), max: fmtPoints(r.max, lang) }),
        },
        {
          title: pt('peerAverage'),
          key: 'avg',
          align: 'right',
          className: 'nowrap',
          render: (_, r) => fmtPoints(r.peerAveragePoints, lang),
        },
        {
          title: pt('gap'),
          key: 'gap',
          align: 'right',
          className: 'nowrap',
          render: (_, r) => fmtSigned(r.gapPoints, lang, 2),
        },
      ]}
    />
  );
}

function ItemList({ kind, items }: { kind: 'strengths' | 'weaknesses'; items: Item[] }) {
  const { pt, lang } = useProfileText();
  const strong = kind === 'strengths';
  return (
    <section aria-labelledby={`profile-${kind}-title`} data-testid={`profile-${kind}`}>
      <h3 id={`profile-${kind}-title`} style={{ fontSize: 15, margin: '0 0 8px' }}>
        {pt(kind)}
      </h3>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={pt(strong ? 'noStrengths' : 'noWeaknesses')}
          style={{ margin: '8px 0' }}
        />
      ) : (
        <Flex vertical gap={16}>
          {items.map((x) => (
            <div key={x.code} data-testid={`${kind}-${x.code}`}>
              <Flex gap={8} align="baseline" wrap>
                <strong>
                  {x.code} {x.name}
                </strong>
                <Tag color={strong ? 'green' : 'red'} style={{ color: strong ? '#135200' : '#a8071a' }}>
                  {fmtSigned(x.gap, lang)}
                </Tag>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px', fontSize: 13 }}>
                {pt('itemLine', {
                  value: fmtValue(x.value, lang),
                  average: fmtValue(x.peerAverage, lang),
                  gap: fmtSigned(x.gap, lang),
                })}
              </Typography.Paragraph>
              <Indicators item={x} />
            </div>
          ))}
        </Flex>
      )}
    </section>
  );
}

/** Main indices clearly above or below the group, each with the indicators that explain it. */
export function StrengthsCard({ profile: p }: { profile: TUnitProfile }) {
  const { pt } = useProfileText();
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{pt('strengthsTitle')}</h2>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {pt('strengthsIntro')}
      </Typography.Paragraph>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <ItemList kind="strengths" items={p.strengths} />
        </Col>
        <Col xs={24} lg={12}>
          <ItemList kind="weaknesses" items={p.weaknesses} />
        </Col>
      </Row>
    </Card>
  );
}
