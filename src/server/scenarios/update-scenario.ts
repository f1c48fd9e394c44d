import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { practiceScenarios } from '../db/schema';
import { findScenario } from '../office/scenario-store';
import { assertValidScenario } from './check-scenario';
import {
  assertNotInOpenContest,
  contestsUsing,
  getScenarioItem,
  type ScenarioListItem,
} from './scenarios-repo';

/**
 * Replaces a scenario's document. Refused, with nothing stored: an invalid document (every problem
 * listed), a changed code (contests and sandboxes name it), a scenario an open contest plays, and a
 * save based on an older version than the stored one (`version`, when given). Past attempts keep the
 * copy they were seeded from, so an edit never changes them.
 */
export async function updateScenario(
  db: Db,
  actor: Actor,
  code: string,
  body: unknown,
  opts: { version?: number; now: Date },
): Promise<ScenarioListItem> {
  const document = assertValidScenario(body);
  if (document.code !== code) {
    throw new AppError('validation_failed', 'Không đổi được mã đề; hãy sao chép thành đề mới', [
      { path: 'code', message: `Mã đề phải giữ là “${code}”` },
    ]);
  }
  // Stores a shipped scenario on its first use, so that it can be edited like the others.
  await findScenario(db, code);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(practiceScenarios)
      .where(eq(practiceScenarios.code, code))
      .for('update');
    if (!before) throw new AppError('not_found', `Không tìm thấy đề thực hành “${code}”`);
    assertNotInOpenContest(code, await contestsUsing(tx, code));
    if (opts.version !== undefined && opts.version !== before.version) {
      throw new AppError(
        'conflict',
        'Đề đã được người khác sửa trong lúc bạn soạn. Tải lại để xem bản mới nhất rồi sửa lại.',
      );
    }
    const [after] = await tx
      .update(practiceScenarios)
      .set({
        name: document.name,
        year: document.year,
        document,
        version: sql`${practiceScenarios.version} + 1`,
        updatedAt: opts.now,
      })
      .where(eq(practiceScenarios.id, before.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'practice_scenario',
      entityId: before.id,
      before: { code, version: before.version, document: before.document },
      after: { code, version: after!.version, document },
    });
  });
  return getScenarioItem(db, code);
}
