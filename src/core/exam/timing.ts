import type { ErrorCode } from '../shared/app-error';

/**
 * The server clock is the only authority (Moodle MDL-32783, edx-proctoring #118): the deadline is
 * computed here from stored facts, the browser only displays `remainingSeconds` against it.
 * Times are Date objects or epoch milliseconds, passed in by the caller.
 */
export type Instant = Date | number;

export type SessionStatus = 'scheduled' | 'running' | 'paused' | 'ended';

const ms = (t: Instant): number => (typeof t === 'number' ? t : t.getTime());

function finite(name: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`${name} is not a finite number`);
  return value;
}

export interface DeadlineInput {
  /** When the proctor started the session: every attempt's clock starts then, not at the candidate's login. */
  sessionStartedAt: Instant;
  durationMinutes: number;
  /** Extra time the proctor gave the whole session (may be negative to correct a mistake). */
  sessionExtraSeconds: number;
  /** This candidate's accommodation. */
  candidateExtraSeconds: number;
  /** Seconds the session spent paused, including a pause still under way (see `pausedSecondsSoFar`). */
  pausedSeconds: number;
}

/** The attempt's deadline: start + duration + session extension + accommodation + pauses. */
export function attemptDeadline(input: DeadlineInput): Date {
  const seconds =
    finite('durationMinutes', input.durationMinutes) * 60 +
    finite('sessionExtraSeconds', input.sessionExtraSeconds) +
    finite('candidateExtraSeconds', input.candidateExtraSeconds) +
    Math.max(0, finite('pausedSeconds', input.pausedSeconds));
  return new Date(ms(input.sessionStartedAt) + seconds * 1000);
}

/**
 * Pause time to feed `attemptDeadline`: finished pauses plus the one under way until `now`, so the
 * deadline moves with the pause and the remaining time stays frozen while the session is paused.
 */
export function pausedSecondsSoFar(
  finishedPauseSeconds: number,
  pausedAt: Instant | null,
  now: Instant,
): number {
  const ongoing = pausedAt === null ? 0 : Math.max(0, (ms(now) - ms(pausedAt)) / 1000);
  return Math.max(0, finishedPauseSeconds) + ongoing;
}

/** Whole seconds left before the deadline, rounded up (0 means time is over); never negative. */
export function remainingSeconds(deadline: Instant, now: Instant): number {
  return Math.max(0, Math.ceil((ms(deadline) - ms(now)) / 1000));
}

export interface SaveRefusal {
  code: ErrorCode;
  message: string;
}

/**
 * Why a save arriving at `now` must be refused, or null if it is accepted.
 * - scheduled: the exam has not started.
 * - running: accepted until deadline + grace (the grace absorbs network and server slowness; Moodle's
 *   "last submission grace period").
 * - paused: accepted under the same deadline rule. The exam page locks its inputs while paused, so a
 *   save arriving then carries answers given before the pause (TAO's runner also flushes on pause);
 *   refusing it would lose them. The deadline keeps moving during the pause, so this never extends
 *   the candidate's working time.
 * - ended: the proctor closed the session; nothing more is accepted.
 */
export function saveRefusal(
  deadline: Instant,
  graceSeconds: number,
  now: Instant,
  sessionStatus: SessionStatus,
): SaveRefusal | null {
  if (sessionStatus === 'scheduled') return { code: 'exam_not_started', message: 'Ca thi chưa bắt đầu' };
  if (sessionStatus === 'ended')
    return { code: 'attempt_closed', message: 'Ca thi đã kết thúc, bài làm đã được thu' };
  if (ms(now) > ms(deadline) + Math.max(0, graceSeconds) * 1000) {
    return { code: 'attempt_closed', message: 'Đã hết giờ làm bài, câu trả lời này không được ghi nhận' };
  }
  return null;
}

/** Whether a save arriving at `now` is accepted (see `saveRefusal` for the reasons). */
export function acceptsSaveAt(
  deadline: Instant,
  graceSeconds: number,
  now: Instant,
  sessionStatus: SessionStatus,
): boolean {
  return saveRefusal(deadline, graceSeconds, now, sessionStatus) === null;
}

/**
 * Whether an open attempt is due for automatic finalisation: the grace is over, so no save can still
 * arrive. Record the finish time as the deadline, not the time the job ran (Moodle's rule).
 */
export function isDue(deadline: Instant, graceSeconds: number, now: Instant): boolean {
  return ms(now) > ms(deadline) + Math.max(0, graceSeconds) * 1000;
}
