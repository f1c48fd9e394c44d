import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { TReviewQueueItem, TReviewQueueQuery } from '../../contracts/cycles';
import { findNode, pathTo } from '../../core/framework/tree';
import type { Role } from '../../core/shared/roles';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits, units } from '../db/schema';
import { type CycleContext, frameworkOf } from './cycle-context';
import { mayReview, reviewScope } from './reviewers';

/**
 * Submitted indicators the caller may review, filtered and paged; units in name order, indicators in the
 * set's order. Scope and filters that need the index set (pillar, search by indicator name) are applied in
 * memory over the cycle's submitted rows, which stay in the thousands.
 */
export async function reviewQueue(
  db: Db,
  ctx: CycleContext,
  user: { id: string; role: Role },
  q: TReviewQueueQuery,
) {
  const scope = await reviewScope(db, ctx.id, user);
  const conds: (SQL | undefined)[] = [eq(cycleEntries.cycleId, ctx.id), isNotNull(cycleEntries.review)];
  if (q.unitId) conds.push(eq(cycleEntries.unitId, q.unitId));
  if (q.review) conds.push(eq(cycleEntries.review, q.review));
  if (!scope.all && scope.pillars.size === 0)
    conds.push(inArray(cycleEntries.unitId, [...scope.units, '00000000-0000-0000-0000-000000000000']));
  const rows = await db
    .select({
      unitId: cycleEntries.unitId,
      unitCode: units.code,
      unitName: units.name,
      level: cycleUnits.level,
      code: cycleEntries.code,
      selfPoints: cycleEntries.selfPoints,
      notApplicable: cycleEntries.notApplicable,
      appraisedPoints: cycleEntries.appraisedPoints,
      review: cycleEntries.review,
      explanation: cycleEntries.explanation,
      requestComment: cycleEntries.requestComment,
      requestDeadline: cycleEntries.requestDeadline,
      evidenceCount: sql<number>`(select count(*)::int from cycle_evidence e where e.cycle_id = ${cycleEntries.cycleId}
        and e.unit_id = ${cycleEntries.unitId} and e.code = ${cycleEntries.code})`,
    })
    .from(cycleEntries)
    .innerJoin(
      cycleUnits,
      and(eq(cycleUnits.cycleId, cycleEntries.cycleId), eq(cycleUnits.unitId, cycleEntries.unitId)),
    )
    .innerJoin(units, eq(units.id, cycleEntries.unitId))
    .where(and(...conds))
    .orderBy(asc(units.name), asc(cycleEntries.code));
  const term = q.q ? q.q.normalize('NFC').toLowerCase() : null;
  const items: TReviewQueueItem[] = [];
  for (const r of rows) {
    const f = frameworkOf(ctx, r.level);
    const node = findNode(f, r.code);
    if (!node) continue;
    const pillar = pathTo(f, r.code)[0] ?? '';
    if (!mayReview(scope, r.unitId, pillar)) continue;
    if (q.pillar && pillar !== q.pillar) continue;
    if (term && !`${r.code} ${node.name} ${r.unitName}`.toLowerCase().includes(term)) continue;
    items.push({
      unitId: r.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      code: r.code,
      name: node.name,
      pillar,
      maxPoints: node.maxPoints,
      selfPoints: r.selfPoints,
      notApplicable: r.notApplicable,
      appraisedPoints: r.appraisedPoints,
      review: r.review as TReviewQueueItem['review'],
      explanation: r.explanation,
      requestComment: r.requestComment,
      requestDeadline: r.requestDeadline?.toISOString() ?? null,
      evidenceCount: Number(r.evidenceCount),
    });
  }
  const start = (q.page - 1) * q.pageSize;
  return {
    items: items.slice(start, start + q.pageSize),
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
