import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { historySources } from './predecessors';
import { yearOf } from './test-fixtures';
import { unitTrend } from './trend';
import type { UnitLink } from './types';

/*
 * M was formed on 1/7/2025 from P1 and P2; R was renamed from Q in 2025.
 * 2023: P1 1.1 = 30/40 = 0.75, 1.2 = 30/60 = 0.5 (total 0.6); P2 1.1 = 10/40 = 0.25, 1.2 = 30/60 = 0.5 (0.4)
 * 2024: P1 1.1 = 1, 1.2 = 1 (total 1.0); P2 1.1 = 0, 1.2 = 24/60 = 0.4 (total 0.24)
 * 2025: M 1.1 = 30/40, 1.2 = 48/60: total 78/100 = 0.78; R 0.5
 */
const years = [
  yearOf(2025, {
    M: { '1.1.1': 15, '1.1.2': 15, '1.2.1': 24, '1.2.2': 24 },
    R: { '1.1.1': 10, '1.1.2': 10, '1.2.1': 15, '1.2.2': 15 },
    N: { '1.1.1': 20, '1.1.2': 20, '1.2.1': 30, '1.2.2': 30 },
  }),
  yearOf(2023, {
    P1: { '1.1.1': 15, '1.1.2': 15, '1.2.1': 15, '1.2.2': 15 },
    P2: { '1.1.1': 5, '1.1.2': 5, '1.2.1': 15, '1.2.2': 15 },
    Q: { '1.1.1': 0, '1.1.2': 0, '1.2.1': 0, '1.2.2': 0 },
  }),
  yearOf(2024, {
    P1: { '1.1.1': 20, '1.1.2': 20, '1.2.1': 30, '1.2.2': 30 },
    P2: { '1.1.1': 0, '1.1.2': 0, '1.2.1': 12, '1.2.2': 12 },
  }),
];
const links: UnitLink[] = [
  { predecessorId: 'P1', successorId: 'M', kind: 'merge', effectiveDate: '2025-07-01' },
  { predecessorId: 'P2', successorId: 'M', kind: 'merge', effectiveDate: '2025-07-01' },
  { predecessorId: 'Q', successorId: 'R', kind: 'rename', effectiveDate: '2025-07-01' },
];

describe('xu hướng qua các năm', () => {
  it('đơn vị sáp nhập từ hai đơn vị: trung bình cộng các chỉ số chính của đơn vị tiền thân', () => {
    const t = unitTrend('M', years, links);
    expect(t.map((p) => [p.year, p.basis])).toEqual([
      [2023, 'merged'],
      [2024, 'merged'],
      [2025, 'own'],
    ]);
    // 2023: 1.1 = (0.75 + 0.25)/2 = 0.5, 1.2 = 0.5 → 20 + 30 = 50 → 0.5
    expect(t[0]!.nodes['1.1']).toBeCloseTo(0.5, 12);
    expect(t[0]!.value).toBeCloseTo(0.5, 12);
    // 2024: 1.1 = (1 + 0)/2 = 0.5 → 20; 1.2 = (1 + 0.4)/2 = 0.7 → 42; 62/100
    expect(t[1]!.value).toBeCloseTo(0.62, 12);
    expect(t[1]!.sources).toEqual(['P1', 'P2']);
    expect(t[1]!.change).toBeCloseTo(0.12, 12);
    // 2025: its own 0.78, rank 2 of 3 (N 1.0, M 0.78, R 0.5); no rank on the averaged years
    expect(t[2]).toMatchObject({ value: 0.78, rank: 2, of: 3 });
    expect(t[2]!.change).toBeCloseTo(0.16, 12);
    expect(t[1]!.rank).toBeNull();
  });

  it('trung bình có trọng số (ví dụ dân số) khi được chọn', () => {
    const weights: Record<string, number> = { P1: 3, P2: 1 };
    const t = unitTrend('M', years, links, { method: 'weighted', weightOf: (id) => weights[id] });
    // 2024: 1.1 = (3·1 + 1·0)/4 = 0.75 → 30; 1.2 = (3·1 + 1·0.4)/4 = 0.85 → 51; 81/100
    expect(t[1]!.nodes['1.1']).toBeCloseTo(0.75, 12);
    expect(t[1]!.value).toBeCloseTo(0.81, 12);
    expect(() => unitTrend('M', years, links, { method: 'weighted' })).toThrow(AppError);
  });

  it('đơn vị đổi tên mang kết quả đơn vị cũ; đơn vị mới chỉ có năm nay', () => {
    const r = unitTrend('R', years, links);
    expect(r.map((p) => [p.year, p.basis, p.value])).toEqual([
      [2023, 'predecessor', 0],
      [2025, 'own', 0.5],
    ]);
    const n = unitTrend('N', years, links);
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ year: 2025, basis: 'own', change: null, rank: 1 });
  });
});

describe('tìm đơn vị tiền thân có kết quả', () => {
  it('đi qua đơn vị trung gian không có kết quả, giữ kết quả của đơn vị nhận sáp nhập', () => {
    const chain: UnitLink[] = [
      { predecessorId: 'X', successorId: 'Y', kind: 'merge', effectiveDate: '2020-01-01' },
      { predecessorId: 'W', successorId: 'Y', kind: 'merge', effectiveDate: '2020-01-01' },
      { predecessorId: 'Y', successorId: 'Z', kind: 'merge', effectiveDate: '2025-07-01' },
      { predecessorId: 'Z', successorId: 'Y', kind: 'rename', effectiveDate: '2026-01-01' },
    ];
    // Y and Z have no result that year: look through them to X and W (the Z → Y loop is ignored)
    expect(historySources('Z', chain, (id) => id === 'X' || id === 'W')).toEqual(['X', 'W']);
    // a unit that absorbed another keeps its own result beside the absorbed one's
    expect(historySources('Y', chain, (id) => id === 'Y' || id === 'X')).toEqual(['Y', 'X']);
    expect(historySources('Q', chain, () => false)).toEqual([]);
  });
});
