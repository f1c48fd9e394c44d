import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ContestRules, PaperItem } from '../../core/exam/contest';
import type { QuestionOption } from '../../core/exam/question';
import { ts } from './columns';
import { units, users } from './schema';

export const questionCategories = pgTable(
  'question_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => questionCategories.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('question_categories_parent_idx').on(t.parentId)],
);

/** A question's bank metadata; its content lives in versions. */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organiser's own reference (column "Mã" of the Excel file, Moodle's idnumber); optional. */
    code: text('code'),
    categoryId: uuid('category_id').references(() => questionCategories.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    difficulty: text('difficulty', { enum: ['easy', 'medium', 'hard'] }).notNull(),
    sourceDocument: text('source_document'),
    sourceArticle: text('source_article'),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    /** The version shown in the bank and drawn into new papers. */
    currentVersionId: uuid('current_version_id'),
    /** Stem and options of the current version, folded by vn_fold, for diacritic-free search. */
    searchText: text('search_text').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    deletedAt: ts('deleted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('questions_category_idx').on(t.categoryId),
    index('questions_status_idx').on(t.status),
    uniqueIndex('questions_code_key').on(t.code).where(sql`${t.code} is not null and ${t.deletedAt} is null`),
  ],
);

/** Immutable once an attempt used it: editing a used question adds a version. */
export const questionVersions = pgTable(
  'question_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id),
    versionNo: integer('version_no').notNull(),
    type: text('type', { enum: ['single', 'multiple', 'true_false'] }).notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').$type<QuestionOption[]>().notNull(),
    explanation: text('explanation'),
    /** Set when a paper first includes this version; from then on it is read-only. */
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('question_versions_no_key').on(t.questionId, t.versionNo)],
);

export const contests = pgTable(
  'contests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    rules: jsonb('rules').$type<ContestRules>().notNull(),
    /** draft → open (sessions may run; rules read-only) → closed (results final). */
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('contests_year_idx').on(t.year)],
);

/** A sitting (ca thi) in a room. The proctor starts it; the clock of every attempt in it starts then. */
export const examSessions = pgTable(
  'exam_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    name: text('name').notNull(),
    room: text('room'),
    scheduledAt: ts('scheduled_at').notNull(),
    status: text('status', { enum: ['scheduled', 'running', 'paused', 'ended'] })
      .notNull()
      .default('scheduled'),
    startedAt: ts('started_at'),
    pausedAt: ts('paused_at'),
    /** Extra time the proctor gave the whole session. */
    extraSeconds: integer('extra_seconds').notNull().default(0),
    endedAt: ts('ended_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('exam_sessions_contest_idx').on(t.contestId)],
);

export const candidates = pgTable(
  'candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    sessionId: uuid('session_id').references(() => examSessions.id),
    /** Số báo danh, unique within a contest. */
    number: text('number').notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    position: text('position'),
    unitId: uuid('unit_id').references(() => units.id),
    unitName: text('unit_name').notNull(),
    level: text('level', { enum: ['so', 'huyen', 'xa'] }).notNull(),
    /** Time accommodation, added to this candidate's deadline. */
    extraSeconds: integer('extra_seconds').notNull().default(0),
    passwordHash: text('password_hash'),
    /** A second login from another PC is refused until the proctor allows it (and it is logged). */
    reloginAllowed: boolean('relogin_allowed').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidates_number_key').on(t.contestId, t.number),
    index('candidates_session_idx').on(t.sessionId),
  ],
);

/** A candidate's login on the exam page (one active at a time). Stores only a hash of the token. */
export const candidateLogins = pgTable(
  'candidate_logins',
  {
    /** SHA-256 of the cookie token. */
    id: text('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    /** Set when the candidate logs out or the proctor lets another PC take over. */
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Refreshed at most every few seconds, so the proctor sees who is connected without a write per request. */
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [
    index('candidate_logins_candidate_idx').on(t.candidateId),
    uniqueIndex('candidate_logins_active_key').on(t.candidateId).where(sql`${t.revokedAt} is null`),
  ],
);

export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => examSessions.id),
    /** The paper, seeded and persisted at assembly: question versions, option order, points. */
    paper: jsonb('paper').$type<PaperItem[]>().notNull(),
    seed: text('seed').notNull(),
    status: text('status', { enum: ['ready', 'in_progress', 'finalised'] })
      .notNull()
      .default('ready'),
    /** Server deadline (session start + duration + extensions + accommodation + pauses). */
    deadlineAt: ts('deadline_at'),
    /** Highest save sequence applied; a save with a lower or equal number changes nothing. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    /** Current answers: version id → selected option keys. */
    answers: jsonb('answers').$type<Record<string, string[]>>().notNull().default({}),
    flagged: jsonb('flagged').$type<string[]>().notNull().default([]),
    startedAt: ts('started_at'),
    finalisedAt: ts('finalised_at'),
    finalisedBy: text('finalised_by', { enum: ['candidate', 'deadline', 'proctor'] }),
    /** Extra time the proctor gave this candidate during the run (accommodation lives on the candidate). */
    extraSeconds: integer('extra_seconds').notNull().default(0),
    /** Time the session spent paused while this attempt ran; the deadline moves by it. */
    pausedSeconds: integer('paused_seconds').notNull().default(0),
    /** Server time of the last applied save. */
    savedAt: ts('saved_at'),
    theoryScore: real('theory_score'),
    theoryMax: real('theory_max'),
    /** Per-item grading of the theory part, kept for review and regrading reports. */
    grading: jsonb('grading').$type<unknown>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attempts_candidate_key').on(t.candidateId),
    index('attempts_due_idx').on(t.status, t.deadlineAt),
    index('attempts_session_idx').on(t.sessionId),
    check('attempts_finalised_check', sql`(${t.status} = 'finalised') = (${t.finalisedAt} is not null)`),
  ],
);

/**
 * Every event of a candidate's exam, for disputes: logins (and refusals), saves (applied, stale or
 * refused), proctor actions, submission and finalisation. Logins may come before the paper exists, so
 * the candidate is the key and the attempt is filled in when there is one.
 */
export const attemptEvents = pgTable(
  'attempt_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    attemptId: uuid('attempt_id').references(() => attempts.id),
    at: ts('at').notNull().defaultNow(),
    kind: text('kind').notNull(),
    seq: bigint('seq', { mode: 'number' }),
    payload: jsonb('payload'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** The staff member who acted (proctor actions), null for the candidate and the server. */
    actorId: uuid('actor_id'),
  },
  (t) => [
    index('attempt_events_candidate_idx').on(t.candidateId, t.id),
    // The proctor's live view counts refused logins for a whole room every few seconds, and the
    // lock-out counts wrong passwords since the last login; saves (most rows) stay out of this index.
    index('attempt_events_login_idx')
      .on(t.candidateId, t.kind, t.at)
      .where(sql`${t.kind} in ('login', 'login_failed', 'login_refused', 'login_locked', 'relogin_allowed')`),
  ],
);
