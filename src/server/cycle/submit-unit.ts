import { and, eq, sql } from 'drizzle-orm';
import { outcomePoints } from '../../core/cycle/entry-score';
import { formState, missingForSubmit } from '../../core/cycle/form-state';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits } from '../db/schema';
import { assertAnyWindowOpen, type CycleContext, frameworkOf, loadCycleUnit } from './cycle-context';
import { storedEntry } from './unit-form';

/**
 * Submits a unit's self-assessment (Nháp → Đã nộp): refused with every incomplete indicator listed; on
 * success every applicable indicator gets a row awaiting review, with its self score fixed.
 */
export async function submitUnit(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  const f = frameworkOf(ctx, member.level);
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ state: cycleUnits.state })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, ctx.id), eq(cycleUnits.unitId, unitId)))
      .for('update');
    if (locked!.state !== 'draft') throw new AppError('cycle_state', 'Đơn vị đã nộp kết quả tự đánh giá');
    assertAnyWindowOpen(ctx, unitId, ['self_assessment'], now);
    const rows = await tx
      .select({
        row: cycleEntries,
        evidence: sql<number>`(select count(*)::int from cycle_evidence e where e.cycle_id = ${cycleEntries.cycleId}
          and e.unit_id = ${cycleEntries.unitId} and e.code = ${cycleEntries.code})`,
      })
      .from(cycleEntries)
      .where(and(eq(cycleEntries.cycleId, ctx.id), eq(cycleEntries.unitId, unitId)));
    const stored = new Map(rows.map((r) => [r.row.code, storedEntry(r.row, Number(r.evidence))]));
    const state = formState(f, member.level, member.groupNo, stored);
    const missing = missingForSubmit(state);
    if (missing.length > 0) {
      throw new AppError(
        'cycle_incomplete',
        `Chưa thể nộp: còn ${missing.length} chỉ số chưa hoàn thành`,
        missing,
      );
    }
    for (const leaf of state.leaves) {
      const values = { selfPoints: outcomePoints(leaf.outcome), review: 'pending', updatedAt: now };
      await tx
        .insert(cycleEntries)
        .values({ cycleId: ctx.id, unitId, code: leaf.code, ...values, updatedBy: actor.id })
        .onConflictDoUpdate({
          target: [cycleEntries.cycleId, cycleEntries.unitId, cycleEntries.code],
          set: values,
        });
    }
    await tx
      .update(cycleUnits)
      .set({ state: 'submitted', submittedAt: now, updatedAt: now })
      .where(and(eq(cycleUnits.cycleId, ctx.id), eq(cycleUnits.unitId, unitId)));
    await recordAudit(tx, actor, {
      action: 'submit',
      entity: 'cycle_unit',
      entityId: `${ctx.id}:${unitId}`,
      before: { state: 'draft' },
      after: { state: 'submitted', indicators: state.leaves.length },
    });
  });
}
