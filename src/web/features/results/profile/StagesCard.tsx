import { Card, Table } from 'antd';
import type { TUnitProfile } from '../../../../contracts/results';
import { fmtPoints, fmtValue } from './format';
import { useProfileText } from './text';

interface StageRow {
  key: 'self' | 'appraised' | 'final';
  points: number;
  max: number;
  value: number | null;
}

/** The unit's totals at the three steps: self-assessed, appraised and final. */
export function StagesCard({ profile: p }: { profile: TUnitProfile }) {
  const { pt, lang } = useProfileText();
  const rows: StageRow[] = [
    { key: 'self', ...p.scores.self },
    { key: 'appraised', ...p.scores.appraised },
    { key: 'final', ...p.scores.final },
  ];
  const label = { self: pt('stageSelf'), appraised: pt('stageAppraised'), final: pt('stageFinal') };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{pt('stages')}</h2>} data-testid="profile-stages">
      <Table<StageRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: pt('stage'), key: 'stage', render: (_, r) => label[r.key] },
          {
            title: pt('points'),
            key: 'points',
            align: 'right',
            render: (_, r) =>
              pt('pointsOf', { points: fmtPoints(r.points, lang), max: fmtPoints(r.max, lang) }),
          },
          { title: pt('value'), key: 'value', align: 'right', render: (_, r) => fmtValue(r.value, lang) },
        ]}
      />
    </Card>
  );
}
