import { z } from 'zod';

/** The proctor's API (`/api/proctor/*`): run a session, watch its candidates, act on disputes. */

export const SESSION_STATUSES = ['scheduled', 'running', 'paused', 'ended'] as const;
export const ZSessionStatus = z.enum(SESSION_STATUSES);

export const ZProctorSession = z.object({
  id: z.uuid(),
  contestId: z.uuid(),
  contestName: z.string(),
  name: z.string(),
  room: z.string().nullable(),
  scheduledAt: z.string(),
  status: ZSessionStatus,
  startedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Extra time given to the whole session. */
  extraSeconds: z.number().int(),
  durationMinutes: z.number().int(),
  graceSeconds: z.number().int(),
  candidateCount: z.number().int(),
  /** Candidates whose paper is assembled. */
  preparedCount: z.number().int(),
  inProgressCount: z.number().int(),
  finalisedCount: z.number().int(),
});
export type TProctorSession = z.infer<typeof ZProctorSession>;

export const ZProctorSessionList = z.object({ items: z.array(ZProctorSession) });
export type TProctorSessionList = z.infer<typeof ZProctorSessionList>;

export const ATTEMPT_STATUSES = ['not_prepared', 'ready', 'in_progress', 'finalised'] as const;

export const ZProctorCandidate = z.object({
  candidateId: z.uuid(),
  number: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  attemptId: z.uuid().nullable(),
  status: z.enum(ATTEMPT_STATUSES),
  deadlineAt: z.string().nullable(),
  /** Seconds left by the server clock (frozen while the session is paused). */
  remainingSeconds: z.number().int().nullable(),
  /** Accommodation from registration plus extensions given during the run. */
  extraSeconds: z.number().int(),
  answeredCount: z.number().int(),
  questionCount: z.number().int(),
  lastSeq: z.number().int(),
  lastSavedAt: z.string().nullable(),
  /** A request from the active login within the last `connectedWindowSeconds`. */
  connected: z.boolean(),
  lastSeenAt: z.string().nullable(),
  /** The PC of the active login. */
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  loggedIn: z.boolean(),
  /** Logins refused because another PC holds the attempt (a possible second PC or a crashed one). */
  refusedLogins: z.number().int(),
  lastRefusedAt: z.string().nullable(),
  reloginAllowed: z.boolean(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.enum(['candidate', 'deadline', 'proctor']).nullable(),
  /** Theory points on the contest scale; null until the attempt is finalised and graded. */
  theoryScore: z.number().nullable(),
  /**
   * Practice points on the contest scale (the scenario's score scaled to the practice section); null
   * until graded after the end. 0 when the contest has no practice scenario.
   */
  practiceScore: z.number().nullable(),
  /** Theory plus practice; null while either is. */
  totalScore: z.number().nullable(),
});
export type TProctorCandidate = z.infer<typeof ZProctorCandidate>;

export const ZProctorLive = z.object({
  session: ZProctorSession,
  serverNow: z.number().int(),
  connectedWindowSeconds: z.number().int(),
  candidates: z.array(ZProctorCandidate),
});
export type TProctorLive = z.infer<typeof ZProctorLive>;

const ZReason = z.string().trim().min(3, 'Nhập lý do (ít nhất 3 ký tự)').max(500);

export const ZProctorReason = z.object({ reason: ZReason.optional() });
export type TProctorReason = z.infer<typeof ZProctorReason>;

/** Extra time for one candidate (candidateId) or the whole session (no candidateId). */
export const ZProctorExtendRequest = z.object({
  seconds: z
    .number()
    .int()
    .min(1, 'Thời gian cộng thêm phải lớn hơn 0')
    .max(4 * 3600, 'Thời gian cộng thêm tối đa 4 giờ'),
  candidateId: z.uuid().optional(),
  reason: ZReason,
});
export type TProctorExtendRequest = z.infer<typeof ZProctorExtendRequest>;

/** Finalise one candidate's attempt (candidateId) or every open attempt of the session. */
export const ZProctorForceSubmitRequest = z.object({ candidateId: z.uuid().optional(), reason: ZReason });
export type TProctorForceSubmitRequest = z.infer<typeof ZProctorForceSubmitRequest>;

export const ZProctorActionResult = z.object({ ok: z.literal(true), affected: z.number().int() });
export type TProctorActionResult = z.infer<typeof ZProctorActionResult>;

/** What an attempt event records (the labels live in the web's translations). */
export const ATTEMPT_EVENT_KINDS = [
  'login',
  'login_failed',
  'login_refused',
  'login_locked',
  'logout',
  'relogin_allowed',
  'prepared',
  'started',
  'paused',
  'resumed',
  'extended',
  'save',
  'save_stale',
  'save_refused',
  'submit',
  'finalised',
  'force_submit',
] as const;
export type TAttemptEventKind = (typeof ATTEMPT_EVENT_KINDS)[number];

export const ZAttemptEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  seq: z.number().int().nullable(),
  payload: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type TAttemptEvent = z.infer<typeof ZAttemptEvent>;

export const ZAttemptEventList = z.object({ items: z.array(ZAttemptEvent), total: z.number().int() });
export type TAttemptEventList = z.infer<typeof ZAttemptEventList>;

export const ZSessionParams = z.object({ sessionId: z.uuid() });
export const ZSessionCandidateParams = z.object({ sessionId: z.uuid(), candidateId: z.uuid() });
export const ZContestParams = z.object({ contestId: z.uuid() });
