import type { ContestRules } from '../../core/exam/contest';
import { validateContestRules } from '../../core/exam/rules';
import { AppError } from '../../core/shared/app-error';

/** Throws `validation_failed` listing every problem of the rules (paths as the form names them). */
export function assertValidRules(rules: ContestRules): void {
  const problems = validateContestRules(rules);
  if (problems.length === 0) return;
  throw new AppError(
    'validation_failed',
    `Thể lệ chưa hợp lệ: ${problems.map((p) => p.message).join('; ')}`,
    problems.map((p) => ({ path: `rules.${p.field}`, message: p.message })),
  );
}
