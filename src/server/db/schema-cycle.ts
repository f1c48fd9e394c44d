import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CycleWindow } from '../../core/cycle/windows';
import type { RuleInput } from '../../core/framework/model';
import { bytea, ts } from './columns';
import { units, users } from './schema';
import { frameworkVersions } from './schema-framework';

/** Window dates as stored: ISO instants per window. */
export type StoredWindows = Record<CycleWindow, { opensAt: string; closesAt: string }>;

/** One yearly DTI assessment (kỳ đánh giá): its calendar, its index sets per level, its units. */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    windows: jsonb('windows').$type<StoredWindows>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('cycles_year_idx').on(t.year)],
);

/** The index-set version each unit level is assessed on in a cycle. */
export const cycleFrameworks = pgTable(
  'cycle_frameworks',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['so', 'huyen', 'xa'] }).notNull(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.level] })],
);

/** A participating unit, with its level and group as registered for the cycle's year, and its state. */
export const cycleUnits = pgTable(
  'cycle_units',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    level: text('level', { enum: ['so', 'huyen', 'xa'] }).notNull(),
    groupNo: smallint('group_no'),
    state: text('state').notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    approvedAt: ts('approved_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.unitId] }), index('cycle_units_unit_idx').on(t.unitId)],
);

/** A later deadline for one unit in one window, with the organiser's reason. */
export const cycleExtensions = pgTable(
  'cycle_extensions',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    window: text('window').notNull(),
    until: ts('until').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.unitId, t.window] })],
);

/** Who reviews what: a whole unit (unit set) or one pillar across every unit (pillar set). */
export const cycleReviewers = pgTable(
  'cycle_reviewers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    pillarCode: text('pillar_code'),
  },
  (t) => [
    index('cycle_reviewers_cycle_idx').on(t.cycleId, t.userId),
    check('cycle_reviewers_target_check', sql`(${t.unitId} is null) <> (${t.pillarCode} is null)`),
  ],
);

/**
 * One leaf indicator of one unit in a cycle: the unit's inputs (or a "not applicable" reason), the
 * centrally imported values, the self score computed from them, the review (state, appraised points,
 * request, explanation) and the council's final points.
 */
export const cycleEntries = pgTable(
  'cycle_entries',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    inputs: jsonb('inputs').$type<RuleInput>(),
    notApplicable: text('not_applicable'),
    central: jsonb('central').$type<{ inputs: RuleInput; source: string; importedAt: string }>(),
    /** Self-assessed points (null: not applicable, missing or invalid); kept in step with the inputs. */
    selfPoints: doublePrecision('self_points'),
    /** Null until submitted; then pending → agreed | adjusted | requested → answered → … */
    review: text('review'),
    appraisedPoints: doublePrecision('appraised_points'),
    reviewReason: text('review_reason'),
    requestComment: text('request_comment'),
    requestDeadline: ts('request_deadline'),
    explanation: text('explanation'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    finalPoints: doublePrecision('final_points'),
    finalReason: text('final_reason'),
    councilConfirmedAt: ts('council_confirmed_at'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.unitId, t.code] }),
    index('cycle_entries_review_idx').on(t.cycleId, t.review),
  ],
);

/** A structured evidence entry (số hiệu, ngày, trích yếu) with a stored file or a URL. */
export const cycleEvidence = pgTable(
  'cycle_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    docNumber: text('doc_number').notNull(),
    docDate: date('doc_date', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    url: text('url'),
    fileId: uuid('file_id').references(() => evidenceFiles.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('cycle_evidence_entry_idx').on(t.cycleId, t.unitId, t.code),
    check('cycle_evidence_target_check', sql`${t.url} is not null or ${t.fileId} is not null`),
  ],
);

/** Evidence files, in the database so every instance and every backup has them. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('evidence_files_unit_idx').on(t.cycleId, t.unitId)],
);

/** A published result: an immutable snapshot of scores and ranks; corrections add a version. */
export const cycleSnapshots = pgTable(
  'cycle_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    version: integer('version').notNull(),
    reason: text('reason').notNull(),
    data: json('data').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cycle_snapshots_version_key').on(t.cycleId, t.version)],
);

/** In-app notices (and the record of the e-mail sent for them when SMTP is configured). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** Dedupe key for notices sent by jobs ("deadline approaching" once per unit and window). */
    dedupeKey: text('dedupe_key'),
    emailed: boolean('emailed').notNull().default(false),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
  ],
);
