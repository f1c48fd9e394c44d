import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries } from '../db/schema';
import { type CycleContext, loadCycleUnit } from './cycle-context';
import { assertUnitMayEdit, leafOf, lockEntry, recordEntryChange } from './entry-access';
import { refreshUnitState } from './unit-state';

/** The unit's explanation (giải trình) of an indicator the reviewers asked more of. */
export async function setExplanation(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  code: string,
  explanation: string,
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  leafOf(ctx, member, code);
  await db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx.id, unitId, code);
    if (row?.review !== 'requested') {
      throw new AppError('cycle_state', `Chỉ số ${code} không có yêu cầu bổ sung nào cần giải trình`);
    }
    assertUnitMayEdit(ctx, member, row, now);
    await tx
      .update(cycleEntries)
      .set({ explanation, updatedBy: actor.id, updatedAt: now })
      .where(
        and(eq(cycleEntries.cycleId, ctx.id), eq(cycleEntries.unitId, unitId), eq(cycleEntries.code, code)),
      );
    await recordEntryChange(
      tx,
      actor,
      { cycleId: ctx.id, unitId, code },
      'explain',
      { explanation: row.explanation },
      { explanation },
    );
  });
}

/**
 * Sends answered requests back to the reviewers: only the chosen indicators, each of which must have an
 * open request and, since it was made, an explanation or new evidence. All or nothing.
 */
export async function resubmitEntries(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  codes: string[],
  now: Date,
): Promise<string[]> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        code: cycleEntries.code,
        row: cycleEntries,
        newEvidence: sql<number>`(select count(*)::int from cycle_evidence e where e.cycle_id = ${cycleEntries.cycleId}
          and e.unit_id = ${cycleEntries.unitId} and e.code = ${cycleEntries.code} and e.created_at > ${cycleEntries.reviewedAt})`,
      })
      .from(cycleEntries)
      .where(
        and(
          eq(cycleEntries.cycleId, ctx.id),
          eq(cycleEntries.unitId, unitId),
          inArray(cycleEntries.code, codes),
        ),
      )
      .for('update', { of: cycleEntries });
    const problems = codes.flatMap((code) => {
      const found = rows.find((r) => r.code === code);
      if (found?.row.review !== 'requested')
        return [{ code, message: `${code}: không có yêu cầu bổ sung đang mở` }];
      if (!found.row.explanation?.trim() && Number(found.newEvidence) === 0) {
        return [{ code, message: `${code}: chưa giải trình hoặc bổ sung minh chứng` }];
      }
      return [];
    });
    if (problems.length > 0)
      throw new AppError('cycle_incomplete', 'Chưa thể nộp lại các chỉ số đã chọn', problems);
    for (const { row } of rows) assertUnitMayEdit(ctx, member, row, now);
    await tx
      .update(cycleEntries)
      .set({ review: 'answered', updatedBy: actor.id, updatedAt: now })
      .where(
        and(
          eq(cycleEntries.cycleId, ctx.id),
          eq(cycleEntries.unitId, unitId),
          inArray(cycleEntries.code, codes),
        ),
      );
    for (const code of codes) {
      await recordEntryChange(
        tx,
        actor,
        { cycleId: ctx.id, unitId, code },
        'resubmit',
        { review: 'requested' },
        { review: 'answered' },
      );
    }
    await refreshUnitState(tx, ctx.id, unitId, now);
    return codes;
  });
}
