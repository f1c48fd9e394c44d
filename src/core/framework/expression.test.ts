import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, MAX_FORMULA_LENGTH, printExpression } from './expression';

function run(formula: string, vars: Record<string, number> = {}) {
  const compiled = compileExpression(formula, Object.keys(vars));
  if (!compiled.ok) throw new Error(compiled.errors.join('; '));
  return evaluateExpression(compiled.ast, vars);
}
const value = (formula: string, vars: Record<string, number> = {}) => {
  const r = run(formula, vars);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const errorsOf = (formula: string, inputs: string[] = []) => {
  const r = compileExpression(formula, inputs);
  return r.ok ? [] : r.errors;
};

describe('evaluation', () => {
  it('follows the usual precedence', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('24 / 4 / 2')).toBe(3);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('2 ^ -1')).toBe(0.5);
    expect(value('--3')).toBe(3);
    expect(value('1.5e2 + .5')).toBe(150.5);
  });
  it('comparisons and logic give 1 or 0', () => {
    expect(value('a >= 3 and a < 5', { a: 4 })).toBe(1);
    expect(value('a >= 3 and a < 5', { a: 5 })).toBe(0);
    expect(value('not a == 2 or a != 2', { a: 2 })).toBe(0);
    expect(value('1 + 2 == 3')).toBe(1);
    expect(value('a <= 1 or a > 9', { a: 10 })).toBe(1);
  });
  it('functions', () => {
    expect(value('min(3, a, 9)', { a: 1 })).toBe(1);
    expect(value('max(3, a, 9)', { a: 1 })).toBe(9);
    expect(value('abs(-2.5) + floor(2.7) + ceil(2.1)')).toBe(7.5);
    expect(value('round(2.5)')).toBe(3);
    expect(value('round(-2.5)')).toBe(-3);
    expect(value('round(1.005, 2)')).toBe(1.01);
    expect(value('round(0.0000001, 3)')).toBe(0);
    expect(value('if(a > 0, 10, 20)', { a: 0 })).toBe(20);
  });
  it('division by zero is reported, and guarded branches are never evaluated', () => {
    expect(run('a / b', { a: 1, b: 0 })).toEqual({
      ok: false,
      reason: 'division_by_zero',
      message: 'Công thức chia cho 0 (vị trí 3)',
    });
    expect(run('0 ^ -1')).toMatchObject({ ok: false, reason: 'division_by_zero' });
    expect(value('if(b == 0, 0, a / b)', { a: 1, b: 0 })).toBe(0);
    expect(value('b != 0 and a / b > 1', { a: 1, b: 0 })).toBe(0);
    expect(value('b == 0 or a / b > 1', { a: 1, b: 0 })).toBe(1);
  });
  it('a non-finite result is refused', () => {
    expect(run('(0 - 8) ^ 0.5')).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(run('10 ^ 400')).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(run('round(1, 1.5)')).toMatchObject({ ok: false, reason: 'not_a_number' });
  });
});

describe('checks when the rule is saved', () => {
  it('syntax errors carry a 1-based position', () => {
    expect(errorsOf('1 +')).toEqual(['Công thức kết thúc đột ngột (vị trí 4)']);
    expect(errorsOf('(1 + 2')).toEqual(['Cần ")" nhưng gặp "hết công thức" (vị trí 7)']);
    expect(errorsOf('1 2')).toEqual(['Thừa "2" (vị trí 3)']);
    expect(errorsOf('a = 1', ['a'])).toEqual(['Ký tự không hợp lệ "=" (so sánh bằng dùng "==") (vị trí 3)']);
    expect(errorsOf('a && b', ['a', 'b'])).toEqual(['Ký tự không hợp lệ "&" (dùng and/or) (vị trí 3)']);
    expect(errorsOf('1 < 2 < 3')).toEqual([
      'Không so sánh liên tiếp; dùng "and" để nối hai phép so sánh (vị trí 7)',
    ]);
    expect(errorsOf('')).toEqual(['Công thức trống (vị trí 1)']);
    expect(errorsOf('1e999')).toEqual(['Số quá lớn "1e999" (vị trí 1)']);
  });
  it('unknown names, unknown functions and wrong arity are all listed', () => {
    expect(errorsOf('x + sqrt(a) + if(a, 1) + round(a, 1, 2) + min', ['a'])).toEqual([
      'Biến "x" chưa được khai báo (vị trí 1)',
      'Hàm "sqrt" không được hỗ trợ (vị trí 5)',
      'Hàm "if" cần 3 tham số, nhận 2 (vị trí 15)',
      'Hàm "round" cần từ 1 đến 2 tham số, nhận 3 (vị trí 26)',
      'Biến "min" chưa được khai báo; "min" là hàm, cần dấu ngoặc (vị trí 43)',
    ]);
    expect(errorsOf('min()')).toEqual(['Hàm "min" cần từ 1 đến 20 tham số, nhận 0 (vị trí 1)']);
  });
  it('limits length and nesting', () => {
    expect(errorsOf(`${'1+'.repeat(MAX_FORMULA_LENGTH)}1`)[0]).toMatch(/^Công thức dài quá 2000 ký tự/);
    expect(errorsOf(`${'('.repeat(60)}1${')'.repeat(60)}`)[0]).toMatch(/^Công thức lồng nhau quá 40 cấp/);
    expect(errorsOf(`${'-'.repeat(60)}1`)[0]).toMatch(/^Công thức lồng nhau quá 40 cấp/);
    expect(errorsOf(`${'('.repeat(30)}1${')'.repeat(30)}`)).toEqual([]);
  });
  it('never runs JavaScript: property access and other syntax are plain errors', () => {
    expect(errorsOf('constructor.constructor("x")()')[0]).toBe('Ký tự không hợp lệ "." (vị trí 12)');
    expect(errorsOf('__proto__')).toEqual(['Biến "__proto__" chưa được khai báo (vị trí 1)']);
    expect(errorsOf('toString(1)')).toEqual(['Hàm "toString" không được hỗ trợ (vị trí 1)']);
  });
});

describe('printing', () => {
  const normalise = (formula: string, inputs: string[]) => {
    const c = compileExpression(formula, inputs);
    if (!c.ok) throw new Error(c.errors.join('; '));
    return printExpression(c.ast);
  };
  it('keeps only the brackets the grammar needs', () => {
    expect(normalise('((a)) + (b * c)', ['a', 'b', 'c'])).toBe('a + b * c');
    expect(normalise('(a + b) * c', ['a', 'b', 'c'])).toBe('(a + b) * c');
    expect(normalise('a - (b - c)', ['a', 'b', 'c'])).toBe('a - (b - c)');
    expect(normalise('(a ^ b) ^ c', ['a', 'b', 'c'])).toBe('(a^b)^c');
    expect(normalise('(-a) ^ 2', ['a'])).toBe('(-a)^2');
    expect(normalise('not (a or b)', ['a', 'b'])).toBe('not (a or b)');
    expect(normalise('(a < b) == 1', ['a', 'b'])).toBe('(a < b) == 1');
    expect(normalise('if(a>1,min(a,2),0)', ['a'])).toBe('if(a > 1, min(a, 2), 0)');
  });
});
