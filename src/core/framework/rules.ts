import { compileExpression, evaluateExpression, MAX_POINTS_NAME } from './expression';
import type { Rule, RuleInput } from './model';
import { isBlank, readNumber, readNumbers } from './rule-inputs';

export type { RuleInputField } from './rule-inputs';
export { ruleInputFields } from './rule-inputs';
export { validateRule } from './rule-validate';

export type RuleOutcome =
  | { status: 'scored'; points: number }
  | { status: 'not_applicable'; reason: string }
  | { status: 'missing' }
  | { status: 'invalid'; errors: string[] };

/**
 * Turns one leaf's raw inputs into points. Points are clamped to [0, maxPoints] and never rounded (the
 * scoring policy rounds leaves; aggregates stay exact).
 *
 * Defined edge cases, the same for every caller:
 * - nothing entered for a required field (absent, null, blank text) → `missing`; the scoring policy then
 *   decides between zero and not applicable;
 * - a field of the wrong type, a non-finite number or a negative number → `invalid` with every problem
 *   listed; an error in one field wins over a missing one. Negative values are accepted only by `linear`
 *   and `steps` rules whose own thresholds go below zero (growth rates, balances);
 * - ratio with b = 0 → `whenDenominatorZero`: `zero` scores 0, `full` scores the maximum,
 *   `not_applicable` leaves the indicator out; this applies whatever a is;
 * - ratio with a > b is not an error (central data may count more than the unit reported): the ratio is
 *   bounded by `cap` when set, and in any case points stop at the maximum once the ratio reaches `target`;
 * - `count` needs a whole number; `manual` points above the maximum are `invalid`, not clamped, because a
 *   reviewer typing 12 for a 10-point indicator is a mistake to fix, not to hide;
 * - an option code outside the rule's list → `invalid`; with `multiple`, an empty list scores 0;
 * - expression: all declared inputs are required; a formula that does not compile → `invalid`; a division
 *   by zero while evaluating → `not_applicable` (guard with `if(b == 0, …, a / b)` to choose otherwise);
 *   any other non-finite result → `invalid`.
 */
export function evaluateRule(rule: Rule, input: RuleInput | undefined, maxPoints: number): RuleOutcome {
  if (!Number.isFinite(maxPoints) || maxPoints <= 0) {
    return { status: 'invalid', errors: ['Điểm tối đa của chỉ số phải là số dương'] };
  }
  const outcome = evaluateUnclamped(rule, input, maxPoints);
  if (outcome.status !== 'scored') return outcome;
  return { status: 'scored', points: clamp(outcome.points, maxPoints) };
}

function clamp(points: number, max: number): number {
  return Math.min(max, Math.max(0, points));
}

const scored = (points: number): RuleOutcome => ({ status: 'scored', points });
const invalid = (...errors: string[]): RuleOutcome => ({ status: 'invalid', errors });

function evaluateUnclamped(rule: Rule, input: RuleInput | undefined, max: number): RuleOutcome {
  switch (rule.type) {
    case 'ratio': {
      const r = readNumbers(input, [
        { name: 'a', label: 'Tử số (a)' },
        { name: 'b', label: 'Mẫu số (b)' },
      ]);
      if ('errors' in r) return invalid(...r.errors);
      if ('missing' in r) return { status: 'missing' };
      const a = r.values.a!;
      const b = r.values.b!;
      if (b === 0) {
        if (rule.whenDenominatorZero === 'not_applicable') {
          return { status: 'not_applicable', reason: 'Mẫu số bằng 0' };
        }
        return scored(rule.whenDenominatorZero === 'full' ? max : 0);
      }
      const ratio = Math.min(a / b, rule.cap ?? Number.POSITIVE_INFINITY);
      return scored((ratio / (rule.target ?? 1)) * max);
    }
    case 'steps': {
      const negativeOk = rule.steps.some((s) => s.min < 0);
      const r = readNumber(input, 'value', 'Giá trị', negativeOk);
      if ('error' in r) return invalid(r.error);
      if ('missing' in r) return { status: 'missing' };
      let best: { min: number; points: number } | undefined;
      for (const s of rule.steps) if (r.value >= s.min && (!best || s.min > best.min)) best = s;
      return scored(best?.points ?? 0);
    }
    case 'count': {
      const r = readNumber(input, 'value', 'Số lượng');
      if ('error' in r) return invalid(r.error);
      if ('missing' in r) return { status: 'missing' };
      if (!Number.isInteger(r.value)) return invalid('Số lượng phải là số nguyên');
      const each = rule.pointsEach ?? max / rule.cap;
      return scored(Math.min(r.value, rule.cap) * each);
    }
    case 'linear': {
      const negativeOk = Math.min(rule.worst, rule.best) < 0;
      const r = readNumber(input, 'value', 'Giá trị', negativeOk);
      if ('error' in r) return invalid(r.error);
      if ('missing' in r) return { status: 'missing' };
      if (rule.best === rule.worst) return invalid('Hai mốc của quy tắc tuyến tính trùng nhau');
      return scored(((r.value - rule.worst) / (rule.best - rule.worst)) * max);
    }
    case 'yes_no': {
      const v = input?.yes;
      if (isBlank(v)) return { status: 'missing' };
      if (typeof v !== 'boolean') return invalid('Câu trả lời Có/Không không hợp lệ');
      return scored(v ? max : 0);
    }
    case 'manual': {
      const r = readNumber(input, 'points', 'Điểm chấm');
      if ('error' in r) return invalid(r.error);
      if ('missing' in r) return { status: 'missing' };
      if (r.value > max) return invalid(`Điểm chấm không được vượt quá điểm tối đa (${max})`);
      return scored(r.value);
    }
    case 'option':
      return evaluateOption(rule, input, max);
    case 'expression':
      return evaluateFormula(rule, input, max);
    default:
      return invalid('Loại quy tắc tính điểm không được hỗ trợ');
  }
}

function evaluateOption(rule: Extract<Rule, { type: 'option' }>, input: RuleInput | undefined, max: number) {
  const v = input?.option;
  if (isBlank(v)) return { status: 'missing' } as const;
  let chosen: string[];
  if (typeof v === 'string') chosen = [v.trim()];
  else if (Array.isArray(v) && rule.multiple) chosen = v.map((c) => String(c).trim());
  else if (Array.isArray(v)) return invalid('Chỉ được chọn một lựa chọn');
  else return invalid('Lựa chọn không hợp lệ');
  const errors: string[] = [];
  let points = 0;
  const seen = new Set<string>();
  for (const code of chosen) {
    const option = rule.options.find((o) => o.code === code);
    if (!option) errors.push(`Lựa chọn "${code}" không có trong danh sách`);
    else if (seen.has(code)) errors.push(`Lựa chọn "${code}" bị chọn hai lần`);
    else points += option.points ?? (option.fraction ?? 0) * max;
    seen.add(code);
  }
  return errors.length > 0 ? invalid(...errors) : scored(points);
}

// A framework scores thousands of units with the same rule objects: parse each formula once. The key
// repeats formula and input codes so an editor changing the rule in place never gets a stale parse.
const formulaCache = new WeakMap<object, { key: string; compiled: ReturnType<typeof compileExpression> }>();

function compiledFormula(rule: Extract<Rule, { type: 'expression' }>): ReturnType<typeof compileExpression> {
  const codes = rule.inputs.map((i) => i.code);
  const key = `${rule.formula}\u0000${codes.join('\u0000')}`;
  const cached = formulaCache.get(rule);
  if (cached?.key === key) return cached.compiled;
  const compiled = compileExpression(rule.formula, codes);
  formulaCache.set(rule, { key, compiled });
  return compiled;
}

function evaluateFormula(
  rule: Extract<Rule, { type: 'expression' }>,
  input: RuleInput | undefined,
  max: number,
): RuleOutcome {
  const compiled = compiledFormula(rule);
  if (!compiled.ok) return invalid(...compiled.errors.map((e) => `Công thức lỗi: ${e}`));
  const r = readNumbers(
    input,
    rule.inputs.map((i) => ({ name: i.code, label: i.label })),
  );
  if ('errors' in r) return invalid(...r.errors);
  if ('missing' in r) return { status: 'missing' };
  const result = evaluateExpression(compiled.ast, { ...r.values, [MAX_POINTS_NAME]: max });
  if (result.ok) return scored(result.value);
  if (result.reason === 'division_by_zero') return { status: 'not_applicable', reason: result.message };
  return invalid(result.message);
}
