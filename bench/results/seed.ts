import { sql } from 'drizzle-orm';
import type { TSnapshotUnit } from '../../src/contracts/cycles';
import { CYCLE_WINDOWS } from '../../src/core/cycle/windows';
import type { Framework } from '../../src/core/framework/model';
import { flattenNodes, isLeaf } from '../../src/core/framework/tree';
import { bandFor } from '../../src/core/scoring/bands';
import { rankUnits } from '../../src/core/scoring/rank';
import { scoreUnits } from '../../src/core/scoring/score-unit';
import type { LeafEntry } from '../../src/core/scoring/types';
import { pointsSet } from '../../src/server/cycle/unit-scores';
import type { Db } from '../../src/server/db/client';
import { storeSnapshotDetails } from '../../src/server/results/snapshot-details';
import { benchUnits } from '../scoring/generate';

/** Rows of `db.execute` (both drivers answer `{ rows }`). */
const rowsOf = <T>(res: unknown): T[] => (res as { rows: T[] }).rows;

const triple = (t: { points: number; max: number; value: number | null }) => ({
  points: t.points,
  max: t.max,
  value: t.value,
});

/** Inserts `n` department-level units (groups 1–3) in bulk and returns their ids in order. */
export async function seedUnits(db: Db, prefix: string, n: number): Promise<{ id: string; code: string }[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    c: `${prefix}-${String(i + 1).padStart(5, '0')}`,
    n: `Sở thử ${prefix} ${i + 1}`,
    g: (i % 3) + 1,
  }));
  const out: { id: string; code: string }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const res = await db.execute(sql`
      insert into units (code, name, level, kind, group_no, valid_from)
      select r.c, r.n, 'so', 'sở', r.g, '2020-01-01'
      from json_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::json) as r(c text, n text, g smallint)
      returning id, code`);
    out.push(...rowsOf<{ id: string; code: string }>(res));
  }
  const order = new Map(rows.map((r, i) => [r.c, i]));
  return out.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
}

/**
 * A published year written directly (no HTTP flow): a cycle, one snapshot with the table the publish
 * step would write (totals, ranks, bands, pillars) and its details (final indicator points).
 */
export async function seedPublishedYear(
  db: Db,
  f: Framework,
  frameworkVersionId: string,
  units: { id: string; code: string }[],
  year: number,
  seed: number,
): Promise<string> {
  const scored = scoreUnits(f, benchUnits(f, units.length, seed));
  const leaves = flattenNodes(f.nodes)
    .filter((v) => isLeaf(v.node))
    .map((v) => v.node.code);
  const finals = scored.map((s, i) => {
    const inputs: Record<string, LeafEntry> = {};
    for (const code of leaves) {
      const x = s.nodes[code];
      if (!x) continue;
      inputs[code] = x.applicable ? { points: x.points } : { notApplicable: true, reason: 'Không có' };
    }
    return { unitId: units[i]!.id, level: f.level, group: s.group, inputs };
  });
  const p = pointsSet(f);
  const final = scoreUnits(p, finals);
  const ranks = rankUnits(final, p, { kinds: ['pillar'] });
  const data: TSnapshotUnit[] = final.map((s, i) => ({
    unitId: units[i]!.id,
    code: units[i]!.code,
    name: `Sở thử ${units[i]!.code}`,
    level: 'so',
    groupNo: s.group,
    self: triple(s.total),
    appraised: triple(s.total),
    final: { ...triple(s.total), scaled: s.total.scaled ?? null },
    rank: ranks[i]!.total.rank,
    rankOf: ranks[i]!.total.of,
    band: bandFor(s.total.value, f.policy.bands)?.label ?? null,
    pillars: f.nodes
      .filter((n) => s.nodes[n.code])
      .map((n) => ({
        code: n.code,
        name: n.name,
        points: s.nodes[n.code]!.points,
        max: s.nodes[n.code]!.max,
        rank: ranks[i]!.nodes[n.code]?.rank ?? null,
      })),
  }));
  const windows = JSON.stringify(
    Object.fromEntries(
      CYCLE_WINDOWS.map((w) => [
        w,
        { opensAt: `${year}-01-01T00:00:00Z`, closesAt: `${year}-12-31T00:00:00Z` },
      ]),
    ),
  );
  const cycle = await db.execute(sql`
    insert into cycles (year, name, windows) values (${year}, ${`Đánh giá DTI năm ${year} (đo hiệu năng)`}, ${windows}::jsonb)
    returning id`);
  const cycleId = rowsOf<{ id: string }>(cycle)[0]!.id;
  await db.transaction(async (tx) => {
    const snap = await tx.execute(sql`
      insert into cycle_snapshots (cycle_id, version, reason, data)
      values (${cycleId}, 1, 'Công bố kết quả', ${JSON.stringify({ units: data })}::json) returning id`);
    const snapshotId = rowsOf<{ id: string }>(snap)[0]!.id;
    await storeSnapshotDetails(
      tx,
      snapshotId,
      finals.map((u) => ({
        unitId: u.unitId,
        frameworkVersionId,
        final: u.inputs,
        evidenceRequired: 10,
        evidenceProvided: 9,
      })),
    );
  });
  return cycleId;
}
