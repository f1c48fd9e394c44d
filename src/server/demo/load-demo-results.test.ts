import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSnapshotData } from '../../contracts/cycles';
import type { TDashboard } from '../../contracts/results';
import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import { pointsFramework } from '../../core/cycle/three-scores';
import type { Framework } from '../../core/framework/model';
import { flattenNodes, isLeaf } from '../../core/framework/tree';
import { scoreUnits } from '../../core/scoring/score-unit';
import type { LeafEntry } from '../../core/scoring/types';
import { dashboardJson } from '../results/dashboard';
import { publishedModel } from '../results/load-results';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { loadDemoData } from './load-demo';
import { loadDemoResults } from './load-demo-results';

interface Entry {
  unit_id: string;
  code: string;
  inputs: Record<string, unknown> | null;
  not_applicable: string | null;
  self_points: number | null;
  review: string;
  appraised_points: number | null;
  final_points: number | null;
  has_evidence: boolean;
}

describe.each(dbKinds())('demo published results (%s)', (kind) => {
  let database: TestDatabase;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const counts = () =>
    rows<{ t: string; n: number }>(sql`
      select 'cycles' as t, count(*)::int as n from cycles
      union all select 'snapshots', count(*)::int from cycle_snapshots
      union all select 'details', count(*)::int from cycle_snapshot_details
      union all select 'entries', count(*)::int from cycle_entries
      union all select 'evidence', count(*)::int from cycle_evidence
      union all select 'sets', count(*)::int from framework_versions
      union all select 'audit', count(*)::int from audit_log`);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    expect(await loadDemoData(database.db, new Date('2026-11-20T02:00:00Z'))).toBe(true);
  }, 120_000);
  afterAll(() => database.close());

  it('publishes 2024 (old city) and 2025 (merged city); the 2026 cycle stays unpublished', async () => {
    const published = await rows<{ year: number; levels: string; units: number; version: number }>(sql`
      select c.year, string_agg(distinct cu.level, ',' order by cu.level) as levels,
        count(distinct cu.unit_id)::int as units, max(s.version)::int as version
      from cycles c join cycle_snapshots s on s.cycle_id = c.id join cycle_units cu on cu.cycle_id = c.id
      group by c.year order by c.year`);
    expect(published.map((p) => [Number(p.year), p.levels, Number(p.version)])).toEqual([
      [2024, 'huyen,so,xa', 1],
      [2025, 'so,xa', 1],
    ]);
    // 2024: 20 sở, 9 quận/huyện, 80 xã of the 2022 list; 2025: 14 sở and the 103 communes of 1/7/2025.
    expect(published.map((p) => Number(p.units))).toEqual([20 + 9 + 80, 14 + 103]);
    const [open] = await rows<{ n: number }>(sql`
      select count(*)::int as n from cycles c where c.year = 2026
        and not exists (select 1 from cycle_snapshots s where s.cycle_id = c.id)`);
    expect(Number(open!.n)).toBe(1);
  });

  it("has each snapshot's totals equal to the engine's result recomputed from the stored entries", async () => {
    const snaps = await rows<{ id: string; cycle_id: string; data: string }>(
      sql`select id, cycle_id, data::text as data from cycle_snapshots`,
    );
    for (const snap of snaps) {
      const sets = await rows<{ level: string; document: Framework }>(sql`
        select cf.level, fv.document from cycle_frameworks cf
        join framework_versions fv on fv.id = cf.framework_version_id where cf.cycle_id = ${snap.cycle_id}`);
      const entries = await rows<Entry>(sql`
        select e.unit_id, e.code, e.inputs, e.not_applicable, e.self_points, e.review, e.appraised_points,
          e.final_points, exists (select 1 from cycle_evidence v where v.cycle_id = e.cycle_id
            and v.unit_id = e.unit_id and v.code = e.code) as has_evidence
        from cycle_entries e where e.cycle_id = ${snap.cycle_id}`);
      const details = await rows<{ unit_id: string; final: string; req: number; prov: number }>(sql`
        select unit_id, final::text as final, evidence_required as req, evidence_provided as prov
        from cycle_snapshot_details where snapshot_id = ${snap.id}`);
      const detailOf = new Map(details.map((d) => [d.unit_id, d]));
      const data = JSON.parse(snap.data) as TSnapshotData;
      for (const { level, document: f } of sets) {
        const leaves = new Map(
          flattenNodes(f.nodes)
            .filter((v) => isLeaf(v.node))
            .map((v) => [v.node.code, v.node]),
        );
        const members = data.units.filter((u) => u.level === level);
        // Final decided points per leaf: the council's, else the reviewer's adjustment, else the self score.
        const inputsOf = (unitId: string, stage: 'self' | 'final') => {
          const out: Record<string, LeafEntry> = {};
          for (const e of entries.filter((x) => x.unit_id === unitId)) {
            if (e.not_applicable !== null) out[e.code] = { notApplicable: true, reason: e.not_applicable };
            else if (stage === 'self') out[e.code] = { points: e.self_points! };
            else
              out[e.code] = {
                points: e.final_points ?? (e.review === 'adjusted' ? e.appraised_points! : e.self_points!),
              };
          }
          return out;
        };
        const unitsAt = (stage: 'self' | 'final') =>
          members.map((u) => ({
            unitId: u.unitId,
            level: u.level,
            group: u.groupNo,
            inputs: inputsOf(u.unitId, stage),
          }));
        const finals = scoreUnits(pointsFramework(f), unitsAt('final'));
        const selfs = scoreUnits(pointsFramework(f), unitsAt('self'));
        members.forEach((u, i) => {
          const unitEntries = entries.filter((x) => x.unit_id === u.unitId);
          // The stored self points are the set's rule applied to the stored inputs.
          for (const e of unitEntries.filter((x) => x.not_applicable === null)) {
            const o = selfOutcome(leaves.get(e.code)!, f.policy, {
              inputs: e.inputs as never,
              notApplicable: null,
              central: null,
            });
            expect(outcomePoints(o), `${u.code} ${e.code}`).toBe(e.self_points);
          }
          expect(u.final.points).toBeCloseTo(finals[i]!.total.points, 9);
          expect(u.final.max).toBe(finals[i]!.total.max);
          expect(u.final.value).toBeCloseTo(finals[i]!.total.value!, 12);
          expect(u.self.points).toBeCloseTo(selfs[i]!.total.points, 9);
          // And by plain addition: the total is the sum of the decided points (missing data scores zero).
          const sum = Object.values(inputsOf(u.unitId, 'final')).reduce(
            (s, x) => s + ('points' in x ? Number(x.points) : 0),
            0,
          );
          expect(u.final.points).toBeCloseTo(sum, 9);
          const d = detailOf.get(u.unitId)!;
          expect(JSON.parse(d.final)).toEqual(inputsOf(u.unitId, 'final'));
          const needing = unitEntries.filter(
            (e) => e.not_applicable === null && leaves.get(e.code)!.evidence?.trim() && e.self_points! > 0,
          );
          expect([Number(d.req), Number(d.prov)]).toEqual([
            needing.length,
            needing.filter((e) => e.has_evidence).length,
          ]);
        });
      }
    }
  });

  it('varies: indicators not applicable, self vs appraised gaps, evidence counts, spread of values', async () => {
    const [facts] = await rows<{ na: number; adjusted: number; council: number; shapes: number }>(sql`
      select (select count(*)::int from cycle_entries e join cycle_snapshots s on s.cycle_id = e.cycle_id
                where e.not_applicable is not null) as na,
             (select count(*)::int from cycle_entries e join cycle_snapshots s on s.cycle_id = e.cycle_id
                where e.review = 'adjusted') as adjusted,
             (select count(*)::int from cycle_entries e join cycle_snapshots s on s.cycle_id = e.cycle_id
                where e.final_points is not null) as council,
             (select count(distinct (evidence_required, evidence_provided))::int
                from cycle_snapshot_details) as shapes`);
    expect(Number(facts!.na)).toBeGreaterThan(10);
    expect(Number(facts!.adjusted)).toBeGreaterThan(100);
    expect(Number(facts!.council)).toBeGreaterThan(0);
    expect(Number(facts!.shapes)).toBeGreaterThan(20);
    const data = (await rows<{ data: string }>(sql`select data::text as data from cycle_snapshots`)).flatMap(
      (r) => (JSON.parse(r.data) as TSnapshotData).units,
    );
    const values = data.map((u) => u.final.value!);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.25);
    expect(data.filter((u) => u.self.points !== u.appraised.points).length).toBeGreaterThan(data.length / 2);
    expect(new Set(data.map((u) => u.band)).size).toBeGreaterThan(2);
  });

  it("shows 2025's merged communes against their predecessors' 2024 results", async () => {
    const [c] = await rows<{ id: string }>(sql`select id from cycles where year = 2025`);
    const model = await publishedModel(database.db, c!.id, 1);
    for (const level of ['xa', 'so'] as const) {
      const dash = JSON.parse(await dashboardJson(database.db, model, { level, by: 'total' })) as TDashboard;
      const rowsOf = dash.tables.flatMap((t) => t.rows);
      const bases = new Set(rowsOf.map((r) => r.previousBasis));
      expect(bases.has('merged') || bases.has('predecessor'), `${level}: ${[...bases]}`).toBe(true);
      // Every unit with a predecessor assessed in 2024 (by the register's links) has a change, no other.
      const linked = await rows<{ code: string }>(sql`
        select distinct u.code from units u
        join cycle_units cu on cu.unit_id = u.id and cu.cycle_id = ${c!.id} and cu.level = ${level}
        join unit_links l on l.successor_id = u.id
        join cycle_units old on old.unit_id = l.predecessor_id
        join cycles oc on oc.id = old.cycle_id and oc.year = 2024`);
      const changed = rowsOf.filter((r) => r.valueChange !== null).map((r) => r.code);
      expect(changed.sort()).toEqual(linked.map((l) => l.code).sort());
      expect(changed.length).toBeGreaterThan(5);
      expect(dash.gaps.length).toBeGreaterThan(0);
    }
  });

  it('changes nothing when loaded again', async () => {
    const before = await counts();
    expect(await loadDemoData(database.db)).toBe(false);
    expect(await loadDemoResults(database.db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
