import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';
import { type CandidateView, loadCandidateView } from './candidate-view';

/**
 * The waiting room polls every few seconds and its answer changes only when the proctor starts the
 * session. A waiting candidate's view is kept per instance, and a poll only needs the session's status,
 * read at most once a second per session and instance: a room of 5,000 waiting costs one query a second
 * instead of a thousand. A start on any instance is seen within that second.
 */
const SESSION_STATUS_MS = 1000;
const WAITING_VIEW_MS = 30_000;
const CACHE_LIMIT = 50_000;

const sessionStatus = new Map<string, { until: number; status: Promise<string | null> }>();
const waitingViews = new Map<string, { until: number; view: CandidateView }>();

function readSessionStatus(db: Db, sessionId: string, now: number): Promise<string | null> {
  const hit = sessionStatus.get(sessionId);
  if (hit && hit.until > now) return hit.status;
  const status = queryRows<{ status: string }>(
    db,
    sql`select status from exam_sessions where id = ${sessionId}`,
  ).then((rows) => rows[0]?.status ?? null);
  if (sessionStatus.size >= CACHE_LIMIT) sessionStatus.clear();
  sessionStatus.set(sessionId, { until: now + SESSION_STATUS_MS, status });
  status.catch(() => sessionStatus.delete(sessionId));
  return status;
}

/** Called by the instance that changes a session's status, so its own next poll sees it at once. */
export function forgetSessionStatus(sessionId: string) {
  sessionStatus.delete(sessionId);
}

/** The candidate's view for a status poll: from the waiting room's cache while the session has not started. */
export async function statusView(db: Db, candidateId: string, now: Date): Promise<CandidateView> {
  // Cache ages are real elapsed time, whatever clock the exam runs on.
  const t = Date.now();
  const cached = waitingViews.get(candidateId);
  if (cached && cached.until > t && cached.view.session) {
    if ((await readSessionStatus(db, cached.view.session.id, t)) === 'scheduled') return cached.view;
  }
  const view = await loadCandidateView(db, candidateId, now, false);
  if (view.phase === 'waiting' && view.session?.status === 'scheduled') {
    if (waitingViews.size >= CACHE_LIMIT) waitingViews.clear();
    waitingViews.set(candidateId, { until: t + WAITING_VIEW_MS, view });
  } else waitingViews.delete(candidateId);
  return view;
}
