import { eq, sql } from 'drizzle-orm';
import type { TBoard, TBoardRow } from '../../contracts/cycles';
import { formState } from '../../core/cycle/form-state';
import { awaitsReviewer, type ReviewState, UNIT_STATE_LABELS } from '../../core/cycle/states';
import { windowState } from '../../core/cycle/windows';
import { pathTo } from '../../core/framework/tree';
import type { Db } from '../db/client';
import { cycleEntries, cycleReviewers, users } from '../db/schema';
import { addTableSheet, newWorkbook } from '../files/workbook';
import { type CycleContext, cycleMembers, frameworkOf } from './cycle-context';
import { storedEntry } from './unit-form';

/**
 * The organiser's progress board: every unit's state, completeness, open requests and overdue flag, who
 * reviews it, and each reviewer's workload (decisions pending and taken within their assignments).
 */
export async function cycleBoard(db: Db, ctx: CycleContext, now: Date): Promise<TBoard> {
  const [members, rows, assignments] = await Promise.all([
    cycleMembers(db, ctx.id),
    db
      .select({
        row: cycleEntries,
        evidence: sql<number>`(select count(*)::int from cycle_evidence e where e.cycle_id = ${cycleEntries.cycleId}
          and e.unit_id = ${cycleEntries.unitId} and e.code = ${cycleEntries.code})`,
      })
      .from(cycleEntries)
      .where(eq(cycleEntries.cycleId, ctx.id)),
    db
      .select({
        userId: cycleReviewers.userId,
        fullName: users.fullName,
        unitId: cycleReviewers.unitId,
        pillarCode: cycleReviewers.pillarCode,
      })
      .from(cycleReviewers)
      .innerJoin(users, eq(users.id, cycleReviewers.userId))
      .where(eq(cycleReviewers.cycleId, ctx.id)),
  ]);
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) byUnit.set(r.row.unitId, [...(byUnit.get(r.row.unitId) ?? []), r]);
  const workload = new Map<string, { userId: string; fullName: string; pending: number; done: number }>();
  for (const a of assignments)
    workload.set(a.userId, { userId: a.userId, fullName: a.fullName, pending: 0, done: 0 });

  const unitRows: TBoardRow[] = members.map((m) => {
    const f = frameworkOf(ctx, m.level);
    const entries = byUnit.get(m.unitId) ?? [];
    const state = formState(
      f,
      m.level,
      m.groupNo,
      new Map(entries.map((e) => [e.row.code, storedEntry(e.row, Number(e.evidence))])),
    );
    const open = entries.filter((e) => e.row.review === 'requested');
    const selfClosed =
      windowState(ctx.windows, ctx.extensions, m.unitId, 'self_assessment', now).state === 'closed';
    const overdue =
      (m.state === 'draft' && selfClosed) ||
      open.some((e) => e.row.requestDeadline && e.row.requestDeadline < now);
    const reviewers = assignments.filter(
      (a) => a.unitId === m.unitId || (a.pillarCode && f.nodes.some((n) => n.code === a.pillarCode)),
    );
    for (const e of entries) {
      if (!e.row.review) continue;
      const pillar = pathTo(f, e.row.code)[0];
      for (const a of reviewers) {
        if (a.unitId !== m.unitId && a.pillarCode !== pillar) continue;
        const w = workload.get(a.userId)!;
        if (awaitsReviewer(e.row.review as ReviewState)) w.pending++;
        else w.done++;
      }
    }
    return {
      unitId: m.unitId,
      code: m.code,
      name: m.name,
      level: m.level,
      state: m.state as TBoardRow['state'],
      progress: state.progress,
      leaves: state.leaves.length,
      done: state.leaves.filter((l) => l.problems.length === 0).length,
      openRequests: open.length,
      overdue,
      reviewers: [...new Set(reviewers.map((r) => r.fullName))],
    };
  });
  return {
    units: unitRows,
    reviewers: [...workload.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
  };
}

/** The board as an Excel workbook (units, then reviewers' workload). */
export async function boardWorkbook(board: TBoard): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(wb, 'Tiến độ', [
    { field: 'code', header: 'Mã đơn vị', width: 14 },
    { field: 'name', header: 'Tên đơn vị', width: 40 },
    { field: 'state', header: 'Trạng thái', width: 20 },
    { field: 'progress', header: 'Hoàn thành (%)', width: 14 },
    { field: 'done', header: 'Chỉ số hoàn thành', width: 16 },
    { field: 'leaves', header: 'Tổng chỉ số', width: 12 },
    { field: 'openRequests', header: 'Yêu cầu bổ sung đang mở', width: 22 },
    { field: 'overdue', header: 'Quá hạn', width: 10 },
    { field: 'reviewers', header: 'Thành viên thẩm định', width: 40 },
  ]);
  for (const u of board.units) {
    ws.addRow({
      ...u,
      state: UNIT_STATE_LABELS[u.state],
      progress: Math.round(u.progress * 1000) / 10,
      overdue: u.overdue ? 'Có' : '',
      reviewers: u.reviewers.join(', '),
    });
  }
  const wr = addTableSheet(wb, 'Khối lượng thẩm định', [
    { field: 'fullName', header: 'Thành viên thẩm định', width: 32 },
    { field: 'pending', header: 'Chờ xử lý', width: 12 },
    { field: 'done', header: 'Đã xử lý', width: 12 },
  ]);
  for (const r of board.reviewers) wr.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
