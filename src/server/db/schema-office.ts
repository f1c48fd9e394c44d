import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PracticeResult } from '../../core/office/grade';
import type { Scenario } from '../../core/office/scenario';
import type { SandboxState } from '../../core/office/state';
import { bytea, ts } from './columns';
import { users } from './schema';
import { attempts, candidates, contests } from './schema-exam';

/**
 * Practice scenarios (đề thực hành) for the editor, one row per code; `version` counts saves, so two
 * editors cannot overwrite each other. A sandbox keeps its own copy, so editing never changes a past
 * attempt. The shipped ones (templates/contest/scenarios) are inserted on first use.
 */
export const practiceScenarios = pgTable(
  'practice_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    year: smallint('year').notNull(),
    version: integer('version').notNull().default(1),
    document: jsonb('document').$type<Scenario>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('practice_scenarios_code_key').on(t.code)],
);

/**
 * The contest's exam-only CA (one per contest). The private key is sealed (AES-256-GCM under the
 * server's secret, see office/secret-box.ts), never stored in the clear.
 */
export const practiceCas = pgTable('practice_cas', {
  contestId: uuid('contest_id')
    .primaryKey()
    .references(() => contests.id),
  certificatePem: text('certificate_pem').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  serial: text('serial').notNull(),
  notBefore: ts('not_before').notNull(),
  notAfter: ts('not_after').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Certificates the contest CA issued: one per candidate (with the PIN of the signing dialog, hashed
 * for checking and sealed for printing on the credential slip) and one per agency seal of a scenario.
 */
export const practiceCertificates = pgTable(
  'practice_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    kind: text('kind', { enum: ['candidate', 'agency'] }).notNull(),
    /** Candidates can be deleted while the contest is a draft; their certificates go with them. */
    candidateId: uuid('candidate_id').references(() => candidates.id, { onDelete: 'cascade' }),
    /** The subject's CN: the candidate's full name or the agency's name. */
    subjectName: text('subject_name').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    privateKeySealed: text('private_key_sealed').notNull(),
    /** Upper-case hex, unique within the contest's CA. */
    serial: text('serial').notNull(),
    pinHash: text('pin_hash'),
    pinSealed: text('pin_sealed'),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('practice_certificates_serial_key').on(t.contestId, t.serial),
    uniqueIndex('practice_certificates_candidate_key')
      .on(t.contestId, t.candidateId)
      .where(sql`${t.kind} = 'candidate'`),
    uniqueIndex('practice_certificates_agency_key')
      .on(t.contestId, t.subjectName)
      .where(sql`${t.kind} = 'agency'`),
    check(
      'practice_certificates_kind_check',
      sql`(${t.kind} = 'candidate') = (${t.candidateId} is not null and ${t.pinHash} is not null)`,
    ),
  ],
);

/**
 * The e-office and webmail sandbox of one attempt: the scenario as it was played, the state, and a
 * sequence number every change must name (optimistic concurrency). Kept after the exam for review and
 * appeals, with the practice grade once computed.
 */
export const practiceSandboxes = pgTable('practice_sandboxes', {
  attemptId: uuid('attempt_id')
    .primaryKey()
    .references(() => attempts.id),
  scenarioCode: text('scenario_code').notNull(),
  scenarioVersion: integer('scenario_version').notNull(),
  scenario: jsonb('scenario').$type<Scenario>().notNull(),
  state: jsonb('state').$type<SandboxState>().notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(1),
  /** Points on the scenario's scale (Σ task points) and its total; null until graded. */
  score: real('score'),
  maxScore: real('max_score'),
  /** Per task and check, with the signature verifications it was graded on. */
  grading: jsonb('grading').$type<{ result: PracticeResult; signatures: unknown }>(),
  gradedAt: ts('graded_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * The bytes behind a sandbox's files: rendered seed documents and attachments, uploads, and each
 * signed revision of a document (revision 0 as rendered, 1 signed by the candidate, 2 sealed and
 * numbered by the văn thư). Every revision is kept for appeals.
 */
export const practiceFiles = pgTable(
  'practice_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => practiceSandboxes.attemptId),
    /** The sandbox file id (`SandboxFile.id`); an upload's is its own row id (`uploadRef`). */
    key: text('key').notNull(),
    revision: smallint('revision').notNull().default(0),
    kind: text('kind', { enum: ['seed', 'document', 'upload', 'signed', 'issued'] }).notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    /** Where the document's signature and number go on the page (documents only). */
    layout: jsonb('layout'),
    /** What the server's verifier found in this revision (signed revisions). */
    verification: jsonb('verification'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  // Also serves every lookup by attempt (its first column).
  (t) => [uniqueIndex('practice_files_revision_key').on(t.attemptId, t.key, t.revision)],
);
