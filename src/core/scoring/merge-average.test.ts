import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { compileFramework } from './compile';
import { mergeAverage } from './merge-average';
import { scoreUnit } from './score-unit';
import { sampleFramework } from './test-fixtures';
import type { LeafEntry } from './types';

const c = compileFramework(sampleFramework(), 'so', 1);
const unit = (unitId: string, inputs: Record<string, LeafEntry>) =>
  scoreUnit(c, { unitId, level: 'so', group: 1, inputs });
const a = unit('a', {
  '1.1.1': { yes: true },
  '1.1.2': { value: 4 },
  '1.1.3': { points: 10 },
  '2.1.1': { value: 90 },
});
const b = unit('b', { '1.2.1': { a: 1, b: 1 }, '1.2.2': { a: 1, b: 2 }, '2.1.2': { value: 40 } });

describe('đơn vị sáp nhập: trung bình các chỉ số chính của đơn vị tiền thân', () => {
  it('trung bình cộng giá trị chỉ số chính; tổng bằng trung bình tổng khi mọi chỉ số đều áp dụng', () => {
    const m = mergeAverage(c, 'ab', [{ score: a }, { score: b }]);
    // 1.1: (1 + 0) / 2; 1.2: (0 + 0.75) / 2; 2.1: (20/30 + 4/30) / 2
    expect(m.nodes['1.1']).toMatchObject({ points: 15, max: 30, value: 0.5, applicable: true });
    expect(m.nodes['1.2']!.value).toBeCloseTo(0.375, 12);
    expect(m.nodes['2.1']!.points).toBeCloseTo(12, 12);
    expect(m.nodes['1.1.1']).toBeUndefined();
    expect(m.total.points).toBeCloseTo((a.total.points + b.total.points) / 2, 12);
    expect(m.total.max).toBe(100);
    expect(m.unitId).toBe('ab');
  });

  it('trung bình có trọng số', () => {
    const m = mergeAverage(
      c,
      'ab',
      [
        { score: a, weight: 3 },
        { score: b, weight: 1 },
      ],
      { method: 'weighted' },
    );
    expect(m.nodes['1.1']!.value).toBeCloseTo(0.75, 12);
  });

  it('chỉ tính trung bình trên các đơn vị mà chỉ số áp dụng', () => {
    const na = unit('n', {
      '1.1.3': { notApplicable: true, reason: 'x' },
      '1.1.1': { yes: true },
      '1.1.2': { value: 4 },
    });
    const m = mergeAverage(c, 'an', [{ score: a }, { score: na }]);
    expect(m.nodes['1.1']!.value).toBe(1);
  });

  it('báo lỗi tiếng Việt khi thiếu tiền thân hoặc trọng số', () => {
    expect(() => mergeAverage(c, 'x', [])).toThrow('Cần ít nhất một đơn vị tiền thân để tính trung bình');
    expect(() => mergeAverage(c, 'x', [{ score: a }], { method: 'weighted' })).toThrow(AppError);
  });
});
