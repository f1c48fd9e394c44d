import { and, eq } from 'drizzle-orm';
import { formatVnDateTime, windowState } from '../../core/cycle/windows';
import type { FrameworkNode } from '../../core/framework/model';
import { applicableNodes, isLeaf } from '../../core/framework/tree';
import { AppError } from '../../core/shared/app-error';
import { type Actor, type AuditEvent, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries } from '../db/schema';
import {
  assertAnyWindowOpen,
  type CycleContext,
  type CycleUnitRow,
  entryEntityId,
  frameworkOf,
} from './cycle-context';
import type { EntryRow } from './unit-form';

/** The leaf `code` as it applies to the unit, or `not_found`. */
export function leafOf(ctx: CycleContext, member: CycleUnitRow, code: string): FrameworkNode {
  const f = frameworkOf(ctx, member.level);
  const node = applicableNodes(f, member.level, member.groupNo).find((n) => n.code === code);
  if (!node || !isLeaf(node)) {
    throw new AppError('not_found', `Chỉ số ${code} không có trong bộ chỉ số áp dụng cho đơn vị`);
  }
  return node;
}

/** The stored entry, locked for the rest of the transaction (undefined when nothing was entered yet). */
export async function lockEntry(
  tx: Db,
  cycleId: string,
  unitId: string,
  code: string,
): Promise<EntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(cycleEntries)
    .where(
      and(eq(cycleEntries.cycleId, cycleId), eq(cycleEntries.unitId, unitId), eq(cycleEntries.code, code)),
    )
    .for('update');
  return row;
}

/**
 * Whether the unit may change this indicator now: a draft during its self-assessment window, or an
 * indicator the reviewers asked more of, during the explanation window and before the request's deadline
 * (an extension of the explanation window lifts that deadline).
 */
export function assertUnitMayEdit(
  ctx: CycleContext,
  member: CycleUnitRow,
  row: EntryRow | undefined,
  now: Date,
) {
  if (row?.review === 'requested') {
    assertAnyWindowOpen(ctx, member.unitId, ['explanation'], now);
    const explanation = windowState(ctx.windows, ctx.extensions, member.unitId, 'explanation', now);
    if (row.requestDeadline && row.requestDeadline < now && !explanation.extended) {
      throw new AppError(
        'window_closed',
        `Đã quá hạn bổ sung của chỉ số ${row.code} (${formatVnDateTime(row.requestDeadline)}). Liên hệ đơn vị tổ chức nếu cần gia hạn`,
      );
    }
    return;
  }
  if (member.state !== 'draft') {
    throw new AppError(
      'cycle_state',
      'Đơn vị đã nộp kết quả tự đánh giá: chỉ sửa được các chỉ số được yêu cầu bổ sung',
    );
  }
  assertAnyWindowOpen(ctx, member.unitId, ['self_assessment'], now);
}

/** One change of an indicator as an audit event: the history shown beside it is read back from there. */
export function entryChange(
  ids: { cycleId: string; unitId: string; code: string },
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): AuditEvent {
  return {
    action,
    entity: 'cycle_entry',
    entityId: entryEntityId(ids.cycleId, ids.unitId, ids.code),
    before,
    after,
  };
}

/** One change of an indicator in the audit log. */
export async function recordEntryChange(
  tx: Db,
  actor: Actor,
  ids: { cycleId: string; unitId: string; code: string },
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  await recordAudit(tx, actor, entryChange(ids, action, before, after));
}
