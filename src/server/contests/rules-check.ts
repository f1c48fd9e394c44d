import type { ContestRules } from '../../core/exam/contest';
import { practiceScenarioOf, validateContestRules } from '../../core/exam/rules';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { findScenario } from '../office/scenario-store';

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

/**
 * Checks the rules as `assertValidRules` does, and that their practice scenario exists (a shipped one
 * is stored on first use). Read before any transaction: PGlite runs one query at a time.
 */
export async function assertRulesWithScenario(db: Db, rules: ContestRules): Promise<void> {
  assertValidRules(rules);
  const code = practiceScenarioOf(rules);
  if (!code) return;
  try {
    await findScenario(db, code);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
    const message = `Không tìm thấy đề thực hành “${code}”; chọn một đề trong danh sách đề thực hành`;
    throw new AppError('validation_failed', message, [{ path: 'rules.practiceScenario', message }]);
  }
}
