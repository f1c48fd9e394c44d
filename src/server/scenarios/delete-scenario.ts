import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { practiceScenarios } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { contestsUsing, shippedCodes } from './scenarios-repo';

/**
 * Deletes a scenario no contest names and no attempt has played; a shipped one is kept (it would come
 * back on next use anyway). Audited with the whole document, so a deletion can be undone by hand.
 */
export async function deleteScenario(db: Db, actor: Actor, code: string): Promise<void> {
  if (shippedCodes().has(code)) {
    throw new AppError('conflict', `Đề “${code}” là đề có sẵn của hệ thống, không xóa được`);
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(practiceScenarios)
      .where(eq(practiceScenarios.code, code))
      .for('update');
    if (!row) throw new AppError('not_found', `Không tìm thấy đề thực hành “${code}”`);
    const using = await contestsUsing(tx, code);
    if (using.length > 0) {
      throw new AppError(
        'conflict',
        `Đề “${code}” đang được dùng trong ${using.length} kỳ thi (${using.map((c) => c.name).join('; ')}): không xóa được`,
        { contests: using.map((c) => c.name) },
      );
    }
    const [played] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from practice_sandboxes where scenario_code = ${code}`,
    );
    if (Number(played?.n ?? 0) > 0) {
      throw new AppError('conflict', `Đề “${code}” đã được thí sinh làm bài, không xóa được`);
    }
    await tx.delete(practiceScenarios).where(eq(practiceScenarios.id, row.id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'practice_scenario',
      entityId: row.id,
      before: { code, version: row.version, document: row.document },
    });
  });
}
