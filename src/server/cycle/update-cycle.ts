import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { TCyclePatch } from '../../contracts/cycles';
import type { CycleWindow } from '../../core/cycle/windows';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleExtensions, cycles, cycleUnits } from '../db/schema';
import { unitsOfYear } from './create-cycle';
import { loadCycle, storeWindows } from './cycle-context';
import { toWindowsInput } from './window-input';

/** Renames a cycle or moves its calendar (audited with the old dates). */
export async function updateCycle(db: Db, actor: Actor, id: string, patch: TCyclePatch): Promise<void> {
  const ctx = await loadCycle(db, id);
  const windows = patch.windows ? storeWindows(toWindowsInput(patch.windows)) : undefined;
  await db.transaction(async (tx) => {
    await tx
      .update(cycles)
      .set({
        ...(patch.name ? { name: patch.name } : {}),
        ...(windows ? { windows } : {}),
        updatedAt: new Date(),
      })
      .where(eq(cycles.id, id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'cycle',
      entityId: id,
      before: { name: ctx.name, windows: patch.windows ? storeWindows(ctx.windows as never) : undefined },
      after: patch,
    });
  });
}

/**
 * Sets the participating units. Units may be added at any time; a unit that has entered anything cannot be
 * removed (its data would be orphaned), and the refusal names it.
 */
export async function setCycleUnits(db: Db, actor: Actor, id: string, unitIds: string[]): Promise<void> {
  const ctx = await loadCycle(db, id);
  const members = await unitsOfYear(db, ctx.year, [...ctx.frameworks.keys()], unitIds);
  await db.transaction(async (tx) => {
    const leaving = await tx
      .select({ unitId: cycleUnits.unitId })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, id), notInArray(cycleUnits.unitId, unitIds)));
    const leavingIds = leaving.map((l) => l.unitId);
    if (leavingIds.length > 0) {
      const [used] = await tx
        .select({ n: sql<number>`count(distinct ${cycleEntries.unitId})::int` })
        .from(cycleEntries)
        .where(and(eq(cycleEntries.cycleId, id), inArray(cycleEntries.unitId, leavingIds)));
      if (Number(used?.n ?? 0) > 0) {
        throw new AppError('cycle_state', 'Không thể bỏ đơn vị đã nhập dữ liệu tự đánh giá khỏi kỳ đánh giá');
      }
      await tx
        .delete(cycleUnits)
        .where(and(eq(cycleUnits.cycleId, id), inArray(cycleUnits.unitId, leavingIds)));
    }
    await tx
      .insert(cycleUnits)
      .values(members.map((u) => ({ cycleId: id, unitId: u.id, level: u.level, groupNo: u.groupNo })))
      .onConflictDoNothing();
    await recordAudit(tx, actor, {
      action: 'set_units',
      entity: 'cycle',
      entityId: id,
      after: { units: members.length, removed: leavingIds },
    });
  });
}

/** Grants (or moves) one unit's deadline in one window ("gia hạn"); the reason is kept. */
export async function setExtension(
  db: Db,
  actor: Actor,
  id: string,
  input: { unitId: string; window: CycleWindow; until: string; reason: string },
): Promise<void> {
  const ctx = await loadCycle(db, id);
  const until = new Date(input.until);
  if (until <= ctx.windows[input.window].closesAt) {
    throw new AppError('validation_failed', 'Hạn gia hạn phải sau thời điểm kết thúc của giai đoạn', [
      { path: 'until', message: 'Hạn gia hạn phải sau thời điểm kết thúc của giai đoạn' },
    ]);
  }
  const [member] = await db
    .select({ unitId: cycleUnits.unitId })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, id), eq(cycleUnits.unitId, input.unitId)));
  if (!member) throw new AppError('unit_not_found', 'Đơn vị không tham gia kỳ đánh giá này');
  await db.transaction(async (tx) => {
    await tx
      .insert(cycleExtensions)
      .values({
        cycleId: id,
        unitId: input.unitId,
        window: input.window,
        until,
        reason: input.reason,
        createdBy: actor.id,
      })
      .onConflictDoUpdate({
        target: [cycleExtensions.cycleId, cycleExtensions.unitId, cycleExtensions.window],
        set: { until, reason: input.reason, createdBy: actor.id, createdAt: new Date() },
      });
    await recordAudit(tx, actor, { action: 'extend', entity: 'cycle', entityId: id, after: input });
  });
}
