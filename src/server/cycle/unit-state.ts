import { and, eq } from 'drizzle-orm';
import { type ReviewState, unitReviewState } from '../../core/cycle/states';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits } from '../db/schema';

/**
 * Re-derives a submitted unit's state from its indicators' reviews (draft, approved and published units are
 * left alone: those states change only by the unit's or the council's own action).
 */
export async function refreshUnitState(tx: Db, cycleId: string, unitId: string, now: Date): Promise<string> {
  const [member] = await tx
    .select({ state: cycleUnits.state })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.unitId, unitId)))
    .for('update');
  if (!member || ['draft', 'approved', 'published'].includes(member.state)) return member?.state ?? 'draft';
  const reviews = await tx
    .select({ review: cycleEntries.review })
    .from(cycleEntries)
    .where(and(eq(cycleEntries.cycleId, cycleId), eq(cycleEntries.unitId, unitId)));
  const state = unitReviewState(reviews.map((r) => r.review as ReviewState | null));
  if (state !== member.state) {
    await tx
      .update(cycleUnits)
      .set({ state, updatedAt: now })
      .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.unitId, unitId)));
  }
  return state;
}
