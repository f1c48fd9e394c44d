import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FRAMEWORK_LEVELS, type Framework } from '../../core/framework/model';
import { ts } from './columns';
import { users } from './schema';

/** One version of an index set; the tree is one JSON document. Locked once a published cycle uses it. */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Family code shared across years, e.g. "cantho-so". */
    code: text('code').notNull(),
    year: smallint('year').notNull(),
    /** tinh (the national provincial set), so, huyen or xa: wider than the unit levels. */
    level: text('level', { enum: FRAMEWORK_LEVELS }).notNull(),
    /** 1, 2, … within (code, year). */
    versionNo: integer('version_no').notNull(),
    name: text('name').notNull(),
    document: jsonb('document').$type<Framework>().notNull(),
    basedOnId: uuid('based_on_id'),
    lockedAt: ts('locked_at'),
    lockedReason: text('locked_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('framework_versions_key').on(t.code, t.year, t.versionNo),
    index('framework_versions_year_idx').on(t.year, t.level),
    check('framework_versions_level_check', sql`${t.level} in ('tinh', 'so', 'huyen', 'xa')`),
  ],
);
