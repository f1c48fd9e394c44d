import { describe, expect, it } from 'vitest';
import { compileExpression, type Expr, printExpression } from './expression';
import type { BinaryOp } from './expression-parser';
import { seededRandom } from './fixtures';
import type { Rule, RuleInput } from './model';
import { evaluateRule, validateRule } from './rules';

const random = seededRandom;
type Random = ReturnType<typeof seededRandom>;
const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

function randomRule(r: Random, max: number): Rule {
  switch (
    r.pick(['ratio', 'steps', 'option', 'yes_no', 'count', 'linear', 'manual', 'expression'] as const)
  ) {
    case 'ratio':
      return {
        type: 'ratio',
        ...(r.next() < 0.5 ? { target: r.pick([0.5, 0.8, 1, 2]) } : {}),
        ...(r.next() < 0.3 ? { cap: r.pick([0.5, 1, 1.5]) } : {}),
        whenDenominatorZero: r.pick(['zero', 'full', 'not_applicable'] as const),
      };
    case 'steps':
      return { type: 'steps', steps: randomSteps(r, max) };
    case 'option':
      return {
        type: 'option',
        multiple: r.next() < 0.5,
        options: ['a', 'b', 'c'].map((code) =>
          r.next() < 0.5
            ? { code, label: code, fraction: r.next() }
            : { code, label: code, points: r.next() * max },
        ),
      };
    case 'count':
      return { type: 'count', cap: r.int(1, 10), ...(r.next() < 0.5 ? { pointsEach: r.next() * max } : {}) };
    case 'linear': {
      const worst = r.int(-50, 50);
      return { type: 'linear', worst, best: worst + r.pick([-1, 1]) * r.int(1, 100) };
    }
    case 'expression':
      return {
        type: 'expression',
        inputs: [
          { code: 'x', label: 'x' },
          { code: 'y', label: 'y' },
        ],
        formula: printExpression(randomExpr(r, 4)),
      };
    default:
      return { type: r.pick(['yes_no', 'manual'] as const) };
  }
}

function randomSteps(r: Random, max: number) {
  const mins = [...new Set(Array.from({ length: r.int(1, 5) }, () => r.int(0, 20)))].sort((a, b) => a - b);
  let points = 0;
  return mins.map((min) => {
    points = Math.min(max, points + r.next() * max * 0.5);
    return { min, points };
  });
}

function randomInput(r: Random, rule: Rule, max: number): RuleInput {
  switch (rule.type) {
    case 'ratio':
      return { a: r.amount(), b: r.amount() };
    case 'option': {
      const codes = ['a', 'b', 'c'].filter(() => r.next() < 0.5);
      return { option: rule.multiple ? codes : (codes[0] ?? 'a') };
    }
    case 'yes_no':
      return { yes: r.next() < 0.5 };
    case 'manual':
      return { points: r.next() * max };
    case 'expression':
      return { x: r.amount(), y: r.amount() };
    case 'linear':
      return { value: r.int(-100, 200) + r.next() };
    default:
      return { value: r.next() < 0.5 ? r.int(0, 30) : r.amount() };
  }
}

const LEAF_OPS: BinaryOp[] = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];

function randomExpr(r: Random, depth: number): Expr {
  const pos = 0;
  if (depth === 0 || r.next() < 0.25) {
    return r.next() < 0.5
      ? { t: 'var', name: r.pick(['x', 'y', 'toi_da']), pos }
      : { t: 'num', value: r.pick([0, 1, 2, 0.5, 10, 1e-7, 1e21, r.int(0, 99)]), pos };
  }
  const kind = r.pick(['bin', 'bin', 'bin', 'neg', 'not', 'call'] as const);
  if (kind === 'neg' || kind === 'not') return { t: kind, arg: randomExpr(r, depth - 1), pos };
  if (kind === 'call') {
    const [fn, n] = r.pick([
      ['min', r.int(1, 3)],
      ['max', 2],
      ['if', 3],
      ['round', r.int(1, 2)],
      ['abs', 1],
      ['floor', 1],
      ['ceil', 1],
    ] as const);
    return { t: 'call', fn, args: Array.from({ length: n }, () => randomExpr(r, depth - 1)), pos };
  }
  return {
    t: 'bin',
    op: r.pick(LEAF_OPS),
    left: randomExpr(r, depth - 1),
    right: randomExpr(r, depth - 1),
    pos,
  };
}

const withoutPositions = (e: Expr): unknown =>
  JSON.parse(JSON.stringify(e, (k, v) => (k === 'pos' ? undefined : v)));

describe('every rule, random parameters and inputs', () => {
  it('points stay within [0, max] and evaluation never throws', () => {
    for (const seed of SEEDS) {
      const r = random(seed);
      const max = r.pick([1, 2.5, 10, 20, 100, r.next() * 50 + 0.01]);
      const rule = randomRule(r, max);
      expect(validateRule(rule, max), `seed ${seed}`).toEqual([]);
      for (let i = 0; i < 20; i++) {
        const outcome = evaluateRule(rule, randomInput(r, rule, max), max);
        if (outcome.status === 'scored') {
          expect(Number.isFinite(outcome.points), `seed ${seed}`).toBe(true);
          expect(outcome.points, `seed ${seed}`).toBeGreaterThanOrEqual(0);
          expect(outcome.points, `seed ${seed}`).toBeLessThanOrEqual(max);
        }
      }
    }
  });
});

describe('monotonic rules stay monotonic', () => {
  const scoredPoints = (rule: Rule, input: RuleInput, max: number) => {
    const o = evaluateRule(rule, input, max);
    return o.status === 'scored' ? o.points : Number.NaN;
  };
  const sortedValues = (r: Random, lo: number, hi: number) =>
    Array.from({ length: 30 }, () => lo + r.next() * (hi - lo)).sort((a, b) => a - b);
  const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]!);

  it('ratio in a, steps, count, linear in its direction, yes/no', () => {
    for (const seed of SEEDS) {
      const r = random(seed);
      const max = r.int(1, 100);
      const b = r.int(1, 50);
      const ratio: Rule = { type: 'ratio', target: r.pick([0.5, 1]), whenDenominatorZero: 'zero' };
      expect(
        nonDecreasing(sortedValues(r, 0, 2 * b).map((a) => scoredPoints(ratio, { a, b }, max))),
        `seed ${seed}`,
      ).toBe(true);
      const steps: Rule = { type: 'steps', steps: randomSteps(r, max) };
      expect(
        nonDecreasing(sortedValues(r, 0, 25).map((value) => scoredPoints(steps, { value }, max))),
        `seed ${seed}`,
      ).toBe(true);
      const count: Rule = { type: 'count', cap: r.int(1, 8) };
      const counts = Array.from({ length: 12 }, (_, i) => i);
      expect(nonDecreasing(counts.map((value) => scoredPoints(count, { value }, max))), `seed ${seed}`).toBe(
        true,
      );
      const worst = r.int(-20, 20);
      const best = worst + r.pick([-1, 1]) * r.int(1, 40);
      const linear: Rule = { type: 'linear', worst, best };
      // Negative values are only accepted when a goalpost is negative.
      const low = Math.min(worst, best);
      const lineValues = sortedValues(
        r,
        low < 0 ? low - 10 : Math.max(0, low - 10),
        Math.max(worst, best) + 10,
      );
      const linePoints = lineValues.map((value) => scoredPoints(linear, { value }, max));
      expect(nonDecreasing(best > worst ? linePoints : [...linePoints].reverse()), `seed ${seed}`).toBe(true);
      expect(scoredPoints({ type: 'yes_no' }, { yes: false }, max)).toBeLessThan(
        scoredPoints({ type: 'yes_no' }, { yes: true }, max),
      );
    }
  });
});

describe('formulas', () => {
  it('print → parse gives back the same tree', () => {
    for (const seed of SEEDS) {
      const ast = randomExpr(random(seed), 5);
      const text = printExpression(ast);
      const parsed = compileExpression(text, ['x', 'y']);
      expect(parsed.ok, `seed ${seed}: ${text}`).toBe(true);
      if (parsed.ok)
        expect(withoutPositions(parsed.ast), `seed ${seed}: ${text}`).toEqual(withoutPositions(ast));
    }
  });
  it('random text never throws: it compiles or gets Vietnamese errors', () => {
    const alphabet = [
      'x',
      'y',
      '1',
      '0.5',
      ' ',
      '+',
      '-',
      '*',
      '/',
      '^',
      '(',
      ')',
      ',',
      '<',
      '=',
      '!',
      'and',
      'not',
      'min',
      'if',
      '.',
      '#',
    ];
    for (const seed of SEEDS) {
      const r = random(seed);
      const text = Array.from({ length: r.int(0, 30) }, () => r.pick(alphabet)).join('');
      const result = compileExpression(text, ['x', 'y']);
      if (!result.ok)
        for (const e of result.errors) expect(e, `seed ${seed}: ${text}`).toMatch(/\(vị trí \d+\)$/);
    }
  });
});
