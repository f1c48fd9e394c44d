import { index, integer, jsonb, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { users } from './schema';
import { attempts, candidates, contests, questionVersions } from './schema-exam';

/**
 * After the exam: corrections of answer keys and dropped questions, the regrades they caused (with the
 * diff of who changed and by how much), appeals and their decisions, per-attempt adjustments decided on
 * appeal, item statistics kept with the question version, and the publication of results. Raw answers
 * (`attempts.answers`) are never edited: scores are recomputed from them.
 */

/** The current correction of one question of a contest; absent = the bank's key as it was used. */
export const contestItemOverrides = pgTable(
  'contest_item_overrides',
  {
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => questionVersions.id),
    /** key: graded against `correct`; drop_credit: everyone gets the points; drop_remove: out of the total. */
    mode: text('mode', { enum: ['key', 'drop_credit', 'drop_remove'] }).notNull(),
    correct: jsonb('correct').$type<string[]>(),
    reason: text('reason').notNull(),
    regradeId: uuid('regrade_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.versionId] })],
);

/** One recompute of a contest's attempts and what it changed; kept for good. */
export const contestRegrades = pgTable(
  'contest_regrades',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    /** What caused it: a key change, a dropped question, a restored question, or an appeal decision. */
    cause: text('cause', { enum: ['key', 'drop_credit', 'drop_remove', 'restore', 'appeal'] }).notNull(),
    versionId: uuid('version_id').references(() => questionVersions.id),
    appealId: uuid('appeal_id'),
    /** The change as requested (e.g. the new key), for the record. */
    change: jsonb('change').$type<unknown>(),
    reason: text('reason').notNull(),
    /** Every attempt whose score changed: before and after per section and total. */
    diff: jsonb('diff').$type<unknown[]>().notNull(),
    changedCount: integer('changed_count').notNull(),
    checkedCount: integer('checked_count').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contest_regrades_contest_idx').on(t.contestId, t.createdAt)],
);

/** An appeal (đơn phúc khảo) on one candidate's result, filed by the candidate or their unit. */
export const contestAppeals = pgTable(
  'contest_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    attemptId: uuid('attempt_id').references(() => attempts.id),
    filedBy: text('filed_by', { enum: ['candidate', 'unit'] }).notNull(),
    /** The unit's staff member who filed it; null when the candidate did. */
    filedByUserId: uuid('filed_by_user_id').references(() => users.id),
    /** theory, practice or the whole result. */
    section: text('section', { enum: ['theory', 'practice', 'total'] }).notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'rejected', 'accepted'] })
      .notNull()
      .default('open'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    /** The recompute a score-changing decision went through. */
    regradeId: uuid('regrade_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('contest_appeals_contest_idx').on(t.contestId, t.status),
    index('contest_appeals_candidate_idx').on(t.candidateId),
  ],
);

/** Points added to (or taken from) one section of an attempt by an appeal decision. */
export const attemptAdjustments = pgTable(
  'attempt_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id),
    section: text('section', { enum: ['theory', 'practice'] }).notNull(),
    /** On the contest's scale. */
    points: real('points').notNull(),
    reason: text('reason').notNull(),
    appealId: uuid('appeal_id').references(() => contestAppeals.id),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attempt_adjustments_attempt_idx').on(t.attemptId)],
);

/** Item statistics of a question version in one contest, shown by the bank next year. */
export const questionVersionStats = pgTable(
  'question_version_stats',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => questionVersions.id),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    responses: integer('responses').notNull(),
    /** Facility, discrimination indices, point-biserial, distractor frequencies, flags. */
    stats: jsonb('stats').$type<unknown>().notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.contestId] }),
    index('question_version_stats_contest_idx').on(t.contestId),
  ],
);

/** Test-level statistics of a contest's theory part (Cronbach's α, mean, spread), one row per contest. */
export const contestItemAnalyses = pgTable('contest_item_analyses', {
  contestId: uuid('contest_id')
    .primaryKey()
    .references(() => contests.id),
  summary: jsonb('summary').$type<unknown>().notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
});

/** Publication of a contest's results to candidates: each then sees their own result. */
export const contestResultPublications = pgTable('contest_result_publications', {
  contestId: uuid('contest_id')
    .primaryKey()
    .references(() => contests.id),
  /** Candidates may also review their answers (the contest's rules allow it). */
  showAnswers: text('show_answers', { enum: ['none', 'own'] })
    .notNull()
    .default('none'),
  publishedBy: uuid('published_by').references(() => users.id),
  publishedAt: ts('published_at').notNull().defaultNow(),
});
