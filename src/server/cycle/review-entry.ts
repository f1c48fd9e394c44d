import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TReviewAction } from '../../contracts/cycles';
import { pathTo } from '../../core/framework/tree';
import { AppError } from '../../core/shared/app-error';
import type { Role } from '../../core/shared/roles';
import { type Actor, type AuditEvent, recordAudits } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits } from '../db/schema';
import { isoParam } from '../db/sql-rows';
import { assertAnyWindowOpen, type CycleContext, type CycleUnitRow } from './cycle-context';
import { entryChange, leafOf } from './entry-access';
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
 * (comment and deadline) — applied all together or not at all, one decision per indicator; each is in the
 * indicator's history and the units' states follow. Returns the units that were asked for more evidence.
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
            inArray(cycleEntries.code, [...new Set(items.map((i) => i.code))]),
          ),
        )
        .for('update'),
    ]);
    const memberOf = new Map(members.map((m) => [m.unitId, m]));
    const rowOf = new Map(rows.map((r) => [`${r.unitId}|${r.code}`, r]));
    const decided = new Set<string>();
    const returned = new Set<string>();
    const agreed: EntryRow[] = [];
    const changes: AuditEvent[] = [];
    for (const item of items) {
      const member = memberOf.get(item.unitId);
      const key = `${item.unitId}|${item.code}`;
      const row = rowOf.get(key);
      // Who may decide comes first: an unassigned reviewer learns nothing about the unit's progress.
      if (member && !mayReview(scope, item.unitId, leafPillar(ctx, member, item.code))) {
        throw new AppError(
          'forbidden',
          `Bạn không được phân công thẩm định chỉ số ${item.code} của đơn vị này`,
        );
      }
      checkItem(ctx, member, row, item, now);
      if (decided.has(key)) {
        throw new AppError(
          'validation_failed',
          `Chỉ số ${item.code} có hai quyết định trong cùng một lần gửi: mỗi chỉ số chỉ một quyết định`,
        );
      }
      decided.add(key);
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
      if (a.action === 'agree') agreed.push(row!);
      else {
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
      }
      changes.push(
        entryChange(
          { cycleId: ctx.id, unitId: item.unitId, code: item.code },
          `review_${a.action}`,
          { review: row!.review, appraisedPoints: row!.appraisedPoints },
          values,
        ),
      );
      if (a.action === 'request') returned.add(item.unitId);
    }
    // Agreements come in bulk (a whole unit, a whole pillar): one statement for all of them.
    if (agreed.length > 0) {
      await tx.execute(sql`
        update cycle_entries set review = 'agreed', appraised_points = self_points, review_reason = null,
          reviewed_by = ${actor.id}, reviewed_at = ${isoParam(now)}::timestamptz,
          updated_at = ${isoParam(now)}::timestamptz
        where cycle_id = ${ctx.id} and (unit_id, code) in (
          select * from unnest(${sql.param(agreed.map((r) => r.unitId))}::uuid[],
            ${sql.param(agreed.map((r) => r.code))}::text[]))`);
    }
    await recordAudits(tx, actor, changes);
    for (const unitId of unitIds) await refreshUnitState(tx, ctx.id, unitId, now);
    return { returned: [...returned] };
  });
}

/** The top-level node (pillar) the leaf sits in. */
export function leafPillar(ctx: CycleContext, member: CycleUnitRow, code: string): string {
  return pathTo(ctx.frameworks.get(member.level)!.document, code)[0] ?? '';
}
