import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { hashToken } from '../auth/sessions';
import type { Db } from '../db/client';
import { candidateLogins } from '../db/schema';
import { asDate, isoParam, queryRows } from '../db/sql-rows';

/** The exam page's cookie, separate from staff sessions and sent only to the candidate API. */
export const EXAM_COOKIE = 'thuocdo_exam';
export const EXAM_COOKIE_PATH = '/api/exam';
/** The login outlives the longest sitting with extensions; the proctor can always revoke it. */
export const EXAM_LOGIN_HOURS = 10;
/** `last_seen_at` is refreshed at most this often, so a request costs no write. */
export const SEEN_REFRESH_SECONDS = 15;

export interface LoadedCandidate {
  loginId: string;
  candidateId: string;
  contestId: string;
  sessionId: string | null;
  csrfToken: string;
}

export type CandidateLoginLookup =
  | { state: 'active'; candidate: LoadedCandidate }
  | { state: 'revoked'; replaced: boolean }
  | { state: 'unknown' };

/** Creates a login for a candidate (the caller has revoked any other) and returns its secrets. */
export async function insertCandidateLogin(
  db: Db,
  candidateId: string,
  now: Date,
  meta: { ip: string; userAgent: string | null },
): Promise<{ id: string; token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + EXAM_LOGIN_HOURS * 3600_000);
  const id = hashToken(token);
  await db.insert(candidateLogins).values({
    id,
    candidateId,
    csrfToken,
    createdAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent,
    lastSeenAt: now,
  });
  return { id, token, csrfToken, expiresAt };
}

/** Revokes every unrevoked login of a candidate; returns the revoked ids. */
export async function revokeCandidateLogins(db: Db, candidateId: string, now: Date): Promise<string[]> {
  const rows = await db
    .update(candidateLogins)
    .set({ revokedAt: now })
    .where(and(eq(candidateLogins.candidateId, candidateId), isNull(candidateLogins.revokedAt)))
    .returning({ id: candidateLogins.id });
  const ids = rows.map((r) => r.id);
  forgetCandidateLogins(ids);
  return ids;
}

interface LoginRow {
  candidateId: string;
  csrfToken: string;
  revoked: boolean;
  expiresAt: Date | string;
  contestId: string;
  sessionId: string | null;
  replaced: boolean;
}

/**
 * Active logins recently read by this instance. Only reads (the waiting room, the paper, the clock)
 * are answered from it; every write looks the login up again, so a login revoked on another instance
 * can still read its own state for at most this long but never store anything.
 */
const activeLogins = new Map<string, { candidate: LoadedCandidate; expiresAt: Date; until: number }>();
const ACTIVE_LOGIN_CACHE_LIMIT = 50_000;

/** Forgets logins this instance revoked, so its own next read of them is refused at once. */
export function forgetCandidateLogins(ids: string[]) {
  for (const id of ids) activeLogins.delete(id);
}

/**
 * Resolves a cookie token in one statement, which also refreshes `last_seen_at` when it is older than
 * a few seconds or the login has never been used (a login nobody used is how a lost reply is told
 * apart from another PC). `fresh: false` may answer from this instance's recent reads.
 */
export async function lookupCandidateLogin(
  db: Db,
  token: string,
  now: Date,
  opts: { fresh: boolean } = { fresh: true },
): Promise<CandidateLoginLookup> {
  const id = hashToken(token);
  const hit = opts.fresh ? undefined : activeLogins.get(id);
  if (hit && hit.until > Date.now() && hit.expiresAt > now)
    return { state: 'active', candidate: hit.candidate };

  const at = isoParam(now);
  const staleBefore = isoParam(new Date(now.getTime() - SEEN_REFRESH_SECONDS * 1000));
  const [row] = await queryRows<LoginRow>(
    db,
    sql`with found as (
          select l.id, l.candidate_id, l.csrf_token, l.revoked_at, l.expires_at, l.last_seen_at, l.created_at,
            c.contest_id, c.session_id
          from candidate_logins l join candidates c on c.id = l.candidate_id
          where l.id = ${id}
        ), touched as (
          update candidate_logins l set last_seen_at = ${at}::timestamptz
          from found f
          where l.id = f.id and f.revoked_at is null and f.expires_at > ${at}::timestamptz
            and (f.last_seen_at is null or f.last_seen_at < ${staleBefore}::timestamptz
              or f.last_seen_at <= f.created_at)
          returning l.id
        )
        select f.candidate_id as "candidateId", f.csrf_token as "csrfToken",
          f.revoked_at is not null as revoked, f.expires_at as "expiresAt",
          f.contest_id as "contestId", f.session_id as "sessionId",
          f.revoked_at is not null and exists (
            select 1 from candidate_logins o where o.candidate_id = f.candidate_id and o.revoked_at is null
          ) as replaced
        from found f`,
  );
  if (!row) return { state: 'unknown' };
  // A later login of the same candidate means another PC took the attempt over.
  if (row.revoked) return { state: 'revoked', replaced: row.replaced };
  const expiresAt = asDate(row.expiresAt)!;
  if (expiresAt <= now) return { state: 'unknown' };
  const candidate: LoadedCandidate = {
    loginId: id,
    candidateId: row.candidateId,
    contestId: row.contestId,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
  };
  if (activeLogins.size >= ACTIVE_LOGIN_CACHE_LIMIT) activeLogins.clear();
  activeLogins.set(id, { candidate, expiresAt, until: Date.now() + SEEN_REFRESH_SECONDS * 1000 });
  return { state: 'active', candidate };
}
