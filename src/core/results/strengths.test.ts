import { describe, expect, it } from 'vitest';
import { unitStrengths } from './strengths';
import { GROUPS, resultsFramework, scored, THIS_YEAR } from './test-fixtures';

const f = resultsFramework();
const scores = scored(f, THIS_YEAR, GROUPS);
const of = (list: ReturnType<typeof unitStrengths>, id: string) => list.find((u) => u.unitId === id)!;

/*
 * Group 1 values: 1.1 = A 1, B 1, C 0.25, D 0.5 (mean 0.6875); 1.2 = A 0.5, B 0.6, C 0.9, D 0.2 (mean 0.55).
 * Standard deviations: 1.1 → squared deviations .09765625 ×2 + .19140625 + .03515625 = .421875, ÷ 4,
 * √ = 0.3247595…; 1.2 → .0025 ×2 + .1225 ×2 = .25, ÷ 4, √ = 0.25.
 */
describe('điểm mạnh, điểm yếu theo khoảng cách với trung bình nhóm', () => {
  it('C mạnh ở 1.2 (+0,35), yếu ở 1.1 (−0,4375), kèm chỉ số thành phần giải thích', () => {
    const c = of(unitStrengths([f], scores), 'C');
    expect(c.strengths.map((s) => s.code)).toEqual(['1.2']);
    expect(c.strengths[0]!.gap).toBeCloseTo(0.35, 12);
    expect(c.weaknesses.map((s) => s.code)).toEqual(['1.1']);
    expect(c.weaknesses[0]!.gap).toBeCloseTo(-0.4375, 12);
    // weakness explained by lost points: 1.1.2 lost 20, 1.1.1 lost 10
    expect(c.weaknesses[0]!.indicators.map((i) => [i.code, i.lost])).toEqual([
      ['1.1.2', 20],
      ['1.1.1', 10],
    ]);
    // strength explained by points above the group: 1.2.1 and 1.2.2 both 27 against (15+18+27+6)/4 = 16.5
    expect(c.strengths[0]!.indicators.map((i) => [i.code, i.gapPoints])).toEqual([
      ['1.2.1', 10.5],
      ['1.2.2', 10.5],
    ]);
  });

  it('ngưỡng loại bỏ khoảng cách nhỏ; hạ ngưỡng thì hiện ra', () => {
    // A: 1.1 +0.3125 (strength), 1.2 −0.05 (below the 0.1 default)
    const a = of(unitStrengths([f], scores), 'A');
    expect(a.strengths.map((s) => s.code)).toEqual(['1.1']);
    expect(a.weaknesses).toEqual([]);
    const low = of(unitStrengths([f], scores, { threshold: 0.01 }), 'A');
    expect(low.weaknesses.map((s) => [s.code, Math.round(s.gap * 1e9) / 1e9])).toEqual([['1.2', -0.05]]);
    // A's lost points in 1.2: 15 on each leaf
    expect(low.weaknesses[0]!.indicators.map((i) => i.lost)).toEqual([15, 15]);
  });

  it('theo z-score: A (+0,3125 / 0,3248 = 0,96) không đạt ngưỡng 1, C đạt ở cả hai chỉ số', () => {
    const list = unitStrengths([f], scores, { measure: 'z' });
    expect(of(list, 'A').strengths).toEqual([]);
    const c = of(list, 'C');
    expect(c.strengths[0]!.z).toBeCloseTo(0.35 / 0.25, 12);
    expect(c.weaknesses[0]!.z).toBeCloseTo(-0.4375 / Math.sqrt(0.421875 / 4), 12);
  });

  it('giới hạn số lượng điểm mạnh và số chỉ số giải thích', () => {
    const c = of(unitStrengths([f], scores, { top: 0 }), 'C');
    expect(c.strengths).toEqual([]);
    const one = of(unitStrengths([f], scores, { indicators: 1 }), 'C');
    expect(one.weaknesses[0]!.indicators.map((i) => i.code)).toEqual(['1.1.2']);
  });

  it('đơn vị một mình trong nhóm, hoặc cả nhóm bằng nhau, không có điểm mạnh hay yếu', () => {
    expect(of(unitStrengths([f], scores), 'E')).toEqual({ unitId: 'E', strengths: [], weaknesses: [] });
    const same = scored(f, { X: THIS_YEAR.A!, Y: THIS_YEAR.A! });
    for (const u of unitStrengths([f], same, { measure: 'z', threshold: 0 })) {
      expect(u.strengths).toEqual([]);
      expect(u.weaknesses).toEqual([]);
    }
    expect(unitStrengths([f], [])).toEqual([]);
  });
});
