import { ExpressionSyntaxError } from './expression-lexer';
import { type Expr, KEYWORDS, parseFormula } from './expression-parser';

export type { Evaluated } from './expression-eval';
export { evaluateExpression } from './expression-eval';
export type { BinaryOp, Expr } from './expression-parser';
export { MAX_FORMULA_LENGTH, MAX_NESTING } from './expression-parser';
export { printExpression } from './expression-print';

/**
 * Formula language of `expression` rules, parsed and evaluated here (never by the JavaScript engine).
 * Every value is a number: comparisons, `and`, `or`, `not` give 1 (true) or 0 (false) and treat any
 * non-zero value as true, so `if(a > 0 and b > 0, a / b * toi_da, 0)` reads naturally. `if`, `and`, `or`
 * evaluate only the branch they need, so a guarded division never divides by zero.
 * Besides the declared inputs, `toi_da` is the indicator's maximum points.
 * Division by zero is an evaluation outcome, not a number: the rule becomes not applicable.
 */
export const MAX_POINTS_NAME = 'toi_da';

/** Functions with their arity (min, max arguments). */
export const EXPRESSION_FUNCTIONS: Record<string, [number, number]> = {
  min: [1, 20],
  max: [1, 20],
  if: [3, 3],
  round: [1, 2],
  abs: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problem with an input code used as a formula name, or null if the code is usable. */
export function inputCodeProblem(code: string): string | null {
  if (!IDENTIFIER.test(code))
    return `Mã biến "${code}" chỉ gồm chữ không dấu, số, gạch dưới và không bắt đầu bằng số`;
  if (KEYWORDS.includes(code) || code === MAX_POINTS_NAME || Object.hasOwn(EXPRESSION_FUNCTIONS, code)) {
    return `Mã biến "${code}" trùng với từ khóa hoặc tên hàm`;
  }
  return null;
}

export type Compiled = { ok: true; ast: Expr } | { ok: false; errors: string[] };

const cache = new Map<string, Compiled>();

/** Parses and checks a formula against the names it may use; all problems, in Vietnamese, with positions. */
export function compileExpression(formula: string, inputCodes: string[]): Compiled {
  const key = `${inputCodes.join(',')}\u0000${formula}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = compileUncached(formula, inputCodes);
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

function compileUncached(formula: string, inputCodes: string[]): Compiled {
  let ast: Expr;
  try {
    ast = parseFormula(formula);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return { ok: false, errors: [e.message] };
    throw e;
  }
  const known = new Set([...inputCodes, MAX_POINTS_NAME]);
  const errors: string[] = [];
  const visit = (e: Expr): void => {
    const at = ` (vị trí ${e.pos + 1})`;
    if (e.t === 'var' && !known.has(e.name)) {
      const hint = Object.hasOwn(EXPRESSION_FUNCTIONS, e.name) ? `; "${e.name}" là hàm, cần dấu ngoặc` : '';
      errors.push(`Biến "${e.name}" chưa được khai báo${hint}${at}`);
    } else if (e.t === 'call') {
      const arity = Object.hasOwn(EXPRESSION_FUNCTIONS, e.fn) ? EXPRESSION_FUNCTIONS[e.fn] : undefined;
      if (!arity) errors.push(`Hàm "${e.fn}" không được hỗ trợ${at}`);
      else if (e.args.length < arity[0] || e.args.length > arity[1]) {
        const want = arity[0] === arity[1] ? `${arity[0]}` : `từ ${arity[0]} đến ${arity[1]}`;
        errors.push(`Hàm "${e.fn}" cần ${want} tham số, nhận ${e.args.length}${at}`);
      }
      e.args.forEach(visit);
    } else if (e.t === 'neg' || e.t === 'not') visit(e.arg);
    else if (e.t === 'bin') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(ast);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ast };
}
