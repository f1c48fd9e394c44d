import { integer, json, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import type { LeafEntry } from '../../core/scoring/types';
import { units } from './schema';
import { cycleSnapshots } from './schema-cycle';
import { frameworkVersions } from './schema-framework';

/**
 * What a published snapshot needs beyond its table of totals for dashboards, unit profiles and what-if:
 * per unit, the final decided points (or "not applicable") of every indicator, the index-set version it
 * was scored on, and its evidence counts at publication. Written in the snapshot's own transaction and,
 * like the snapshot, never changed (migration 0014 refuses updates and deletes), so published results
 * do not move when entries change later. `json`: nothing queries inside it.
 */
export const cycleSnapshotDetails = pgTable(
  'cycle_snapshot_details',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => cycleSnapshots.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    /** Leaf code → decided points or a not-applicable declaration (the final stage's engine input). */
    final: json('final').$type<Record<string, LeafEntry>>().notNull(),
    /** Indicators that needed evidence (named by the set, points claimed) and those that had some. */
    evidenceRequired: integer('evidence_required').notNull(),
    evidenceProvided: integer('evidence_provided').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.unitId] })],
);
