import { describe, expect, it } from 'vitest';
import type { Rule } from './model';
import { evaluateRule } from './rules';

const points = (rule: Rule, input: Record<string, unknown>, max = 20) => {
  const r = evaluateRule(rule, input as never, max);
  if (r.status !== 'scored') throw new Error(`expected scored, got ${JSON.stringify(r)}`);
  return r.points;
};

describe('ratio', () => {
  const rule: Rule = { type: 'ratio', whenDenominatorZero: 'zero' };
  it('scores a ÷ b × max, unrounded', () => {
    expect(points(rule, { a: 3, b: 4 })).toBe(15);
    expect(points(rule, { a: 1, b: 3 }, 10)).toBeCloseTo(3.333333333, 8);
  });
  it('a > b stops at the maximum; a cap bounds the ratio; target earns full points', () => {
    expect(points(rule, { a: 9, b: 4 })).toBe(20);
    expect(points({ ...rule, cap: 0.5 }, { a: 4, b: 4 })).toBe(10);
    expect(points({ ...rule, target: 0.8 }, { a: 2, b: 5 })).toBe(10);
    expect(points({ ...rule, target: 0.8 }, { a: 4, b: 5 })).toBe(20);
  });
  it('b = 0 follows whenDenominatorZero whatever a is', () => {
    expect(points(rule, { a: 0, b: 0 })).toBe(0);
    expect(points({ ...rule, whenDenominatorZero: 'full' }, { a: 3, b: 0 })).toBe(20);
    expect(evaluateRule({ ...rule, whenDenominatorZero: 'not_applicable' }, { a: 0, b: 0 }, 20)).toEqual({
      status: 'not_applicable',
      reason: 'Mẫu số bằng 0',
    });
  });
  it('missing and invalid inputs', () => {
    expect(evaluateRule(rule, { a: 1 }, 20)).toEqual({ status: 'missing' });
    expect(evaluateRule(rule, undefined, 20)).toEqual({ status: 'missing' });
    expect(evaluateRule(rule, { a: 1, b: '' }, 20)).toEqual({ status: 'missing' });
    expect(evaluateRule(rule, { a: -1, b: 4 }, 20)).toEqual({
      status: 'invalid',
      errors: ['Tử số (a) không được âm'],
    });
    const both = evaluateRule(rule, { a: Number.NaN, b: '4' }, 20);
    expect(both).toEqual({
      status: 'invalid',
      errors: ['Tử số (a) phải là một số hữu hạn', 'Mẫu số (b) phải là một số'],
    });
    expect(evaluateRule(rule, { a: Number.POSITIVE_INFINITY, b: null }, 20).status).toBe('invalid');
  });
});

describe('steps, count, linear', () => {
  const steps: Rule = {
    type: 'steps',
    steps: [
      { min: 4, points: 20 },
      { min: 1, points: 5 },
      { min: 2, points: 10 },
      { min: 3, points: 15 },
    ],
  };
  it('steps: the highest threshold reached wins, whatever the order written', () => {
    expect([0, 1, 2, 2.5, 3, 4, 12].map((value) => points(steps, { value }))).toEqual([
      0, 5, 10, 10, 15, 20, 20,
    ]);
    expect(evaluateRule(steps, { value: -1 }, 20).status).toBe('invalid');
  });
  it('steps with a negative threshold accept negative values', () => {
    const growth: Rule = {
      type: 'steps',
      steps: [
        { min: -5, points: 2 },
        { min: 0, points: 4 },
      ],
    };
    expect(points(growth, { value: -3 }, 4)).toBe(2);
    expect(points(growth, { value: -9 }, 4)).toBe(0);
  });
  it('count: min(count, cap) × pointsEach, pointsEach defaults to max ÷ cap', () => {
    expect(points({ type: 'count', cap: 4 }, { value: 3 })).toBe(15);
    expect(points({ type: 'count', cap: 4 }, { value: 7 })).toBe(20);
    expect(points({ type: 'count', cap: 10, pointsEach: 3 }, { value: 9 })).toBe(20);
    expect(evaluateRule({ type: 'count', cap: 4 }, { value: 1.5 }, 20)).toEqual({
      status: 'invalid',
      errors: ['Số lượng phải là số nguyên'],
    });
  });
  it('linear: higher is better, or lower is better when best < worst', () => {
    expect(points({ type: 'linear', worst: 0, best: 80 }, { value: 60 })).toBe(15);
    expect(points({ type: 'linear', worst: 0, best: 80 }, { value: 100 })).toBe(20);
    expect(points({ type: 'linear', worst: 10, best: 2 }, { value: 4 })).toBe(15);
    expect(points({ type: 'linear', worst: 10, best: 2 }, { value: 12 })).toBe(0);
    expect(points({ type: 'linear', worst: -10, best: 10 }, { value: -5 })).toBe(5);
  });
});

describe('option, yes/no, manual', () => {
  const one: Rule = {
    type: 'option',
    options: [
      { code: 'head', label: 'Người đứng đầu', fraction: 1 },
      { code: 'deputy', label: 'Cấp phó', fraction: 0.5 },
      { code: 'other', label: 'Khác', points: 2 },
      { code: 'none', label: 'Chưa có' },
    ],
  };
  it('one option: fraction of max, fixed points, or nothing', () => {
    expect(['head', 'deputy', 'other', 'none'].map((option) => points(one, { option }, 10))).toEqual([
      10, 5, 2, 0,
    ]);
    expect(evaluateRule(one, { option: 'boss' }, 10)).toEqual({
      status: 'invalid',
      errors: ['Lựa chọn "boss" không có trong danh sách'],
    });
    expect(evaluateRule(one, { option: ['head'] }, 10).status).toBe('invalid');
  });
  it('several options add up and stop at the maximum', () => {
    const many: Rule = {
      type: 'option',
      multiple: true,
      options: [
        { code: 'attend', label: 'Dự đủ các cuộc họp', fraction: 0.5 },
        { code: 'chair', label: 'Chủ trì họp', fraction: 0.5 },
        { code: 'bonus', label: 'Sáng kiến', points: 4 },
      ],
    };
    expect(points(many, { option: ['attend'] }, 10)).toBe(5);
    expect(points(many, { option: ['attend', 'chair'] }, 10)).toBe(10);
    expect(points(many, { option: ['attend', 'chair', 'bonus'] }, 10)).toBe(10);
    expect(points(many, { option: [] }, 10)).toBe(0);
    expect(evaluateRule(many, { option: ['chair', 'chair'] }, 10).status).toBe('invalid');
  });
  it('yes/no needs a boolean', () => {
    expect(points({ type: 'yes_no' }, { yes: true }, 7)).toBe(7);
    expect(points({ type: 'yes_no' }, { yes: false }, 7)).toBe(0);
    expect(evaluateRule({ type: 'yes_no' }, { yes: 'có' }, 7).status).toBe('invalid');
    expect(evaluateRule({ type: 'yes_no' }, {}, 7)).toEqual({ status: 'missing' });
  });
  it('manual points above the maximum are refused, not clamped', () => {
    expect(points({ type: 'manual' }, { points: 3.25 }, 4)).toBe(3.25);
    expect(evaluateRule({ type: 'manual' }, { points: 5 }, 4)).toEqual({
      status: 'invalid',
      errors: ['Điểm chấm không được vượt quá điểm tối đa (4)'],
    });
  });
});

describe('expression', () => {
  const rule: Rule = {
    type: 'expression',
    inputs: [
      { code: 'a', label: 'Số văn bản' },
      { code: 'b', label: 'Số văn bản phải ban hành' },
    ],
    formula: 'a / b * toi_da',
  };
  it('evaluates over the declared inputs and the maximum, then clamps', () => {
    expect(points(rule, { a: 1, b: 4 }, 8)).toBe(2);
    expect(points(rule, { a: 8, b: 4 }, 8)).toBe(8);
    expect(points({ ...rule, formula: 'a - b' }, { a: 1, b: 4 }, 8)).toBe(0);
  });
  it('division by zero makes the indicator not applicable; a guarded formula decides itself', () => {
    expect(evaluateRule(rule, { a: 1, b: 0 }, 8)).toEqual({
      status: 'not_applicable',
      reason: 'Công thức chia cho 0 (vị trí 3)',
    });
    expect(points({ ...rule, formula: 'if(b == 0, toi_da, a / b * toi_da)' }, { a: 1, b: 0 }, 8)).toBe(8);
  });
  it('needs every declared input and refuses a broken formula', () => {
    expect(evaluateRule(rule, { a: 1 }, 8)).toEqual({ status: 'missing' });
    const broken = evaluateRule({ ...rule, formula: 'a / c' }, { a: 1, b: 2 }, 8);
    expect(broken).toEqual({
      status: 'invalid',
      errors: ['Công thức lỗi: Biến "c" chưa được khai báo (vị trí 5)'],
    });
  });
  it('an input named like an object method is just an input', () => {
    const odd: Rule = {
      type: 'expression',
      inputs: [{ code: 'constructor', label: 'X' }],
      formula: 'constructor',
    };
    expect(evaluateRule(odd, {}, 8)).toEqual({ status: 'missing' });
    expect(points(odd, { constructor: 3 } as never, 8)).toBe(3);
  });
});

describe('formula rules reused across units', () => {
  it('a rule object edited in place is parsed again', () => {
    const rule: Rule = { type: 'expression', inputs: [{ code: 'x', label: 'X' }], formula: 'x * 2' };
    expect(evaluateRule(rule, { x: 3 }, 100)).toEqual({ status: 'scored', points: 6 });
    rule.formula = 'x * 3';
    expect(evaluateRule(rule, { x: 3 }, 100)).toEqual({ status: 'scored', points: 9 });
    rule.inputs[0] = { code: 'y', label: 'Y' };
    expect(evaluateRule(rule, { x: 3 }, 100).status).toBe('invalid');
  });
});
