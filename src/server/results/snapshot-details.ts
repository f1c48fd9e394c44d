import { eq, sql } from 'drizzle-orm';
import { evidenceRequired } from '../../core/cycle/entry-score';
import { stageUnitData } from '../../core/cycle/three-scores';
import { flattenNodes, isLeaf } from '../../core/framework/tree';
import type { LeafEntry } from '../../core/scoring/types';
import { type CycleContext, cycleMembers, frameworkOf } from '../cycle/cycle-context';
import { leafScores } from '../cycle/unit-scores';
import type { Db } from '../db/client';
import { cycleEntries, cycleEvidence } from '../db/schema';

/** One unit's row of `cycle_snapshot_details`, before it has a snapshot id. */
export interface SnapshotDetail {
  unitId: string;
  frameworkVersionId: string;
  final: Record<string, LeafEntry>;
  evidenceRequired: number;
  evidenceProvided: number;
}

/**
 * Every participating unit's final indicator entries (what the engine scores the final stage from) and
 * its evidence counts, read from the cycle's entries as they are when publishing.
 */
export async function snapshotDetails(db: Db, ctx: CycleContext): Promise<SnapshotDetail[]> {
  const [members, rows, evidence] = await Promise.all([
    cycleMembers(db, ctx.id),
    db.select().from(cycleEntries).where(eq(cycleEntries.cycleId, ctx.id)),
    db
      .select({ unitId: cycleEvidence.unitId, code: cycleEvidence.code })
      .from(cycleEvidence)
      .where(eq(cycleEvidence.cycleId, ctx.id))
      .groupBy(cycleEvidence.unitId, cycleEvidence.code),
  ]);
  const withEvidence = new Set(evidence.map((e) => `${e.unitId}|${e.code}`));
  const rowsByUnit = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) {
    const list = rowsByUnit.get(r.unitId);
    if (list) list.push(r);
    else rowsByUnit.set(r.unitId, [r]);
  }
  const out: SnapshotDetail[] = [];
  for (const m of members) {
    const set = ctx.frameworks.get(m.level);
    if (!set) continue;
    const f = frameworkOf(ctx, m.level);
    const leafNodes = new Map(
      flattenNodes(f.nodes)
        .filter((v) => isLeaf(v.node))
        .map((v) => [v.node.code, v.node]),
    );
    const unitRows = rowsByUnit.get(m.unitId) ?? [];
    const leaves = leafScores(f, unitRows);
    let required = 0;
    let provided = 0;
    for (const r of unitRows) {
      const node = leafNodes.get(r.code);
      const s = leaves.get(r.code);
      if (!node || !s || !evidenceRequired(node, s.self, r.central !== null)) continue;
      required++;
      if (withEvidence.has(`${m.unitId}|${r.code}`)) provided++;
    }
    const data = stageUnitData({ unitId: m.unitId, level: m.level, group: m.groupNo }, leaves, 'final');
    out.push({
      unitId: m.unitId,
      frameworkVersionId: set.id,
      final: data.inputs,
      evidenceRequired: required,
      evidenceProvided: provided,
    });
  }
  return out;
}

/** Rows per INSERT: a statement's JSON parameter stays a few megabytes. */
const BATCH = 2000;

/**
 * Stores the details of a snapshot, in the caller's transaction (the snapshot's own). One INSERT …
 * SELECT FROM json_to_recordset per batch: one JSON parameter rather than thousands of escaped values.
 */
export async function storeSnapshotDetails(db: Db, snapshotId: string, details: readonly SnapshotDetail[]) {
  for (let i = 0; i < details.length; i += BATCH) {
    const json = JSON.stringify(
      details.slice(i, i + BATCH).map((d) => ({
        u: d.unitId,
        f: d.frameworkVersionId,
        d: d.final,
        r: d.evidenceRequired,
        p: d.evidenceProvided,
      })),
    );
    await db.execute(sql`
      insert into cycle_snapshot_details
        (snapshot_id, unit_id, framework_version_id, final, evidence_required, evidence_provided)
      select ${snapshotId}::uuid, r.u, r.f, r.d, r.r, r.p
      from json_to_recordset(${json}::json) as r(u uuid, f uuid, d json, r int, p int)`);
  }
}
