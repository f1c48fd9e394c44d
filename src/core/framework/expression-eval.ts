import type { Expr } from './expression-parser';

export type Evaluated =
  | { ok: true; value: number }
  | { ok: false; reason: 'division_by_zero' | 'not_a_number'; message: string };

class EvalStop extends Error {
  constructor(
    readonly reason: 'division_by_zero' | 'not_a_number',
    message: string,
  ) {
    super(message);
  }
}

/** Evaluates a compiled formula; the caller supplies every variable it references. */
export function evaluateExpression(ast: Expr, vars: Record<string, number>): Evaluated {
  try {
    const value = ev(ast, vars);
    if (!Number.isFinite(value))
      return { ok: false, reason: 'not_a_number', message: 'Công thức cho kết quả không xác định' };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof EvalStop) return { ok: false, reason: e.reason, message: e.message };
    throw e;
  }
}

const truth = (b: boolean): number => (b ? 1 : 0);

function ev(e: Expr, vars: Record<string, number>): number {
  switch (e.t) {
    case 'num':
      return e.value;
    case 'var': {
      const v = Object.hasOwn(vars, e.name) ? vars[e.name] : undefined;
      if (v === undefined) throw new EvalStop('not_a_number', `Thiếu giá trị của biến "${e.name}"`);
      return v;
    }
    case 'neg':
      return -ev(e.arg, vars);
    case 'not':
      return truth(ev(e.arg, vars) === 0);
    case 'call':
      return call(e.fn, e.args, vars, e.pos);
    case 'bin': {
      if (e.op === 'and') return truth(ev(e.left, vars) !== 0 && ev(e.right, vars) !== 0);
      if (e.op === 'or') return truth(ev(e.left, vars) !== 0 || ev(e.right, vars) !== 0);
      const l = ev(e.left, vars);
      const r = ev(e.right, vars);
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          if (r === 0) throw new EvalStop('division_by_zero', `Công thức chia cho 0 (vị trí ${e.pos + 1})`);
          return l / r;
        case '^': {
          if (l === 0 && r < 0)
            throw new EvalStop('division_by_zero', `Công thức chia cho 0 (vị trí ${e.pos + 1})`);
          return l ** r;
        }
        case '<':
          return truth(l < r);
        case '<=':
          return truth(l <= r);
        case '>':
          return truth(l > r);
        case '>=':
          return truth(l >= r);
        case '==':
          return truth(l === r);
        case '!=':
          return truth(l !== r);
      }
    }
  }
}

function call(fn: string, args: Expr[], vars: Record<string, number>, pos: number): number {
  if (fn === 'if') return ev(args[0]!, vars) !== 0 ? ev(args[1]!, vars) : ev(args[2]!, vars);
  const xs = args.map((a) => ev(a, vars));
  switch (fn) {
    case 'min':
      return Math.min(...xs);
    case 'max':
      return Math.max(...xs);
    case 'abs':
      return Math.abs(xs[0]!);
    case 'floor':
      return Math.floor(xs[0]!);
    case 'ceil':
      return Math.ceil(xs[0]!);
    case 'round':
      return roundHalfUp(xs[0]!, xs[1] ?? 0, pos);
  }
  throw new EvalStop('not_a_number', `Hàm "${fn}" không được hỗ trợ`);
}

/** Half away from zero, decimal-exact (round(1.005, 2) = 1.01), as officials round by hand. */
function roundHalfUp(x: number, digits: number, pos: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new EvalStop(
      'not_a_number',
      `Số chữ số làm tròn phải là số nguyên từ 0 đến 10 (vị trí ${pos + 1})`,
    );
  }
  const sign = x < 0 ? -1 : 1;
  const text = String(Math.abs(x));
  // Shifting the decimal point in the text avoids 1.005 * 100 = 100.49999…; exponent forms cannot be shifted.
  if (text.includes('e')) return (sign * Math.round(Math.abs(x) * 10 ** digits)) / 10 ** digits;
  const shifted = Math.round(Number(`${text}e${digits}`));
  return sign * Number(`${shifted}e-${digits}`);
}
