import { sql } from 'drizzle-orm';
import type { TExamLoginRequest } from '../../contracts/exam';
import { AppError } from '../../core/shared/app-error';
import { recordAudit } from '../audit';
import { dummyHash, verifyPassword } from '../auth/password';
import { hashToken } from '../auth/sessions';
import type { Db } from '../db/client';
import { candidates } from '../db/schema';
import { isoParam, queryRows } from '../db/sql-rows';
import { insertCandidateLogin, revokeCandidateLogins } from './candidate-logins';
import { type RequestOrigin, recordAttemptEvent } from './events';

export const MAX_FAILED_EXAM_LOGINS = 5;
export const EXAM_LOCK_MINUTES = 15;
/** How long an unused login may be taken back by the same browser that asked for it. */
export const LOST_REPLY_MINUTES = 10;

const DUMMY_HASH = dummyHash('one_sitting');

interface Match {
  id: string;
  passwordHash: string | null;
  reloginAllowed: boolean;
  attemptId: string | null;
  attemptStatus: string | null;
}

async function findCandidates(db: Db, body: TExamLoginRequest): Promise<Match[]> {
  const select = (exact: boolean) =>
    queryRows<Match>(
      db,
      sql`select c.id, c.password_hash as "passwordHash", c.relogin_allowed as "reloginAllowed",
            a.id as "attemptId", a.status as "attemptStatus"
          from candidates c
          join contests k on k.id = c.contest_id
          left join attempts a on a.candidate_id = c.id
          -- A closed contest still admits its candidates once results are published, to read their own.
          where (k.status = 'open'
            or exists (select 1 from contest_result_publications p where p.contest_id = k.id))
            and ${exact ? sql`c.number = ${body.number}` : sql`upper(c.number) = upper(${body.number})`}
            ${body.contestId ? sql`and c.contest_id = ${body.contestId}` : sql``}
          limit 5`,
    );
  const exact = await select(true);
  return exact.length > 0 ? exact : select(false);
}

/** Wrong passwords since the later of the lock window's start and the last successful login or unlock. */
async function recentFailures(db: Db, candidateId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - EXAM_LOCK_MINUTES * 60_000);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from attempt_events e
        where e.candidate_id = ${candidateId} and e.kind = 'login_failed'
          and e.at > greatest(${isoParam(since)}::timestamptz, coalesce(
            (select max(r.at) from attempt_events r
             where r.candidate_id = ${candidateId} and r.kind in ('login', 'relogin_allowed')),
            '-infinity'::timestamptz))`,
  );
  return Number(row?.n ?? 0);
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/**
 * Signs a candidate in with số báo danh and password. One login at a time: while another PC holds the
 * attempt, a login is refused with `login_elsewhere` (and shown to the proctor) unless the proctor
 * allowed a re-login, which revokes the old PC. Every login, refusal and wrong password is an event.
 */
export async function loginCandidate(
  db: Db,
  body: TExamLoginRequest,
  now: Date,
  origin: RequestOrigin,
  currentToken: string | undefined,
): Promise<{ candidateId: string; token: string; csrfToken: string; expiresAt: Date }> {
  const invalid = new AppError('invalid_credentials', 'Số báo danh hoặc mật khẩu không đúng');
  const found = await findCandidates(db, body);
  if (found.length === 0) {
    await verifyPassword(body.password, DUMMY_HASH);
    await recordAudit(
      db,
      { id: null, username: null, ip: origin.ip },
      { action: 'exam_login_failed', entity: 'candidate', entityId: null, after: { number: body.number } },
    );
    throw invalid;
  }
  const event = (m: Match, kind: 'login_failed' | 'login_locked' | 'login_refused', payload: unknown) =>
    recordAttemptEvent(db, {
      candidateId: m.id,
      attemptId: m.attemptId,
      kind,
      at: now,
      payload,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });

  const open: Match[] = [];
  for (const m of found) {
    if ((await recentFailures(db, m.id, now)) >= MAX_FAILED_EXAM_LOGINS) await event(m, 'login_locked', {});
    else open.push(m);
  }
  if (open.length === 0) {
    throw new AppError(
      'account_locked',
      `Đăng nhập sai ${MAX_FAILED_EXAM_LOGINS} lần: tạm khóa ${EXAM_LOCK_MINUTES} phút. Báo giám thị để được mở khóa`,
    );
  }
  let match: Match | null = null;
  for (const m of open) {
    const ok = await verifyPassword(body.password, m.passwordHash ?? DUMMY_HASH);
    if (ok && m.passwordHash) {
      match = m;
      break;
    }
  }
  if (!match) {
    for (const m of open) await event(m, 'login_failed', { reason: 'wrong_password' });
    throw invalid;
  }

  const lostReplyAfter = new Date(now.getTime() - LOST_REPLY_MINUTES * 60_000);
  const [active] = await queryRows<{
    id: string;
    ip: string | null;
    userAgent: string | null;
    lastSeenAt: Date;
    unused: boolean;
  }>(
    db,
    sql`select id, ip, user_agent as "userAgent", last_seen_at as "lastSeenAt",
          last_seen_at <= created_at and created_at > ${isoParam(lostReplyAfter)}::timestamptz as unused
        from candidate_logins
        where candidate_id = ${match.id} and revoked_at is null and expires_at > ${isoParam(now)}::timestamptz`,
  );
  // A login that never made a request, from the same address and browser, is this browser's own
  // login whose reply was lost (a timeout, a dropped connection): the retry replaces it.
  const lostReply = Boolean(
    active?.unused && active.ip === origin.ip && active.userAgent === origin.userAgent,
  );
  const sameBrowser = lostReply || Boolean(active && currentToken && hashToken(currentToken) === active.id);
  const finished = match.attemptStatus === 'finalised';
  const elsewhere = new AppError(
    'login_elsewhere',
    'Số báo danh này đang làm bài trên một máy khác. Hãy báo giám thị để được chuyển sang máy này',
  );
  if (active && !sameBrowser && !match.reloginAllowed && !finished) {
    await event(match, 'login_refused', {
      reason: 'login_elsewhere',
      activeIp: active.ip,
      activeUserAgent: active.userAgent,
      activeLastSeenAt: active.lastSeenAt,
    });
    throw elsewhere;
  }

  const candidate = match;
  try {
    return await db.transaction(async (tx) => {
      const revoked = await revokeCandidateLogins(tx, candidate.id, now);
      const created = await insertCandidateLogin(tx, candidate.id, now, origin);
      if (candidate.reloginAllowed) {
        await tx.execute(sql`update ${candidates} set relogin_allowed = false where id = ${candidate.id}`);
      }
      await recordAttemptEvent(tx, {
        candidateId: candidate.id,
        attemptId: candidate.attemptId,
        kind: 'login',
        at: now,
        ip: origin.ip,
        userAgent: origin.userAgent,
        payload: {
          replacedLogins: revoked.length,
          takeover: Boolean(active && !sameBrowser),
          lostReply,
          reloginAllowed: candidate.reloginAllowed,
        },
      });
      return { candidateId: candidate.id, ...created };
    });
  } catch (e) {
    // Two PCs logging in at the same instant: the unique index on active logins lets only one win.
    if (isUniqueViolation(e)) {
      await event(candidate, 'login_refused', { reason: 'login_elsewhere', concurrent: true });
      throw elsewhere;
    }
    throw e;
  }
}
