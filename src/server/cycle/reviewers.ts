import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TReviewerRow } from '../../contracts/cycles';
import { AppError } from '../../core/shared/app-error';
import type { Role } from '../../core/shared/roles';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleReviewers, cycleUnits, units, users } from '../db/schema';
import { loadCycle } from './cycle-context';

/** What a caller may review in a cycle: everything (organisers), or the assigned units and pillars. */
export type ReviewScope = { all: true } | { all: false; units: Set<string>; pillars: Set<string> };

export async function reviewScope(
  db: Db,
  cycleId: string,
  user: { id: string; role: Role },
): Promise<ReviewScope> {
  if (user.role === 'admin' || user.role === 'organiser') return { all: true };
  const rows = await db
    .select({ unitId: cycleReviewers.unitId, pillarCode: cycleReviewers.pillarCode })
    .from(cycleReviewers)
    .where(and(eq(cycleReviewers.cycleId, cycleId), eq(cycleReviewers.userId, user.id)));
  return {
    all: false,
    units: new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : []))),
    pillars: new Set(rows.flatMap((r) => (r.pillarCode ? [r.pillarCode] : []))),
  };
}

export function mayReview(scope: ReviewScope, unitId: string, pillar: string): boolean {
  return scope.all || scope.units.has(unitId) || scope.pillars.has(pillar);
}

/** Enabled reviewer accounts, the ones an organiser may assign. */
export async function reviewerAccounts(db: Db) {
  return db
    .select({ id: users.id, fullName: users.fullName, username: users.username })
    .from(users)
    .where(and(eq(users.role, 'reviewer'), eq(users.disabled, false)))
    .orderBy(asc(users.fullName));
}

export async function listReviewers(db: Db, cycleId: string): Promise<TReviewerRow[]> {
  return db
    .select({
      userId: cycleReviewers.userId,
      fullName: users.fullName,
      unitId: cycleReviewers.unitId,
      unitName: units.name,
      pillarCode: cycleReviewers.pillarCode,
    })
    .from(cycleReviewers)
    .innerJoin(users, eq(users.id, cycleReviewers.userId))
    .leftJoin(units, eq(units.id, cycleReviewers.unitId))
    .where(eq(cycleReviewers.cycleId, cycleId))
    .orderBy(asc(users.fullName), asc(units.name), asc(cycleReviewers.pillarCode));
}

/**
 * Replaces the cycle's review assignments: each names a reviewer account and either one participating
 * unit or one pillar code of the cycle's index sets. Every bad assignment is listed; nothing changes then.
 */
export async function setReviewers(
  db: Db,
  actor: Actor,
  cycleId: string,
  assignments: { userId: string; unitId: string | null; pillarCode: string | null }[],
): Promise<void> {
  const ctx = await loadCycle(db, cycleId);
  const userIds = [...new Set(assignments.map((a) => a.userId))];
  const unitIds = [...new Set(assignments.flatMap((a) => (a.unitId ? [a.unitId] : [])))];
  const [reviewers, members] = await Promise.all([
    userIds.length
      ? db
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, userIds), eq(users.role, 'reviewer')))
      : [],
    unitIds.length
      ? db
          .select({ unitId: cycleUnits.unitId })
          .from(cycleUnits)
          .where(and(eq(cycleUnits.cycleId, cycleId), inArray(cycleUnits.unitId, unitIds)))
      : [],
  ]);
  const pillars = new Set([...ctx.frameworks.values()].flatMap((f) => f.document.nodes.map((n) => n.code)));
  const okUsers = new Set(reviewers.map((r) => r.id));
  const okUnits = new Set(members.map((m) => m.unitId));
  const problems = assignments.flatMap((a, i) => {
    const path = `assignments.${i}`;
    if (!okUsers.has(a.userId)) return [{ path, message: 'Tài khoản không phải là thành viên thẩm định' }];
    if ((a.unitId === null) === (a.pillarCode === null)) {
      return [{ path, message: 'Mỗi phân công chọn một đơn vị hoặc một trụ cột' }];
    }
    if (a.unitId && !okUnits.has(a.unitId)) return [{ path, message: 'Đơn vị không tham gia kỳ đánh giá' }];
    if (a.pillarCode && !pillars.has(a.pillarCode))
      return [{ path, message: `Không có trụ cột ${a.pillarCode}` }];
    return [];
  });
  if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.message, problems);
  await db.transaction(async (tx) => {
    await tx.delete(cycleReviewers).where(eq(cycleReviewers.cycleId, cycleId));
    if (assignments.length > 0)
      await tx.insert(cycleReviewers).values(assignments.map((a) => ({ cycleId, ...a })));
    await recordAudit(tx, actor, {
      action: 'set_reviewers',
      entity: 'cycle',
      entityId: cycleId,
      after: { assignments },
    });
  });
}
