import { and, eq, inArray } from 'drizzle-orm';
import type { TReviewAction } from '../../contracts/cycles';
import { pathTo } from '../../core/framework/tree';
import { AppError } from '../../core/shared/app-error';
import type { Role } from '../../core/shared/roles';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits } from '../db/schema';
import { assertAnyWindowOpen, type CycleContext, type CycleUnitRow } from './cycle-context';
import { leafOf, recordEntryChange } from './entry-access';
import { mayReview, reviewScope } from './reviewers';
import type { EntryRow } from './unit-form';
import { refreshUnitState } from './unit-state';

export interface ReviewItem {
  unitId: string;
  code: string;
  action: TReviewAction;
}

const DECIDED_UNIT = new Set(['approved', 'published']);

function checkItem(
  ctx: CycleContext,
  member: CycleUnitRow | undefined,
  row: EntryRow | undefined,
  item: ReviewItem,
  now: Date,
) {
  if (!member) throw new AppError('unit_not_found', 'Đơn vị không tham gia kỳ đánh giá này');
  const node = leafOf(ctx, member, item.code);
  if (!row?.review) throw new AppError('cycle_state', `Chỉ số ${item.code} chưa được đơn vị nộp`);
  if (DECIDED_UNIT.has(member.state)) {
    throw new AppError('cycle_state', 'Hội đồng đã phê duyệt kết quả của đơn vị, không thể thẩm định lại');
  }
  assertAnyWindowOpen(ctx, member.unitId, ['review', 'explanation'], now);
  if (item.action.action === 'adjust' && item.action.points > node.maxPoints) {
    throw new AppError(
      'validation_failed',
      `Điểm thẩm định của chỉ số ${item.code} không được vượt ${node.maxPoints}`,
      [{ path: 'points', message: `Tối đa ${node.maxPoints} điểm` }],
    );
  }
  if (item.action.action === 'request' && new Date(item.action.deadline) <= now) {
    throw new AppError('validation_failed', 'Hạn bổ sung phải sau thời điểm hiện tại', [
      { path: 'deadline', message: 'Hạn bổ sung phải sau thời điểm hiện tại' },
    ]);
  }
  return node;
}

/**
 * Reviewers' decisions on submitted indicators — agree, adjust (points and reason) or ask for more evidence
 * (comment and deadline) — applied all together or not at all; each is in the indicator's history and the
 * units' states follow. Returns the units that were asked for more evidence.
 */
export async function reviewEntries(
  db: Db,
  actor: Actor & { role: Role },
  ctx: CycleContext,
  items: ReviewItem[],
  now: Date,
): Promise<{ returned: string[] }> {
  const scope = await reviewScope(db, ctx.id, { id: actor.id!, role: actor.role });
  const unitIds = [...new Set(items.map((i) => i.unitId))];
  return db.transaction(async (tx) => {
    const [members, rows] = await Promise.all([
      tx
        .select()
        .from(cycleUnits)
        .where(and(eq(cycleUnits.cycleId, ctx.id), inArray(cycleUnits.unitId, unitIds))),
      tx
        .select()
        .from(cycleEntries)
        .where(
          and(
            eq(cycleEntries.cycleId, ctx.id),
            inArray(cycleEntries.unitId, unitIds),
            inArray(
              cycleEntries.code,
              items.map((i) => i.code),
            ),
          ),
        )
        .for('update'),
    ]);
    const returned = new Set<string>();
    for (const item of items) {
      const member = members.find((m) => m.unitId === item.unitId);
      const row = rows.find((r) => r.unitId === item.unitId && r.code === item.code);
      // Who may decide comes first: an unassigned reviewer learns nothing about the unit's progress.
      if (member && !mayReview(scope, item.unitId, leafPillar(ctx, member, item.code))) {
        throw new AppError(
          'forbidden',
          `Bạn không được phân công thẩm định chỉ số ${item.code} của đơn vị này`,
        );
      }
      checkItem(ctx, member, row, item, now);
      const a = item.action;
      const values =
        a.action === 'agree'
          ? { review: 'agreed', appraisedPoints: row!.selfPoints, reviewReason: null }
          : a.action === 'adjust'
            ? { review: 'adjusted', appraisedPoints: a.points, reviewReason: a.reason }
            : {
                review: 'requested',
                requestComment: a.comment,
                requestDeadline: new Date(a.deadline),
                explanation: null,
              };
      await tx
        .update(cycleEntries)
        .set({ ...values, reviewedBy: actor.id, reviewedAt: now, updatedAt: now })
        .where(
          and(
            eq(cycleEntries.cycleId, ctx.id),
            eq(cycleEntries.unitId, item.unitId),
            eq(cycleEntries.code, item.code),
          ),
        );
      const before = { review: row!.review, appraisedPoints: row!.appraisedPoints };
      await recordEntryChange(
        tx,
        actor,
        { cycleId: ctx.id, unitId: item.unitId, code: item.code },
        `review_${a.action}`,
        before,
        values,
      );
      if (a.action === 'request') returned.add(item.unitId);
    }
    for (const unitId of unitIds) await refreshUnitState(tx, ctx.id, unitId, now);
    return { returned: [...returned] };
  });
}

/** The top-level node (pillar) the leaf sits in. */
export function leafPillar(ctx: CycleContext, member: CycleUnitRow, code: string): string {
  return pathTo(ctx.frameworks.get(member.level)!.document, code)[0] ?? '';
}
