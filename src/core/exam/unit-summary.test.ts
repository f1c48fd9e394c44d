import { describe, expect, it } from 'vitest';
import type { AttemptResult } from './result';
import { groupFigures, levelFigures, type SummaryInput, unitSummaries } from './unit-summary';

const res = (theory: number, practice: number): AttemptResult => {
  const total = theory + practice;
  return { theory, practice, total, flag: total >= 50 ? 'pass' : 'khong_xet_khen_thuong' };
};

function row(unit: 'A' | 'B' | 'C', sat: boolean, result: AttemptResult | null): SummaryInput {
  const level = unit === 'A' ? 'so' : 'xa';
  return {
    unitKey: unit,
    unitId: unit,
    unitCode: `U-${unit}`,
    unitName: `Đơn vị ${unit}`,
    level,
    sat,
    result,
  };
}

describe('unit summaries', () => {
  // Unit A (sở): 40+30=70, 20+10=30, absent → registered 3, sat 2, graded 2, avg (70+30)/2 = 50,
  //   theory avg (40+20)/2 = 30, practice avg (30+10)/2 = 20, passed 1, below 1, rate 1/2.
  // Unit B (xã): 50+20=70, 45+10=55, sat but ungraded → registered 3, sat 3, graded 2, avg 62.5,
  //   passed 2, below 0, rate 1.
  // Unit C (xã): absent only → registered 1, sat 0, graded 0, no average, no rank.
  const rows = [
    row('B', true, res(50, 20)),
    row('A', true, res(40, 30)),
    row('A', true, res(20, 10)),
    row('A', false, null),
    row('B', true, res(45, 10)),
    row('B', true, null),
    row('C', false, null),
  ];

  it('counts registered, sat and graded candidates and averages the graded only', () => {
    const [a, b, c] = unitSummaries(rows);
    expect(a).toMatchObject({
      unitCode: 'U-A',
      registered: 3,
      sat: 2,
      graded: 2,
      averageTotal: 50,
      averageTheory: 30,
      averagePractice: 20,
      highest: 70,
      lowest: 30,
      passed: 1,
      belowThreshold: 1,
      passRate: 0.5,
      rankInLevel: 1,
    });
    expect(b).toMatchObject({ unitCode: 'U-B', registered: 3, sat: 3, graded: 2, averageTotal: 62.5 });
    expect(b).toMatchObject({ passed: 2, belowThreshold: 0, passRate: 1, rankInLevel: 1 });
    expect(c).toMatchObject({ unitCode: 'U-C', registered: 1, sat: 0, graded: 0, averageTotal: null });
    expect(c).toMatchObject({ passRate: null, rankInLevel: null });
  });

  it('sums levels: sở = unit A; xã = B and C together', () => {
    const levels = levelFigures(rows);
    expect(levels.map((l) => l.level)).toEqual(['so', 'xa']);
    // Xã: registered 3 + 1 = 4, sat 3, graded 2, avg 62.5, passed 2.
    expect(levels[1]).toMatchObject({ registered: 4, sat: 3, graded: 2, averageTotal: 62.5, passed: 2 });
    // Whole contest: graded 4, totals 70, 30, 70, 55 → mean 225 / 4 = 56.25; passed 3 of 4.
    expect(groupFigures(rows)).toMatchObject({
      registered: 7,
      graded: 4,
      averageTotal: 56.25,
      passRate: 0.75,
    });
  });
});
