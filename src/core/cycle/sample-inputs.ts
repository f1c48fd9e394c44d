import type { FrameworkNode, RuleInput } from '../framework/model';

/**
 * Plausible inputs for one leaf, drawn from `random` (0–1): what a unit might enter, so that demo data,
 * load tests and integration tests exercise every rule type with values spread over the whole scale.
 */
export function sampleInputs(node: FrameworkNode, random: () => number): RuleInput {
  const rule = node.rule;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  switch (rule?.type) {
    case 'ratio': {
      const b = int(20, 400);
      return { a: int(Math.floor(b * 0.3), b), b };
    }
    case 'yes_no':
      return { yes: random() < 0.75 };
    case 'count':
      return { value: int(0, Math.ceil(rule.cap * 1.2)) };
    case 'option':
      return rule.multiple
        ? { option: rule.options.filter(() => random() < 0.5).map((o) => o.code) }
        : { option: rule.options[int(0, rule.options.length - 1)]!.code };
    case 'steps': {
      const mins = rule.steps.map((s) => s.min);
      return { value: int(Math.min(0, ...mins), Math.max(...mins) + 1) };
    }
    case 'linear': {
      const [lo, hi] = rule.worst < rule.best ? [rule.worst, rule.best] : [rule.best, rule.worst];
      return { value: Math.round((lo + random() * (hi - lo)) * 100) / 100 };
    }
    case 'manual':
      return { points: Math.round(random() * node.maxPoints * 4) / 4 };
    case 'expression':
      return Object.fromEntries(rule.inputs.map((i) => [i.code, int(1, 100)]));
    default:
      return {};
  }
}
