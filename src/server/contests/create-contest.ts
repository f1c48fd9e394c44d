import type { TContest, TContestInput } from '../../contracts/contests';
import type { ContestRules } from '../../core/exam/contest';
import { defaultContestRules } from '../../core/exam/rules';
import { cleanText } from '../../core/shared/text';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { contests } from '../db/schema';
import { getContest } from './contests-repo';
import { assertRulesWithScenario } from './rules-check';

/** Creates a draft contest; without rules it starts from the default rules. */
export async function createContest(db: Db, actor: Actor, input: TContestInput): Promise<TContest> {
  const rules = (input.rules ?? defaultContestRules()) as ContestRules;
  await assertRulesWithScenario(db, rules);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contests)
      .values({ year: input.year, name: cleanText(input.name), rules })
      .returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'contest', entityId: row!.id, after: row });
    return row!.id;
  });
  return getContest(db, id);
}
