import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { distribution, equalEdges, histogram } from './distribution';
import { GROUPS, resultsFramework, scored, THIS_YEAR } from './test-fixtures';

const f = resultsFramework();
const scores = scored(f, THIS_YEAR, GROUPS);
// Totals: A 0.7 (70 points), B 0.7 (56 of 80), C 0.64 (64), D 0.32 (32), E 0.5 (50)

describe('phân bố điểm', () => {
  it('năm khoảng đều trên 0–1, số đơn vị theo xếp loại, thống kê', () => {
    const d = distribution(scores, { bins: 5, bands: f.policy.bands });
    // [0,.2) none; [.2,.4) D; [.4,.6) E; [.6,.8) A, B, C; [.8,1] none
    expect(d.bins.map((b) => b.count)).toEqual([0, 1, 1, 3, 0]);
    expect(d.bins[3]).toMatchObject({ from: 0.6, to: 0.8 });
    // Khá ≥ 0.65: A, B; Trung bình ≥ 0.5: C, E; Yếu: D
    expect(d.bands.map((b) => [b.label, b.count])).toEqual([
      ['Tốt', 0],
      ['Khá', 2],
      ['Trung bình', 2],
      ['Yếu', 1],
    ]);
    expect(d.unbanded).toBe(0);
    // mean 2.86 / 5 = 0.572; sorted .32 .5 .64 .7 .7 → median .64;
    // squared deviations .016384 + .016384 + .004624 + .063504 + .005184 = .10608, ÷ 5 = .021216
    expect(d.summary.count).toBe(5);
    expect(d.summary.mean).toBeCloseTo(0.572, 12);
    expect(d.summary.median).toBeCloseTo(0.64, 12);
    expect(d.summary.min).toBeCloseTo(0.32, 12);
    expect(d.summary.max).toBeCloseTo(0.7, 12);
    expect(d.summary.stdev).toBeCloseTo(Math.sqrt(0.021216), 12);
  });

  it('theo điểm: khoảng mặc định tới điểm tối đa lớn nhất', () => {
    const d = distribution(scores, { scale: 'points', bins: 4 });
    // [0,25) none; [25,50) D 32; [50,75) A 70, B 56, C 64, E 50; [75,100] none
    expect(d.bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 25, 0],
      [25, 50, 1],
      [50, 75, 4],
      [75, 100, 0],
    ]);
    expect(d.summary.mean).toBeCloseTo((70 + 56 + 64 + 32 + 50) / 5, 12);
  });

  it('theo một chỉ số chính, bỏ qua đơn vị chỉ số không áp dụng', () => {
    const s = scored(f, { A: THIS_YEAR.A!, X: { '1.1.1': 5, '1.1.2': 5, '1.2': 'na' } });
    const d = distribution(s, { key: { by: 'node', code: '1.2' }, edges: [0, 0.5, 1] });
    // only A has 1.2 (0.5): it falls in [0.5, 1]
    expect(d.bins.map((b) => b.count)).toEqual([0, 1]);
    expect(d.missing).toBe(1);
  });

  it('mốc chia so như xếp hạng (9 chữ số) và giá trị ngoài khoảng được đếm riêng', () => {
    // 0.7 − 0.4 = 0.29999999999999993 belongs to [0.3, 1]; exactly 1 belongs to the last bin
    const h = histogram([0.7 - 0.4, 1, -0.1, 1.2], [0, 0.3, 1]);
    expect(h.bins.map((b) => b.count)).toEqual([0, 2]);
    expect([h.below, h.above]).toEqual([1, 1]);
  });

  it('không có đơn vị: các khoảng đều 0, thống kê null', () => {
    const d = distribution([], { bins: 2 });
    expect(d.bins.map((b) => b.count)).toEqual([0, 0]);
    expect(d.summary.mean).toBeNull();
  });

  it('từ chối cách chia không hợp lệ', () => {
    expect(() => equalEdges(0, 1, 0)).toThrow(AppError);
    expect(() => histogram([0.5], [0, 0.5, 0.5])).toThrow('Các mốc chia phải tăng dần và có ít nhất hai mốc');
  });
});
