import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isoParam, queryRows } from '../db/sql-rows';
import { type Mailer, noticeEmail } from '../notifications/mailer';

/** Notices claimed per statement. */
const BATCH = 50;
/**
 * Older notices are never e-mailed: turning SMTP on (or giving a user an address) must not send a
 * year of old notices; they stay in the app.
 */
export const EMAIL_MAX_AGE_HOURS = 72;

export interface EmailTickResult {
  sent: number;
  /** Notices left for a later run because the SMTP server refused them or could not be reached. */
  failed: number;
}

interface Claimed {
  id: number;
  title: string;
  body: string;
  link: string | null;
  email: string;
  fullName: string;
}

/**
 * Claims up to BATCH notices not yet e-mailed whose user has an address, marking them e-mailed in the
 * same statement. `FOR UPDATE SKIP LOCKED` makes instances that run at the same time take disjoint
 * rows, and a row once claimed is no longer `emailed = false`: no notice goes out twice. Claiming in
 * its own short statement keeps the SMTP conversation outside any transaction (on PGlite a
 * transaction blocks every request); the price is that a process dying between claim and send loses
 * that e-mail — never the in-app notice.
 */
async function claim(db: Db, now: Date, skip: readonly number[]): Promise<Claimed[]> {
  const since = new Date(now.getTime() - EMAIL_MAX_AGE_HOURS * 3600_000);
  // bigint ids come back as text from both drivers alike.
  const rows = await queryRows<Omit<Claimed, 'id'> & { id: string }>(
    db,
    sql`update notifications n set emailed = true
        from users u
        where u.id = n.user_id and not n.emailed and n.id in (
          select c.id from notifications c join users cu on cu.id = c.user_id
          where not c.emailed and cu.email is not null and btrim(cu.email) <> '' and not cu.disabled
            and c.created_at > ${isoParam(since)}::timestamptz ${skipIds(skip)}
          order by c.id
          limit ${BATCH}
          for update of c skip locked)
        returning n.id::text as id, n.title, n.body, n.link, btrim(u.email) as email, u.full_name as "fullName"`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
}

function idList(ids: readonly number[]) {
  return sql.join(
    ids.map((id) => sql`${id}::bigint`),
    sql`, `,
  );
}

function skipIds(ids: readonly number[]) {
  return ids.length === 0 ? sql`` : sql`and c.id not in (${idList(ids)})`;
}

async function release(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`update notifications set emailed = false where id in (${idList(ids)})`);
}

/** The server refused this message or its recipient (the next message may go); anything else ends the batch. */
function refusedMessage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}

/**
 * One run of the e-mail job: sends the notices committed since the last run. A notice the server
 * refuses, or one not sent because the server is unreachable, is put back (`emailed = false`) for the
 * next run and a warning is logged. After a failure that is not about the message itself (connection,
 * TLS, authentication) the rest of the batch is not tried: the next message would fail the same way.
 */
export async function emailNotices(
  db: Db,
  mailer: Mailer,
  opts: { now: Date; publicUrl?: string; warn: (message: string, error: unknown) => void },
): Promise<EmailTickResult> {
  const result: EmailTickResult = { sent: 0, failed: 0 };
  // Notices refused in this run are not claimed again before the next: they must not hold up the rest.
  const refused: number[] = [];
  for (;;) {
    const claimed = await claim(db, opts.now, refused);
    const unsent: number[] = [];
    let unreachable = false;
    for (const notice of claimed) {
      if (unreachable) {
        unsent.push(notice.id);
        continue;
      }
      try {
        await mailer.send({
          to: { name: notice.fullName, address: notice.email },
          ...noticeEmail(notice, opts.publicUrl),
        });
        result.sent++;
      } catch (e) {
        unsent.push(notice.id);
        unreachable = !refusedMessage(e);
        opts.warn(`Chưa gửi được e-mail thông báo ${notice.id} tới ${notice.email}; sẽ gửi lại sau`, e);
      }
    }
    await release(db, unsent);
    refused.push(...unsent);
    result.failed += unsent.length;
    if (claimed.length < BATCH || unreachable) break;
  }
  return result;
}
