import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, users } from '../db/schema';
import { type CycleContext, loadCycleUnit } from './cycle-context';
import { assertUnitMayEdit, leafOf, lockEntry, recordEntryChange } from './entry-access';

/** Assigns an indicator to one of the unit's own staff (or clears it). */
export async function setAssignee(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  code: string,
  userId: string | null,
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  leafOf(ctx, member, code);
  if (userId) {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.unitId, unitId), eq(users.role, 'reporter')));
    if (!user) throw new AppError('validation_failed', 'Chỉ giao chỉ số cho cán bộ của chính đơn vị');
  }
  await db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx.id, unitId, code);
    assertUnitMayEdit(ctx, member, row, now);
    await tx
      .insert(cycleEntries)
      .values({ cycleId: ctx.id, unitId, code, assigneeId: userId, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [cycleEntries.cycleId, cycleEntries.unitId, cycleEntries.code],
        set: { assigneeId: userId, updatedBy: actor.id, updatedAt: now },
      });
    await recordEntryChange(
      tx,
      actor,
      { cycleId: ctx.id, unitId, code },
      'assign',
      { assigneeId: row?.assigneeId ?? null },
      { assigneeId: userId },
    );
  });
}
