import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { hashToken } from '../auth/sessions';
import type { Db } from '../db/client';
import { candidateLogins, candidates } from '../db/schema';

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
  return rows.map((r) => r.id);
}

/** Resolves a cookie token; refreshes `last_seen_at` when it is older than a few seconds. */
export async function lookupCandidateLogin(db: Db, token: string, now: Date): Promise<CandidateLoginLookup> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      candidateId: candidateLogins.candidateId,
      csrfToken: candidateLogins.csrfToken,
      revokedAt: candidateLogins.revokedAt,
      expiresAt: candidateLogins.expiresAt,
      lastSeenAt: candidateLogins.lastSeenAt,
      contestId: candidates.contestId,
      sessionId: candidates.sessionId,
    })
    .from(candidateLogins)
    .innerJoin(candidates, eq(candidates.id, candidateLogins.candidateId))
    .where(eq(candidateLogins.id, id))
    .limit(1);
  if (!row) return { state: 'unknown' };
  if (row.revokedAt) {
    // A later login of the same candidate means another PC took the attempt over.
    const [later] = await db
      .select({ id: candidateLogins.id })
      .from(candidateLogins)
      .where(and(eq(candidateLogins.candidateId, row.candidateId), isNull(candidateLogins.revokedAt)))
      .limit(1);
    return { state: 'revoked', replaced: Boolean(later) };
  }
  if (row.expiresAt <= now) return { state: 'unknown' };
  const staleBefore = new Date(now.getTime() - SEEN_REFRESH_SECONDS * 1000);
  if (!row.lastSeenAt || row.lastSeenAt < staleBefore) {
    await db
      .update(candidateLogins)
      .set({ lastSeenAt: now })
      .where(
        and(
          eq(candidateLogins.id, id),
          or(isNull(candidateLogins.lastSeenAt), lt(candidateLogins.lastSeenAt, staleBefore)),
        ),
      );
  }
  return {
    state: 'active',
    candidate: {
      loginId: id,
      candidateId: row.candidateId,
      contestId: row.contestId,
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
    },
  };
}
