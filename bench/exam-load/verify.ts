import type { TExamState } from '../../src/contracts/exam';
import type { TAttemptEventList, TProctorLive } from '../../src/contracts/proctor';
import type { CandidateResult } from './candidate';
import type { ApiClient } from './client';
import { stateDigest } from './ledger';
import type { Staff } from './setup';

export interface Verification {
  candidates: number;
  checked: number;
  /** Acknowledged saves the server does not hold (must be 0). */
  lost: number;
  lostExamples: string[];
  finalised: number;
  /** Attempts with no or more than one finalisation event (must be 0). */
  finalisedNotOnce: number;
  finalisedBy: Record<string, number>;
  /** Seconds from each deadline-finalised attempt's deadline to the event that closed it. */
  deadlineLagSeconds: { count: number; p50: number; max: number };
  /** Seconds from deadline + grace to the close (the job's own delay). */
  afterGraceLagSeconds: { count: number; p50: number; max: number };
}

const FINAL_KINDS = new Set(['submit', 'finalised', 'force_submit']);

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const lagStats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { count: s.length, p50: r(s[Math.floor(s.length / 2)] ?? 0), max: r(s.at(-1) ?? 0) };
};

/** Polls the proctor's live view until every attempt is final or `untilEpoch` passes. */
export async function waitAllFinal(api: ApiClient, staff: Staff, sessionId: string, untilEpoch: number) {
  for (;;) {
    const live = await api
      .call<TProctorLive>('GET', `/api/proctor/sessions/${sessionId}`, { ...staff, timeoutMs: 300_000 })
      .catch(() => null);
    if (live && live.data.session.finalisedCount >= live.data.session.candidateCount) return;
    if (Date.now() > untilEpoch) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * Checks, through the API, that the server holds every acknowledged save (each candidate's own
 * `GET /api/exam/state` against its ledger) and that every attempt was finalised exactly once (the
 * proctor's event log per candidate), and how long after the deadline the job closed attempts.
 */
export async function verify(
  api: ApiClient,
  staff: Staff,
  sessionId: string,
  results: CandidateResult[],
  graceSeconds: number,
): Promise<Verification> {
  const live = await api.call<TProctorLive>('GET', `/api/proctor/sessions/${sessionId}`, {
    ...staff,
    timeoutMs: 300_000,
  });
  const idOf = new Map(live.data.candidates.map((c) => [c.number, c]));
  const v: Verification = {
    candidates: results.length,
    checked: 0,
    lost: 0,
    lostExamples: [],
    finalised: live.data.candidates.filter((c) => c.status === 'finalised').length,
    finalisedNotOnce: 0,
    finalisedBy: {},
    deadlineLagSeconds: { count: 0, p50: 0, max: 0 },
    afterGraceLagSeconds: { count: 0, p50: 0, max: 0 },
  };
  const lags: number[] = [];
  const graceLags: number[] = [];
  await eachLimited(results, 8, async (r) => {
    const row = idOf.get(r.number);
    if (!row) return;
    if (row.finalisedBy) v.finalisedBy[row.finalisedBy] = (v.finalisedBy[row.finalisedBy] ?? 0) + 1;
    if (r.cookie) {
      const state = await api
        .call<TExamState>('GET', '/api/exam/state', { cookie: r.cookie })
        .catch(() => null);
      if (state) {
        v.checked++;
        const problem = r.ledger.check({
          lastSeq: state.data.lastSeq,
          digest: stateDigest(state.data.answers, state.data.flagged),
        });
        if (problem) {
          v.lost++;
          if (v.lostExamples.length < 10) v.lostExamples.push(`${r.number}: ${problem}`);
        }
      } else if (r.ledger.ackedSeq > 0) {
        v.lost++;
        if (v.lostExamples.length < 10) v.lostExamples.push(`${r.number}: state unreadable`);
      }
    }
    const finals: TAttemptEventList['items'] = [];
    for (let page = 1; ; page++) {
      const ev = await api.call<TAttemptEventList>(
        'GET',
        `/api/proctor/sessions/${sessionId}/candidates/${row.candidateId}/events?pageSize=200&page=${page}`,
        { ...staff, timeoutMs: 300_000 },
      );
      finals.push(...ev.data.items.filter((e) => FINAL_KINDS.has(e.kind)));
      if (page * 200 >= ev.data.total) break;
    }
    if (finals.length !== 1) v.finalisedNotOnce++;
    for (const e of finals) {
      const deadline = (e.payload as { deadlineAt?: string | null } | null)?.deadlineAt;
      if (e.kind === 'finalised' && deadline) {
        const lag = (Date.parse(e.at) - Date.parse(deadline)) / 1000;
        lags.push(lag);
        graceLags.push(lag - graceSeconds);
      }
    }
  });
  v.deadlineLagSeconds = lagStats(lags);
  v.afterGraceLagSeconds = lagStats(graceLags);
  return v;
}

export interface PracticeVerification {
  /** Candidates whose practice tasks all went through. */
  done: number;
  /** Of those, graded by the server (the grading job runs after each attempt is final). */
  graded: number;
  /** Graded with other points than the tasks done are worth (must be 0). */
  wrong: number;
  wrongExamples: string[];
}

/**
 * Waits (until `untilEpoch`) for the server to grade the practice of every candidate who did the
 * tasks, and compares each grade with the points those tasks are worth.
 */
export async function verifyPractice(
  api: ApiClient,
  staff: Staff,
  sessionId: string,
  results: CandidateResult[],
  untilEpoch: number,
): Promise<PracticeVerification> {
  const done = results.filter((r) => r.practiceExpected !== null);
  let scores = new Map<string, number | null>();
  for (;;) {
    const live = await api
      .call<TProctorLive>('GET', `/api/proctor/sessions/${sessionId}`, { ...staff, timeoutMs: 300_000 })
      .catch(() => null);
    if (live) scores = new Map(live.data.candidates.map((c) => [c.number, c.practiceScore]));
    if (done.every((r) => scores.get(r.number) != null) || Date.now() > untilEpoch) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const v: PracticeVerification = { done: done.length, graded: 0, wrong: 0, wrongExamples: [] };
  for (const r of done) {
    const score = scores.get(r.number);
    if (score == null) continue;
    v.graded++;
    if (score !== r.practiceExpected) {
      v.wrong++;
      if (v.wrongExamples.length < 10) v.wrongExamples.push(`${r.number}: ${score} ≠ ${r.practiceExpected}`);
    }
  }
  return v;
}
