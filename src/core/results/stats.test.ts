import { describe, expect, it } from 'vitest';
import { fractionalRanks, mean, spearman, stdev, summarize } from './stats';

describe('thống kê mô tả', () => {
  it('trung bình, trung vị, nhỏ nhất, lớn nhất, độ lệch chuẩn tổng thể', () => {
    // mean 2.5; deviations ±1.5, ±0.5 → squares 2.25 + 0.25 + 0.25 + 2.25 = 5, ÷ 4 = 1.25
    expect(summarize([4, 1, 3, 2])).toEqual({
      count: 4,
      mean: 2.5,
      median: 2.5,
      min: 1,
      max: 4,
      stdev: Math.sqrt(1.25),
    });
    expect(summarize([3, 1, 2]).median).toBe(2);
  });

  it('danh sách rỗng cho giá trị null', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, min: null, max: null, stdev: null });
    expect(mean([])).toBeNull();
    expect(stdev([])).toBeNull();
  });
});

describe('hạng phân số và hệ số Spearman', () => {
  it('giá trị bằng nhau nhận trung bình các vị trí, kể cả khi lệch do cộng số thực', () => {
    // 20 and 20 occupy positions 2 and 3 → 2.5 each; 0.1 + 0.2 ties 0.3
    expect(fractionalRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(fractionalRanks([0.1 + 0.2, 0.3, 0])).toEqual([2.5, 2.5, 1]);
  });

  it('tính bằng tay: đổi chỗ hai hạng đầu trong ba đơn vị cho 0,5', () => {
    // d = (1, 1, 0), Σd² = 2, ρ = 1 − 6·2 / (3·(9 − 1)) = 0.5
    expect(spearman([1, 2, 3], [2, 1, 3])).toBeCloseTo(0.5, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 3, 4], [1, 1, 3, 4])).toBe(1);
  });

  it('không xác định khi ít hơn hai cặp hoặc chỉ một bên là hằng số', () => {
    expect(spearman([1], [1])).toBeNull();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2], [1])).toBeNull();
  });
});
