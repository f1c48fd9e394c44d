import { and, asc, eq } from 'drizzle-orm';
import type { TEntryView, TEvidence, TUnitForm } from '../../contracts/cycles';
import { formState, type StoredEntry } from '../../core/cycle/form-state';
import type { ReviewState } from '../../core/cycle/states';
import { flattenNodes } from '../../core/framework/tree';
import type { Db } from '../db/client';
import { cycleEntries, cycleEvidence, evidenceFiles, units, users } from '../db/schema';
import { type CycleContext, frameworkOf, loadCycleUnit, windowStatuses } from './cycle-context';
import { stageTotals } from './unit-scores';

export type EntryRow = typeof cycleEntries.$inferSelect;

/** Every evidence entry of a unit in a cycle, grouped by indicator code. */
export async function evidenceByCode(
  db: Db,
  cycleId: string,
  unitId: string,
): Promise<Map<string, TEvidence[]>> {
  const rows = await db
    .select({
      id: cycleEvidence.id,
      code: cycleEvidence.code,
      docNumber: cycleEvidence.docNumber,
      docDate: cycleEvidence.docDate,
      summary: cycleEvidence.summary,
      url: cycleEvidence.url,
      fileId: evidenceFiles.id,
      filename: evidenceFiles.filename,
      mime: evidenceFiles.mime,
      size: evidenceFiles.size,
      createdAt: cycleEvidence.createdAt,
      createdBy: users.fullName,
    })
    .from(cycleEvidence)
    .leftJoin(evidenceFiles, eq(evidenceFiles.id, cycleEvidence.fileId))
    .leftJoin(users, eq(users.id, cycleEvidence.createdBy))
    .where(and(eq(cycleEvidence.cycleId, cycleId), eq(cycleEvidence.unitId, unitId)))
    .orderBy(asc(cycleEvidence.createdAt));
  const out = new Map<string, TEvidence[]>();
  for (const r of rows) {
    const item: TEvidence = {
      id: r.id,
      docNumber: r.docNumber,
      docDate: r.docDate,
      summary: r.summary,
      url: r.url,
      file: r.fileId ? { id: r.fileId, filename: r.filename!, mime: r.mime!, size: r.size! } : null,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
    };
    out.set(r.code, [...(out.get(r.code) ?? []), item]);
  }
  return out;
}

/** The stored entry as the core's form logic reads it. */
export function storedEntry(row: EntryRow | undefined, evidenceCount: number): StoredEntry {
  return {
    inputs: row?.inputs ?? null,
    notApplicable: row?.notApplicable ?? null,
    central: row?.central ? { inputs: row.central.inputs, source: row.central.source } : null,
    evidenceCount,
    review: (row?.review as ReviewState | null) ?? null,
  };
}

/** The whole self-assessment form of one unit: indicators, inputs, scores, reviews, evidence, progress. */
export async function buildUnitForm(
  db: Db,
  ctx: CycleContext,
  unitId: string,
  now: Date,
): Promise<TUnitForm> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  const f = frameworkOf(ctx, member.level);
  const fw = ctx.frameworks.get(member.level)!;
  const [[unit], rows, evidence, staff] = await Promise.all([
    db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.id, unitId)),
    db
      .select()
      .from(cycleEntries)
      .where(and(eq(cycleEntries.cycleId, ctx.id), eq(cycleEntries.unitId, unitId))),
    evidenceByCode(db, ctx.id, unitId),
    db
      .select({ id: users.id, fullName: users.fullName })
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.role, 'reporter'), eq(users.disabled, false)))
      .orderBy(asc(users.fullName)),
  ]);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const stored = new Map(
    [...byCode].map(([code, r]) => [code, storedEntry(r, evidence.get(code)?.length ?? 0)] as const),
  );
  const state = formState(f, member.level, member.groupNo, stored);
  const nodes = new Map(flattenNodes(f.nodes).map((v) => [v.node.code, v]));
  const ancestors = (code: string) => {
    const trail: { code: string; name: string }[] = [];
    for (let p = nodes.get(code)?.parent; p; p = nodes.get(p.code)?.parent)
      trail.unshift({ code: p.code, name: p.name });
    return trail;
  };

  const entries: TEntryView[] = state.leaves.map((leaf) => {
    const visit = nodes.get(leaf.code)!;
    const node = visit.node;
    const row = byCode.get(leaf.code);
    return {
      code: leaf.code,
      name: leaf.name,
      pillar: leaf.pillar,
      path: ancestors(leaf.code),
      maxPoints: node.maxPoints,
      method: node.method ?? null,
      evidenceRequirement: node.evidence ?? null,
      dataSource: node.dataSource ?? null,
      mayBeNotApplicable: Boolean(node.mayBeNotApplicable),
      rule: node.rule ?? null,
      inputs: (row?.inputs ?? null) as TEntryView['inputs'],
      notApplicable: row?.notApplicable ?? null,
      central: (row?.central ?? null) as TEntryView['central'],
      selfPoints: leaf.outcome.status === 'scored' ? leaf.outcome.points : null,
      status: leaf.status,
      problems: leaf.problems,
      review: (row?.review as ReviewState | null) ?? null,
      appraisedPoints: row?.appraisedPoints ?? null,
      reviewReason: row?.reviewReason ?? null,
      requestComment: row?.requestComment ?? null,
      requestDeadline: row?.requestDeadline?.toISOString() ?? null,
      explanation: row?.explanation ?? null,
      finalPoints: row?.finalPoints ?? null,
      finalReason: row?.finalReason ?? null,
      assigneeId: row?.assigneeId ?? null,
      evidence: evidence.get(leaf.code) ?? [],
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });

  const totals = stageTotals(f, { unitId, level: member.level, group: member.groupNo }, rows);
  return {
    cycleId: ctx.id,
    cycleName: ctx.name,
    unit: { id: unitId, code: unit!.code, name: unit!.name, level: member.level, groupNo: member.groupNo },
    framework: { id: fw.id, name: fw.name, nominalMax: f.nominalMax, rounding: f.policy.rounding },
    state: member.state as TUnitForm['state'],
    submittedAt: member.submittedAt?.toISOString() ?? null,
    windowStatus: windowStatuses(ctx, unitId, now),
    progress: state.progress,
    pillars: state.pillars,
    totals,
    entries,
    staff,
  };
}
