import { describe, expect, it } from 'vitest';
import { roundPoints } from './rounding';

const up = (x: number, d = 2) => roundPoints(x, { decimals: d, mode: 'half_up' });
const even = (x: number, d = 2) => roundPoints(x, { decimals: d, mode: 'half_even' });

describe('làm tròn điểm chỉ số lá', () => {
  it('half_up làm tròn số như khi viết ở hệ thập phân, không theo biểu diễn nhị phân', () => {
    // the usual shortcuts are wrong on these
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(up(2.675)).toBe(2.68);
    expect(up(1.005)).toBe(1.01);
    expect(up(1.045)).toBe(1.05);
    expect(up(0.125)).toBe(0.13);
    expect(up(8.345, 2)).toBe(8.35);
    expect(up(77.955, 2)).toBe(77.96);
    expect(up(2.5, 0)).toBe(3);
    expect(up(-2.5, 0)).toBe(-3);
  });

  it('không làm tròn lên khi chưa đủ nửa đơn vị', () => {
    expect(up(2.67499, 2)).toBe(2.67);
    expect(up(2.6749999, 2)).toBe(2.67);
    expect(up(1.23456, 3)).toBe(1.235);
    expect(up(0.1 + 0.2, 2)).toBe(0.3);
  });

  it('half_even đưa nửa đơn vị về số chẵn gần nhất', () => {
    expect(even(0.125)).toBe(0.12);
    expect(even(0.135)).toBe(0.14);
    expect(even(2.675)).toBe(2.68);
    expect(even(2.665)).toBe(2.66);
    expect(even(2.5, 0)).toBe(2);
    expect(even(3.5, 0)).toBe(4);
    expect(even(2.6651)).toBe(2.67);
    expect(8.345 * 100).toBeGreaterThan(834.5); // a half seen from above is still a half
    expect(even(8.345)).toBe(8.34);
  });

  it('none giữ nguyên, số không hữu hạn giữ nguyên, 0 không thành -0', () => {
    expect(roundPoints(2.675, { decimals: 2, mode: 'none' })).toBe(2.675);
    expect(Object.is(up(-0.001, 2), 0)).toBe(true);
    expect(up(Number.NaN)).toBeNaN();
  });
});
