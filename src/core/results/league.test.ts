import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { leagueTables } from './league';
import { previousStandings } from './standings';
import { GROUPS, resultsFramework, scored, THIS_YEAR, yearOf } from './test-fixtures';
import type { UnitLink } from './types';

const f = resultsFramework();
const scores = scored(f, THIS_YEAR, GROUPS);

/**
 * Last year: A, D, and P1 + P2, which merged into C this year; B is new (no predecessor).
 * A: 40 + 18 = 58 → 0.58. P1: 40 + 60 → 1.0 (1.1 = 1, 1.2 = 1). P2: 0 + 24 → 0.24 (1.1 = 0, 1.2 = 0.4).
 * D: 20 + 30 = 50 → 0.5. C restated: 1.1 = (1 + 0)/2 = 0.5 → 20 points, 1.2 = (1 + 0.4)/2 = 0.7 → 42,
 * total 62/100 = 0.62. Ranked among today's units with a history: C 1, A 2, D 3 (of 3).
 */
const lastYear = yearOf(2024, {
  A: { '1.1.1': 20, '1.1.2': 20, '1.2.1': 9, '1.2.2': 9 },
  P1: { '1.1.1': 20, '1.1.2': 20, '1.2.1': 30, '1.2.2': 30 },
  P2: { '1.1.1': 0, '1.1.2': 0, '1.2.1': 12, '1.2.2': 12 },
  D: { '1.1.1': 10, '1.1.2': 10, '1.2.1': 15, '1.2.2': 15 },
});
const links: UnitLink[] = [
  { predecessorId: 'P1', successorId: 'C', kind: 'merge', effectiveDate: '2025-07-01' },
  { predecessorId: 'P2', successorId: 'C', kind: 'merge', effectiveDate: '2025-07-01' },
];
const names = new Map([
  ['A', 'Sở Xây dựng'],
  ['B', 'Sở Công Thương'],
  ['C', 'Sở Nông nghiệp và Môi trường'],
  ['D', 'Sở Y tế'],
  ['E', 'Ban Quản lý các khu công nghiệp'],
]);

describe('bảng xếp hạng theo cấp và nhóm', () => {
  it('đồng hạng "1, 1, 3, 4" trên giá trị chưa làm tròn, mỗi nhóm một bảng', () => {
    const tables = leagueTables([f], scores, { names });
    expect(tables.map((t) => [t.group, t.of])).toEqual([
      [1, 4],
      [2, 1],
    ]);
    const g1 = tables[0]!;
    // A = 70/100 and B = 56/80 are both 0.7: same rank; tied units in Vietnamese alphabetical order
    expect(g1.rows.map((r) => [r.unitId, r.rank])).toEqual([
      ['B', 1],
      ['A', 1],
      ['C', 3],
      ['D', 4],
    ]);
    expect(g1.rows.map((r) => r.band?.label)).toEqual(['Khá', 'Khá', 'Trung bình', 'Yếu']);
    expect(g1.rows[1]).toMatchObject({ points: 70, max: 100, value: 0.7 });
    expect(tables[1]!.rows).toMatchObject([{ unitId: 'E', rank: 1, value: 0.5 }]);
  });

  it('xếp theo một chỉ số chính (tab của trang công khai)', () => {
    const [g1] = leagueTables([f], scores, { sortBy: { by: 'node', code: '1.2' } });
    // 1.2: C 0.9, B 0.6, A 0.5, D 0.2
    expect(g1!.rows.map((r) => [r.unitId, r.rank, r.points])).toEqual([
      ['C', 1, 54],
      ['B', 2, 36],
      ['A', 3, 30],
      ['D', 4, 12],
    ]);
    expect(g1!.rows[0]!.band).toBeNull();
  });

  it('thay đổi so với năm trước: tăng/giảm bậc, đơn vị mới không có năm trước, đơn vị sáp nhập lấy trung bình', () => {
    const previous = previousStandings(lastYear, ['A', 'B', 'C', 'D'], links);
    const [g1] = leagueTables([f], scores, { previous, names });
    const row = (id: string) => g1!.rows.find((r) => r.unitId === id)!;
    // A: rank 2 → 1 (up 1), 0.58 → 0.7: +0.12, +0.12/0.58 = +20.69 %
    expect(row('A').previous).toMatchObject({ rank: 2, of: 3 });
    expect(row('A').previous!.value).toBeCloseTo(0.58, 12);
    expect(row('A').rankChange).toBe(1);
    expect(row('A').valueChange).toBeCloseTo(0.12, 12);
    expect(row('A').percentChange).toBeCloseTo((0.12 / 0.58) * 100, 9);
    expect(row('A').previousBasis).toBe('own');
    // C: merged, 0.62 and rank 1 last year → rank 3 now: down 2, +0.02
    expect(row('C').previousBasis).toBe('merged');
    expect(row('C').previous!.value).toBeCloseTo(0.62, 12);
    expect(row('C').rankChange).toBe(-2);
    expect(row('C').valueChange).toBeCloseTo(0.02, 12);
    // D: 0.5, rank 3 → 0.32, rank 4
    expect(row('D').rankChange).toBe(-1);
    expect(row('D').valueChange).toBeCloseTo(-0.18, 12);
    // B: new unit, nothing to compare
    expect(row('B')).toMatchObject({
      previous: null,
      previousBasis: null,
      valueChange: null,
      rankChange: null,
    });
  });

  it('thay đổi theo chỉ số chính dùng hạng của chính chỉ số đó năm trước', () => {
    const previous = previousStandings(lastYear, ['A', 'B', 'C', 'D'], links);
    const [g1] = leagueTables([f], scores, { previous, sortBy: { by: 'node', code: '1.2' } });
    const a = g1!.rows.find((r) => r.unitId === 'A')!;
    // last year 1.2: C 0.7, D 0.5, A 0.3 → A was 3rd; now 3rd (0.5): no change, +0.2
    expect(a.previous).toMatchObject({ rank: 3 });
    expect(a.rankChange).toBe(0);
    expect(a.valueChange).toBeCloseTo(0.2, 12);
  });

  it('nhóm rỗng không sinh bảng; mã chỉ số lạ bị từ chối', () => {
    expect(leagueTables([f], [])).toEqual([]);
    expect(() => leagueTables([f], scores, { sortBy: { by: 'node', code: '9.9' } })).toThrow(AppError);
  });

  it('đơn vị không có giá trị (chỉ số không áp dụng) đứng cuối, không xếp hạng', () => {
    const s = scored(f, { A: THIS_YEAR.A!, X: { '1.1.1': 5, '1.1.2': 5, '1.2': 'na' } });
    const [t] = leagueTables([f], s, { sortBy: { by: 'node', code: '1.2' } });
    expect(t!.of).toBe(1);
    expect(t!.rows.map((r) => [r.unitId, r.rank, r.value])).toEqual([
      ['A', 1, 0.5],
      ['X', null, null],
    ]);
  });
});
