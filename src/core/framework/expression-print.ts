import type { BinaryOp, Expr } from './expression-parser';

const BINARY_PRECEDENCE: Record<BinaryOp, number> = {
  or: 1,
  and: 2,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '==': 4,
  '!=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '^': 8,
};
const NOT = 3;
const NEG = 7;
const ATOM = 9;

function precedence(e: Expr): number {
  if (e.t === 'bin') return BINARY_PRECEDENCE[e.op];
  if (e.t === 'neg') return NEG;
  if (e.t === 'not') return NOT;
  return ATOM;
}

function wrap(e: Expr, needsParens: boolean): string {
  const text = printExpression(e);
  return needsParens ? `(${text})` : text;
}

/**
 * Canonical text of a formula with only the parentheses the grammar needs; parsing it gives back the same
 * tree, so stored formulas can be normalised and shown consistently.
 */
export function printExpression(e: Expr): string {
  switch (e.t) {
    case 'num':
      return String(e.value);
    case 'var':
      return e.name;
    case 'call':
      return `${e.fn}(${e.args.map(printExpression).join(', ')})`;
    case 'neg':
      return `-${wrap(e.arg, precedence(e.arg) < NEG)}`;
    case 'not':
      return `not ${wrap(e.arg, precedence(e.arg) < NOT)}`;
    case 'bin': {
      const p = BINARY_PRECEDENCE[e.op];
      if (e.op === '^') {
        return `${wrap(e.left, precedence(e.left) < ATOM)}^${wrap(e.right, precedence(e.right) < NEG)}`;
      }
      const comparison = p === 4;
      const left = wrap(e.left, comparison ? precedence(e.left) <= p : precedence(e.left) < p);
      const right = wrap(e.right, precedence(e.right) <= p);
      return `${left} ${e.op} ${right}`;
    }
  }
}
