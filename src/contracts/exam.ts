import { z } from 'zod';
import { QUESTION_TYPES } from '../core/exam/question';

/**
 * The candidate's exam API (`/api/exam/*`). Every timestamp is an ISO string of the server's clock;
 * `serverNow` is also given in epoch milliseconds so the page can measure its clock offset.
 */

export const ZExamLoginRequest = z.object({
  /** Số báo danh. */
  number: z.string().trim().min(1, 'Nhập số báo danh').max(40),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
  /** Only needed when two open contests share a number; otherwise the password decides. */
  contestId: z.uuid().optional(),
});
export type TExamLoginRequest = z.infer<typeof ZExamLoginRequest>;

/** Where the candidate's exam stands, as the waiting room and the exam page show it. */
export const EXAM_PHASES = ['no_session', 'waiting', 'in_progress', 'paused', 'finalised'] as const;
export const ZExamPhase = z.enum(EXAM_PHASES);
export type TExamPhase = z.infer<typeof ZExamPhase>;

export const ZExamCandidate = z.object({
  id: z.uuid(),
  number: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  position: z.string().nullable(),
});

export const ZExamSessionInfo = z.object({
  id: z.uuid(),
  name: z.string(),
  room: z.string().nullable(),
  scheduledAt: z.string(),
});

/** The signed-in candidate (answer of login and of `GET /api/exam/me`). */
export const ZExamMe = z.object({
  candidate: ZExamCandidate,
  contest: z.object({ id: z.uuid(), name: z.string(), durationMinutes: z.number().int() }),
  session: ZExamSessionInfo.nullable(),
  /** Send as `x-csrf-token` on every POST. */
  csrfToken: z.string(),
});
export type TExamMe = z.infer<typeof ZExamMe>;

/** Cheap status for the waiting room's polling (every few seconds) and as a heartbeat during the exam. */
export const ZExamStatus = z.object({
  phase: ZExamPhase,
  serverNow: z.number().int(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  /** Seconds left by the server's clock; frozen while paused; null before the start. */
  remainingSeconds: z.number().int().nullable(),
  lastSeq: z.number().int(),
});
export type TExamStatus = z.infer<typeof ZExamStatus>;

/** The server's clock, for the page's clock offset (see src/web/exam/sync/clock.ts). */
export const ZExamTime = z.object({ serverNow: z.number().int() });
export type TExamTime = z.infer<typeof ZExamTime>;

/** A question as the candidate sees it: options in this candidate's order, never which one is correct. */
export const ZExamQuestion = z.object({
  versionId: z.uuid(),
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  points: z.number(),
});
export type TExamQuestion = z.infer<typeof ZExamQuestion>;

/** Answers: question version id → selected option keys. */
export const ZExamAnswers = z
  .record(z.string().max(64), z.array(z.string().max(20)).max(20))
  .refine((answers) => Object.keys(answers).length <= 300, 'Bài làm có quá nhiều câu trả lời');

export const ZExamState = z.object({
  attemptId: z.uuid(),
  phase: ZExamPhase,
  /** Questions in this candidate's order; empty before the start. */
  questions: z.array(ZExamQuestion),
  answers: ZExamAnswers,
  flagged: z.array(z.string()),
  lastSeq: z.number().int(),
  serverNow: z.number().int(),
  startedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  remainingSeconds: z.number().int().nullable(),
  /** Saves are still accepted this many seconds after the deadline (network slack); the clock shows 0. */
  graceSeconds: z.number().int(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.enum(['candidate', 'deadline', 'proctor']).nullable(),
});
export type TExamState = z.infer<typeof ZExamState>;

/**
 * A full-state save. `seq` grows with every change on the page; the server keeps the highest one, so a
 * repeated or out-of-order save changes nothing and is still acknowledged.
 */
export const ZExamSaveRequest = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  answers: ZExamAnswers,
  flagged: z.array(z.string()).max(200),
});
export type TExamSaveRequest = z.infer<typeof ZExamSaveRequest>;

export const ZExamSaveResponse = z.object({
  /** The highest sequence the server holds (≥ the request's when applied or already held). */
  ackSeq: z.number().int(),
  /** False when the server already held this or a later state. */
  applied: z.boolean(),
  savedAt: z.string(),
});
export type TExamSaveResponse = z.infer<typeof ZExamSaveResponse>;

/** Submit; `final` carries the visible answers so nothing on screen is lost to the submission. */
export const ZExamSubmitRequest = z.object({ final: ZExamSaveRequest.optional() });
export type TExamSubmitRequest = z.infer<typeof ZExamSubmitRequest>;

export const ZExamSubmitResponse = z.object({
  finalisedAt: z.string(),
  finalisedBy: z.enum(['candidate', 'deadline', 'proctor']),
  lastSeq: z.number().int(),
});
export type TExamSubmitResponse = z.infer<typeof ZExamSubmitResponse>;
