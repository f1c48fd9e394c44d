import { sql } from 'drizzle-orm';
import { attemptDeadline, pausedSecondsSoFar } from '../../core/exam/timing';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';

export interface DeadlineSession {
  id: string;
  startedAt: Date | null;
  extraSeconds: number;
}

/**
 * Recomputes the stored deadline of the session's open attempts (or one candidate's) from the facts:
 * start, duration, session extension, accommodation, extensions given during the run and finished
 * pauses. One computation in the core, one UPDATE for the whole room. Returns attempt id → deadline.
 */
export async function recomputeDeadlines(
  db: Db,
  session: DeadlineSession,
  durationMinutes: number,
  candidateId?: string,
): Promise<Map<string, Date>> {
  const result = new Map<string, Date>();
  if (!session.startedAt) return result;
  const rows = await queryRows<{ id: string; candidateExtra: number; attemptExtra: number; paused: number }>(
    db,
    sql`select a.id, c.extra_seconds as "candidateExtra", a.extra_seconds as "attemptExtra",
          a.paused_seconds as "paused"
        from attempts a join candidates c on c.id = a.candidate_id
        where a.session_id = ${session.id} and a.status = 'in_progress'
          ${candidateId ? sql`and a.candidate_id = ${candidateId}` : sql``}`,
  );
  if (rows.length === 0) return result;
  const values = rows.map((r) => ({
    id: r.id,
    deadline: attemptDeadline({
      sessionStartedAt: session.startedAt!,
      durationMinutes,
      sessionExtraSeconds: session.extraSeconds,
      candidateExtraSeconds: Number(r.candidateExtra) + Number(r.attemptExtra),
      pausedSeconds: Number(r.paused),
    }).toISOString(),
  }));
  const updated = await queryRows<{ id: string }>(
    db,
    sql`update attempts a set deadline_at = x.deadline
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(id uuid, deadline timestamptz)
        where a.id = x.id and a.status = 'in_progress'
        returning a.id`,
  );
  const byId = new Map(values.map((v) => [v.id, v.deadline]));
  for (const { id } of updated) result.set(id, new Date(byId.get(id)!));
  return result;
}

/** The deadline as it stands now: while the session is paused it moves with the pause. */
export function effectiveDeadline(
  deadlineAt: Date | null,
  session: { status: string; pausedAt: Date | null },
  now: Date,
): Date | null {
  if (!deadlineAt) return null;
  if (session.status !== 'paused' || !session.pausedAt) return deadlineAt;
  return new Date(deadlineAt.getTime() + pausedSecondsSoFar(0, session.pausedAt, now) * 1000);
}
