import { describe, expect, it } from 'vitest';
import { validateRule } from './rule-validate';

describe('validateRule', () => {
  it('accepts sound parameters', () => {
    expect(validateRule({ type: 'ratio', target: 0.8, whenDenominatorZero: 'zero' }, 10)).toEqual([]);
    expect(validateRule({ type: 'count', cap: 4 }, 10)).toEqual([]);
  });
  it('lists every parameter problem in Vietnamese', () => {
    expect(
      validateRule(
        {
          type: 'steps',
          steps: [
            { min: 1, points: 12 },
            { min: 1, points: -1 },
          ],
        },
        10,
      ),
    ).toEqual([
      'Mức 1: điểm 12 vượt điểm tối đa 10',
      'Mức 2: ngưỡng 1 bị trùng',
      'Mức 2: điểm phải là số không âm',
    ]);
    expect(validateRule({ type: 'linear', worst: 5, best: 5 }, 10)).toEqual([
      'Mốc 0 điểm và mốc điểm tối đa phải khác nhau',
    ]);
    expect(validateRule({ type: 'count', cap: 2.5 }, 10)).toEqual([
      'Số lượng tối đa được tính điểm phải là số nguyên dương',
    ]);
    expect(
      validateRule(
        {
          type: 'option',
          options: [
            { code: 'x', label: 'X', points: 1, fraction: 0.5 },
            { code: 'x', label: '' },
          ],
        },
        10,
      ),
    ).toEqual([
      'Lựa chọn 1: chỉ ghi điểm hoặc tỷ lệ của điểm tối đa, không ghi cả hai',
      'Lựa chọn 2: mã "x" bị trùng',
      'Lựa chọn 2: thiếu nội dung',
    ]);
    expect(validateRule({ type: 'ratio', target: 0, whenDenominatorZero: 'zero' }, 0)).toEqual([
      'Điểm tối đa phải là số dương',
      'Tỷ lệ đạt điểm tối đa phải là số dương',
    ]);
  });
  it('checks expression inputs and formula', () => {
    const errors = validateRule(
      {
        type: 'expression',
        inputs: [
          { code: 'max', label: 'Trùng tên hàm' },
          { code: '1x', label: 'Sai mã' },
        ],
        formula: 'max(1, 2',
      },
      10,
    );
    expect(errors).toEqual([
      'Mã biến "max" trùng với từ khóa hoặc tên hàm',
      'Mã biến "1x" chỉ gồm chữ không dấu, số, gạch dưới và không bắt đầu bằng số',
      'Công thức: Cần ")" nhưng gặp "hết công thức" (vị trí 9)',
    ]);
  });
});
