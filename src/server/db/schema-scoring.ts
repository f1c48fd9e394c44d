import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  integer,
  json,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LeafEntry, ScoreIssue } from '../../core/scoring/types';
import { ts } from './columns';
import { frameworkVersions } from './schema-framework';

/**
 * One scoring of a set of units on one index-set version: its inputs are `score_inputs`, its output
 * `score_results`. A run is recomputed whole (a full recompute of 10,000 units takes a few seconds), so
 * results are replaced per run rather than patched.
 */
export const scoreRuns = pgTable(
  'score_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkVersionId: uuid('framework_version_id').references(() => frameworkVersions.id),
    label: text('label').notNull(),
    /** draft → scored; 'failed' keeps the message in `error`. */
    status: text('status', { enum: ['draft', 'scored', 'failed'] })
      .notNull()
      .default('draft'),
    unitCount: integer('unit_count').notNull().default(0),
    durationMs: integer('duration_ms'),
    /** Node and ranked-node codes in the order of `score_results.nodes` and `.ranks` (set when scored). */
    resultLayout: json('result_layout').$type<ResultLayout>(),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    scoredAt: ts('scored_at'),
  },
  (t) => [check('score_runs_status_check', sql`${t.status} in ('draft', 'scored', 'failed')`)],
);

/** The order of the per-node lists in `score_results`: one list of codes per run rather than per row. */
export interface ResultLayout {
  nodes: string[];
  ranks: string[];
}

/**
 * A unit's inputs for a run: one JSON document per unit (leaf code → rule inputs or a N/A declaration).
 * `json` rather than `jsonb`: nothing queries inside it, and reading it back as text costs no conversion.
 */
export const scoreInputs = pgTable(
  'score_inputs',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => scoreRuns.id, { onDelete: 'cascade' }),
    /** The unit's code (units of other registries, such as provinces, have no row in `units`). */
    unitKey: text('unit_key').notNull(),
    level: text('level', { enum: ['so', 'huyen', 'xa'] }).notNull(),
    groupNo: smallint('group_no'),
    inputs: json('inputs').$type<Record<string, LeafEntry>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.unitKey] })],
);

/**
 * A unit's result in a run. `nodes` is a flat list [points, max, points, max, …] in the order of the run's
 * `result_layout.nodes` (value = points ÷ max; a node the unit left out has max 0; null, null for a node
 * that does not apply to the unit's level or group); `ranks` lists the rank within its partition of each
 * code of `result_layout.ranks`. Lists rather than objects keyed by code, and `json` rather than `jsonb`
 * (nothing queries inside them), made storing 10,000 results several times faster. Only the primary key
 * is indexed: a run's 10,000 rows sort by rank in memory in milliseconds, and every extra index is
 * maintained on each full replace. Read through `loadResults` in `src/server/scoring/score-store.ts`.
 */
export const scoreResults = pgTable(
  'score_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => scoreRuns.id, { onDelete: 'cascade' }),
    unitKey: text('unit_key').notNull(),
    points: doublePrecision('points').notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    value: doublePrecision('value'),
    scaled: doublePrecision('scaled'),
    rank: integer('rank'),
    rankOf: integer('rank_of').notNull(),
    /** Who the unit was ranked against: level | group | left-out nodes (see core/scoring/rank.ts). */
    partition: text('partition').notNull(),
    band: text('band'),
    nodes: json('nodes').$type<(number | null)[]>().notNull(),
    ranks: json('ranks').$type<(number | null)[]>().notNull(),
    issues: json('issues').$type<ScoreIssue[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.unitKey] })],
);
