import { Flex, Typography } from 'antd';
import type { TEntryView } from '../../../../contracts/cycles';
import { formatPoints } from './format';
import { appraisedPoints, finalPoints } from './score';
import { useFormText } from './text';

/** Tự đánh giá / thẩm định / đạt được of one indicator, with the reasons of any change. */
export function ScoreTriple({ entry }: { entry: TEntryView }) {
  const { ft, lang } = useFormText();
  const show = (n: number | null) => (n === null ? '—' : formatPoints(n, lang));
  const cells: [string, number | null, string][] = [
    [ft('scoreSelf'), entry.selfPoints, 'self'],
    [ft('scoreAppraised'), appraisedPoints(entry), 'appraised'],
    [ft('scoreFinal'), finalPoints(entry), 'final'],
  ];
  return (
    <div style={{ marginTop: 12 }} data-testid={`scores-${entry.code}`}>
      <Flex gap={8} wrap>
        {cells.map(([label, value, key]) => (
          <div
            key={key}
            style={{
              border: '1px solid #d9d9d9',
              borderRadius: 6,
              padding: '4px 10px',
              flex: '1 1 88px',
              maxWidth: 150,
            }}
          >
            <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>{label}</div>
            <div style={{ fontWeight: 600 }} data-testid={`score-${key}-${entry.code}`}>
              {show(value)} / {formatPoints(entry.maxPoints, lang)}
            </div>
          </div>
        ))}
      </Flex>
      {entry.reviewReason && (
        <Typography.Text style={{ display: 'block', marginTop: 4 }}>
          {ft('reviewReason', { reason: entry.reviewReason })}
        </Typography.Text>
      )}
      {entry.finalReason && (
        <Typography.Text style={{ display: 'block', marginTop: 4 }}>
          {ft('finalReason', { reason: entry.finalReason })}
        </Typography.Text>
      )}
    </div>
  );
}
