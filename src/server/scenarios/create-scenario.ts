import type { Scenario } from '../../core/office/scenario';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { practiceScenarios } from '../db/schema';
import { loadShippedScenarios } from '../office/scenario-store';
import { assertValidScenario } from './check-scenario';
import { getScenarioItem, type ScenarioListItem } from './scenarios-repo';

/** Stores a new, valid scenario under a code not taken yet (shipped codes included); audited. */
export async function insertScenario(db: Db, actor: Actor, document: Scenario): Promise<ScenarioListItem> {
  // A shipped code is taken even before its first use.
  await loadShippedScenarios(db);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(practiceScenarios)
      .values({
        code: document.code,
        name: document.name,
        year: document.year,
        document,
        createdBy: actor.id,
      })
      .onConflictDoNothing({ target: practiceScenarios.code })
      .returning();
    if (!row) {
      throw new AppError('conflict', `Mã đề “${document.code}” đã có; chọn mã khác`, [
        { path: 'code', message: `Mã đề “${document.code}” đã có` },
      ]);
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'practice_scenario',
      entityId: row.id,
      after: { code: row.code, version: row.version, document },
    });
  });
  return getScenarioItem(db, document.code);
}

/** Creates a scenario from a whole JSON document; refused with every problem listed, nothing stored. */
export function createScenario(db: Db, actor: Actor, body: unknown): Promise<ScenarioListItem> {
  return insertScenario(db, actor, assertValidScenario(body));
}
