import { eq, sql } from 'drizzle-orm';
import type { UnitResult } from '../../core/scoring/score-run';
import type { ScoreIssue, UnitData } from '../../core/scoring/types';
import type { Db } from '../db/client';
import { type ResultLayout, scoreInputs, scoreResults, scoreRuns } from '../db/schema';
import { encodeResults } from './result-columns';

/**
 * Rows per INSERT. 2,000 rows keep a statement's parameters around 5 MB (PGlite copies them into its own
 * memory) while the per-statement overhead stays negligible (one statement for 10,000 rows was no faster).
 */
const BATCH = 2000;

/** Creates an empty run and returns its id. */
export async function createRun(
  db: Db,
  label: string,
  frameworkVersionId: string | null = null,
): Promise<string> {
  const [row] = await db
    .insert(scoreRuns)
    .values({ label, frameworkVersionId })
    .returning({ id: scoreRuns.id });
  return row!.id;
}

/** `sql.param` keeps an array as one parameter (a bare array would become a list of parameters). */
const arr = (values: unknown[]) => sql.param(values);

/**
 * Stores the units' inputs of a run: per batch one INSERT … SELECT FROM json_to_recordset(…) over a single
 * JSON parameter. Unlike results, inputs are JSON full of quotes: as elements of an array parameter both
 * drivers escape them character by character, which cost ten times the client CPU on PostgreSQL and
 * 2.5 times on PGlite (10,000 units; see docs/benchmarks.md).
 */
export async function storeInputs(db: Db, runId: string, units: UnitData[]): Promise<void> {
  const batches: string[] = [];
  for (let i = 0; i < units.length; i += BATCH) {
    const rows = units.slice(i, i + BATCH).map((u) => ({ k: u.unitId, l: u.level, g: u.group, i: u.inputs }));
    batches.push(JSON.stringify(rows));
  }
  for (const json of batches) {
    await db.execute(sql`
      insert into score_inputs (run_id, unit_key, level, group_no, inputs)
      select ${runId}::uuid, r.k, r.l, r.g, r.i
      from json_to_recordset(${json}::json) as r(k text, l text, g smallint, i json)`);
  }
  await db
    .update(scoreRuns)
    .set({ unitCount: sql`(select count(*)::int from score_inputs where run_id = ${runId}::uuid)` })
    .where(eq(scoreRuns.id, runId));
}

/**
 * The units' inputs of a run, in unit-key order. The JSON comes back as text and is parsed here: a `json`
 * column is returned as stored, while the drivers' own decoding (and `jsonb` → text) cost more CPU.
 */
export async function loadInputs(db: Db, runId: string): Promise<UnitData[]> {
  const rows = await db
    .select({
      unitKey: scoreInputs.unitKey,
      level: scoreInputs.level,
      groupNo: scoreInputs.groupNo,
      inputs: sql<string>`${scoreInputs.inputs}::text`,
    })
    .from(scoreInputs)
    .where(eq(scoreInputs.runId, runId))
    .orderBy(scoreInputs.unitKey);
  const units: UnitData[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    units[i] = { unitId: r.unitKey, level: r.level, group: r.groupNo, inputs: JSON.parse(r.inputs) };
  }
  return units;
}

/**
 * Replaces a run's results in one transaction, so readers see the old results or the new ones, never a
 * mix. Every row is serialised before the transaction opens: inside it we await only the database. On
 * PGlite, which runs one query at a time, the transaction holds up other requests while it runs (about
 * 0.6 s for 10,000 units, see docs/benchmarks.md); committing batch by batch would let requests through
 * in between but would show readers a half-replaced run.
 */
export async function storeResults(db: Db, runId: string, results: UnitResult[], durationMs: number) {
  const { layout, columns } = encodeResults(results, BATCH);
  await db.transaction(async (tx) => {
    await tx.delete(scoreResults).where(eq(scoreResults.runId, runId));
    for (const c of columns) {
      await tx.execute(sql`
        insert into score_results
          (run_id, unit_key, points, max_points, value, scaled, rank, rank_of, partition, band, nodes, ranks, issues)
        select ${runId}::uuid, * from unnest(${arr(c.unitKey)}::text[], ${arr(c.points)}::float8[],
          ${arr(c.maxPoints)}::float8[], ${arr(c.value)}::float8[], ${arr(c.scaled)}::float8[],
          ${arr(c.rank)}::int[], ${arr(c.rankOf)}::int[], ${arr(c.partition)}::text[], ${arr(c.band)}::text[],
          ${arr(c.nodes)}::json[], ${arr(c.ranks)}::json[], ${arr(c.issues)}::json[])`);
    }
    await tx
      .update(scoreRuns)
      .set({
        status: 'scored',
        durationMs: Math.round(durationMs),
        scoredAt: sql`now()`,
        error: null,
        resultLayout: layout,
      })
      .where(eq(scoreRuns.id, runId));
  });
}

/** A stored result with its per-node lists keyed by code again. */
export interface StoredResult {
  unitKey: string;
  points: number;
  maxPoints: number;
  value: number | null;
  scaled: number | null;
  rank: number | null;
  rankOf: number;
  partition: string;
  band: string | null;
  /** Node code → [points, max] (max 0: the unit left the node out); nodes not carried are absent. */
  nodes: Record<string, [number, number]>;
  /** Pillar and main-index code → rank within its partition (null: unranked). */
  ranks: Record<string, number | null>;
  issues: ScoreIssue[];
}

/** A run's stored results in unit-key order, decoded with the run's layout. */
export async function loadResults(db: Db, runId: string): Promise<StoredResult[]> {
  const [run] = await db
    .select({ layout: scoreRuns.resultLayout })
    .from(scoreRuns)
    .where(eq(scoreRuns.id, runId));
  const layout: ResultLayout = run?.layout ?? { nodes: [], ranks: [] };
  const rows = await db
    .select()
    .from(scoreResults)
    .where(eq(scoreResults.runId, runId))
    .orderBy(scoreResults.unitKey);
  return rows.map((r) => {
    const nodes: Record<string, [number, number]> = {};
    for (let i = 0; i < layout.nodes.length; i++) {
      const p = r.nodes[2 * i];
      if (p === null || p === undefined) continue;
      nodes[layout.nodes[i]!] = [p, r.nodes[2 * i + 1]!];
    }
    const ranks: Record<string, number | null> = {};
    for (let i = 0; i < layout.ranks.length; i++) {
      const rank = r.ranks[i];
      if (rank !== undefined) ranks[layout.ranks[i]!] = rank;
    }
    const { runId: _, nodes: __, ranks: ___, ...rest } = r;
    return { ...rest, nodes, ranks };
  });
}
