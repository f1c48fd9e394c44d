import { describe, expect, it } from 'vitest';
import { evidenceCompleteness, mostImproved, selfAppraisedGaps } from './improvement';
import type { LeagueRow } from './league';

const row = (unitId: string, valueChange: number | null, rankChange: number | null): LeagueRow => ({
  unitId,
  rank: 1,
  value: 0.5,
  points: 50,
  max: 100,
  band: null,
  previous: valueChange === null ? null : { value: 0.5 - valueChange, rank: 1, of: 4 },
  previousBasis: valueChange === null ? null : 'own',
  valueChange,
  percentChange: null,
  rankChange,
});

describe('đơn vị tiến bộ nhất', () => {
  // The league test's changes: A +0.12 / up 1, C +0.02 / down 2, D −0.18 / down 1, B new
  const rows = [row('B', null, null), row('A', 0.12, 1), row('C', 0.02, -2), row('D', -0.18, -1)];

  it('theo mức tăng giá trị, bỏ đơn vị không có năm trước', () => {
    expect(mostImproved(rows).map((r) => r.unitId)).toEqual(['A', 'C', 'D']);
    expect(mostImproved(rows, { top: 1 }).map((r) => r.unitId)).toEqual(['A']);
  });

  it('theo số bậc tăng', () => {
    expect(mostImproved(rows, { by: 'rank' }).map((r) => r.unitId)).toEqual(['A', 'D', 'C']);
  });
});

describe('chênh lệch tự đánh giá và thẩm định', () => {
  it('tuyệt đối và tương đối so với điểm tự đánh giá', () => {
    const [a, zero, pending] = selfAppraisedGaps([
      // 80 claimed, 60 appraised: −20 points, −0.2 in value, −20/80 = −25 %
      {
        unitId: 'a',
        self: { points: 80, max: 100, value: 0.8 },
        appraised: { points: 60, max: 100, value: 0.6 },
      },
      // central data raised a unit that claimed nothing: +5 points, no relative gap from 0
      {
        unitId: 'z',
        self: { points: 0, max: 100, value: 0 },
        appraised: { points: 5, max: 100, value: 0.05 },
      },
      { unitId: 'p', self: { points: 50, max: 100, value: 0.5 }, appraised: null },
    ]);
    expect(a!.gapPoints).toBe(-20);
    expect(a!.gapValue).toBeCloseTo(-0.2, 12);
    expect(a!.relative).toBe(-0.25);
    expect(zero).toMatchObject({ gapPoints: 5, relative: null });
    expect(pending).toMatchObject({ gapPoints: null, gapValue: null, relative: null });
  });
});

describe('mức đầy đủ minh chứng', () => {
  it('tỷ lệ đã có trên cần có, thiếu nhiều nhất lên đầu', () => {
    const out = evidenceCompleteness([
      { unitId: 'u1', required: 10, provided: 7 },
      { unitId: 'u2', required: 0, provided: 0 },
      { unitId: 'u3', required: 4, provided: 1 },
      { unitId: 'u4', required: 2, provided: 5 },
    ]);
    expect(out.map((e) => [e.unitId, e.share, e.missing])).toEqual([
      ['u3', 0.25, 3],
      ['u1', 0.7, 3],
      ['u4', 1, 0],
      ['u2', null, 0],
    ]);
  });
});
