import { and, eq, inArray } from 'drizzle-orm';
import type { TCouncilRow } from '../../contracts/cycles';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits } from '../db/schema';
import { assertAnyWindowOpen, type CycleContext, loadCycleUnit } from './cycle-context';
import { scoreCycle } from './cycle-scores';
import { leafOf, lockEntry, recordEntryChange } from './entry-access';

/** Self vs appraised vs final per unit, for the council to compare (gap = appraised − self). */
export async function councilRows(db: Db, ctx: CycleContext): Promise<TCouncilRow[]> {
  const scores = await scoreCycle(db, ctx);
  return scores
    .map((s) => {
      const appraised = s.appraisedAll ? s.appraised.total.points : null;
      return {
        unitId: s.unitId,
        code: s.code,
        name: s.name,
        level: s.level,
        groupNo: s.groupNo,
        state: s.state as TCouncilRow['state'],
        max: s.self.total.max,
        self: s.self.total.points,
        appraised,
        final: s.appraisedAll ? s.final.total.points : null,
        gap: appraised === null ? null : appraised - s.self.total.points,
      };
    })
    .sort((a, b) => a.level.localeCompare(b.level) || a.name.localeCompare(b.name, 'vi'));
}

/** The council confirms reviewed units (Đã thẩm định → Hội đồng phê duyệt), all or nothing. */
export async function confirmUnits(db: Db, actor: Actor, ctx: CycleContext, unitIds: string[], now: Date) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ unitId: cycleUnits.unitId, state: cycleUnits.state })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, ctx.id), inArray(cycleUnits.unitId, unitIds)))
      .for('update');
    const problems = unitIds.flatMap((id) => {
      const row = rows.find((r) => r.unitId === id);
      if (!row) return [{ unitId: id, message: 'Đơn vị không tham gia kỳ đánh giá' }];
      if (row.state !== 'reviewed') return [{ unitId: id, message: 'Đơn vị chưa được thẩm định xong' }];
      return [];
    });
    if (problems.length > 0) {
      throw new AppError(
        'cycle_state',
        `${problems.length} đơn vị chưa thể phê duyệt: chưa thẩm định xong tất cả chỉ số`,
        problems,
      );
    }
    for (const id of unitIds) assertAnyWindowOpen(ctx, id, ['council'], now);
    await tx
      .update(cycleUnits)
      .set({ state: 'approved', approvedAt: now, updatedAt: now })
      .where(and(eq(cycleUnits.cycleId, ctx.id), inArray(cycleUnits.unitId, unitIds)));
    await tx
      .update(cycleEntries)
      .set({ councilConfirmedAt: now })
      .where(and(eq(cycleEntries.cycleId, ctx.id), inArray(cycleEntries.unitId, unitIds)));
    await recordAudit(tx, actor, {
      action: 'council_confirm',
      entity: 'cycle',
      entityId: ctx.id,
      after: { unitIds },
    });
    return unitIds.length;
  });
}

/** The council's final value of one indicator, with its reason (before the unit's result is published). */
export async function setFinalPoints(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  code: string,
  input: { points: number; reason: string },
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  const node = leafOf(ctx, member, code);
  if (input.points > node.maxPoints) {
    throw new AppError('validation_failed', `Điểm đạt được không được vượt ${node.maxPoints}`, [
      { path: 'points', message: `Tối đa ${node.maxPoints} điểm` },
    ]);
  }
  if (!['reviewed', 'approved'].includes(member.state)) {
    throw new AppError('cycle_state', 'Chỉ đặt điểm đạt được cho đơn vị đã thẩm định xong và chưa công bố');
  }
  assertAnyWindowOpen(ctx, unitId, ['council'], now);
  await db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx.id, unitId, code);
    await tx
      .update(cycleEntries)
      .set({ finalPoints: input.points, finalReason: input.reason, updatedAt: now })
      .where(
        and(eq(cycleEntries.cycleId, ctx.id), eq(cycleEntries.unitId, unitId), eq(cycleEntries.code, code)),
      );
    await recordEntryChange(
      tx,
      actor,
      { cycleId: ctx.id, unitId, code },
      'council_final',
      { finalPoints: row?.finalPoints ?? null },
      { finalPoints: input.points, reason: input.reason },
    );
  });
}
