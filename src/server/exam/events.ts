import { sql } from 'drizzle-orm';
import type { TAttemptEventKind } from '../../contracts/proctor';
import type { Db } from '../db/client';
import { attemptEvents } from '../db/schema';

export interface AttemptEventInput {
  candidateId: string;
  attemptId?: string | null;
  kind: TAttemptEventKind;
  at: Date;
  seq?: number | null;
  payload?: unknown;
  ip?: string | null;
  userAgent?: string | null;
  actorId?: string | null;
}

/** Where a request came from, as the dispute record keeps it. */
export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
}

export function originOf(req: { ip: string; headers: Record<string, unknown> }): RequestOrigin {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}

/** Appends events to the dispute record; call inside the transaction of the change they describe. */
export async function recordAttemptEvents(db: Db, events: AttemptEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(attemptEvents).values(
    events.map((e) => ({
      candidateId: e.candidateId,
      attemptId: e.attemptId ?? null,
      kind: e.kind,
      at: e.at,
      seq: e.seq ?? null,
      payload: e.payload === undefined ? null : e.payload,
      ip: e.ip ?? null,
      userAgent: e.userAgent ?? null,
      actorId: e.actorId ?? null,
    })),
  );
}

export function recordAttemptEvent(db: Db, event: AttemptEventInput): Promise<void> {
  return recordAttemptEvents(db, [event]);
}

/** One event on every open attempt of a session (pause, resume, extension for all). */
export async function recordSessionEvent(
  db: Db,
  sessionId: string,
  event: {
    kind: TAttemptEventKind;
    at: Date;
    payload: unknown;
    actorId: string | null;
    origin?: RequestOrigin;
  },
): Promise<void> {
  await db.execute(
    sql`insert into attempt_events (candidate_id, attempt_id, kind, at, payload, ip, user_agent, actor_id)
        select a.candidate_id, a.id, ${event.kind}, ${event.at.toISOString()}::timestamptz,
          ${JSON.stringify(event.payload)}::jsonb, ${event.origin?.ip ?? null}, ${event.origin?.userAgent ?? null},
          ${event.actorId}::uuid
        from attempts a where a.session_id = ${sessionId} and a.status = 'in_progress'`,
  );
}
