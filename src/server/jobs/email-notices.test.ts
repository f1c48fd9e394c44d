import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { notifications, users } from '../db/schema';
import { createMailer, type Mailer } from '../notifications/mailer';
import { type Notice, notify } from '../notifications/notify';
import {
  decodeHeaderValue,
  parseMail,
  type SmtpSink,
  startSmtpSink,
} from '../notifications/testing/smtp-sink';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { EMAIL_MAX_AGE_HOURS, emailNotices } from './email-notices';

const FROM = 'Thước Đo <no-reply@thuocdo.test>';
const PUBLIC_URL = 'https://dti.thuocdo.test';

async function addUser(db: Db, username: string, email: string | null, disabled = false): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      username,
      fullName: `Trần Văn ${username}`,
      role: 'reporter',
      email,
      disabled,
      passwordHash: 'x',
    })
    .returning({ id: users.id });
  return row!.id;
}

/** Subjects as the receiving side reads them, decoded from the MIME header. */
const subjects = (sink: SmtpSink) =>
  sink.messages.map((m) => decodeHeaderValue(parseMail(m.raw).headers.subject ?? ''));

describe.each(dbKinds())('e-mail job (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let sink: SmtpSink;
  let mailer: Mailer;
  const warnings: string[] = [];
  const opts = () => ({
    now: new Date(),
    publicUrl: PUBLIC_URL,
    warn: (message: string) => {
      warnings.push(message);
    },
  });
  let hoa: string;
  let noEmail: string;
  let disabled: string;

  const emailedOf = async (ids: number[]) => {
    const rows = await db
      .select({ id: notifications.id, emailed: notifications.emailed })
      .from(notifications)
      .where(inArray(notifications.id, ids));
    return rows.map((r) => r.emailed);
  };
  const add = async (notices: Notice[]): Promise<number[]> => {
    await notify(db, notices);
    const rows = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        inArray(
          notifications.title,
          notices.map((n) => n.title),
        ),
      );
    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    sink = await startSmtpSink();
    mailer = createMailer({ SMTP_URL: sink.url, SMTP_FROM: FROM })!;
    hoa = await addUser(db, 'hoa', 'hoa@phuong.test');
    noEmail = await addUser(db, 'khong-thu', null);
    disabled = await addUser(db, 'da-khoa', 'khoa@phuong.test', true);
  });
  afterAll(async () => {
    mailer.close();
    await sink.close();
    await database.close();
  });
  beforeEach(async () => {
    // Each test starts with nothing pending and an empty mailbox.
    await db.update(notifications).set({ emailed: true });
    sink.messages.length = 0;
    sink.refuse(null);
    warnings.length = 0;
  });

  it('e-mails a committed notice once, in Vietnamese, with an absolute link', async () => {
    const title = 'Yêu cầu bổ sung minh chứng';
    const body = 'Chỉ số 1.2 của Phường Hòa An: đề nghị bổ sung quyết định số 12/QĐ-UBND.';
    const [id] = await add([
      { userId: hoa, kind: 'evidence_requested', title, body, link: '/cycles/c1/units/u1' },
    ]);
    expect(await emailedOf([id!])).toEqual([false]);

    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 1, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.to).toEqual(['hoa@phuong.test']);
    const parsed = parseMail(mail.raw);
    expect(decodeHeaderValue(parsed.headers.subject!)).toBe(`[Thước Đo] ${title}`);
    expect(decodeHeaderValue(parsed.headers.to!)).toContain('Trần Văn hoa');
    expect(parsed.text).toContain(body);
    expect(parsed.text).toContain(`${PUBLIC_URL}/cycles/c1/units/u1`);
    expect(await emailedOf([id!])).toEqual([true]);

    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  it('skips users without an address, disabled users and notices too old to be news', async () => {
    const ids = await add([
      { userId: noEmail, kind: 'returned', title: 'Không có địa chỉ', body: 'b' },
      { userId: disabled, kind: 'returned', title: 'Tài khoản bị khóa', body: 'b' },
      { userId: hoa, kind: 'returned', title: 'Thông báo cũ', body: 'b' },
    ]);
    const stale = new Date(Date.now() - (EMAIL_MAX_AGE_HOURS + 1) * 3600_000);
    await db.update(notifications).set({ createdAt: stale }).where(eq(notifications.title, 'Thông báo cũ'));
    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 0, failed: 0 });
    expect(sink.messages).toHaveLength(0);
    expect(await emailedOf(ids)).toEqual([false, false, false]);
  });

  it('sends each notice once when two instances run the job at the same time', async () => {
    // More than one claim's worth, so both runs loop and compete for rows.
    const count = 57;
    const titles = Array.from({ length: count }, (_, i) => `Đồng thời số ${i + 1}`);
    const ids = await add(titles.map((title) => ({ userId: hoa, kind: 'returned', title, body: 'b' })));
    const second = createMailer({ SMTP_URL: sink.url, SMTP_FROM: FROM })!;
    try {
      const [a, b] = await Promise.all([emailNotices(db, mailer, opts()), emailNotices(db, second, opts())]);
      expect(a.sent + b.sent).toBe(count);
      expect(a.failed + b.failed).toBe(0);
    } finally {
      second.close();
    }
    expect(sink.messages).toHaveLength(count);
    expect(new Set(subjects(sink))).toEqual(new Set(titles.map((t) => `[Thước Đo] ${t}`)));
    expect((await emailedOf(ids)).every(Boolean)).toBe(true);
  });

  it.runIf(kind === 'postgres')('passes over notices another instance holds, without waiting', async () => {
    const [heldId] = await add([
      { userId: hoa, kind: 'returned', title: 'Đang được nơi khác gửi', body: 'b' },
    ]);
    const [freeId] = await add([{ userId: hoa, kind: 'returned', title: 'Còn trống', body: 'b' }]);
    // Another instance in the middle of its claim: its transaction holds the row lock.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from notifications where id = $1 for update', [heldId]);
      const run = emailNotices(db, mailer, opts());
      const timeout = new Promise((_, reject) =>
        setTimeout(() => reject(new Error('waited for the lock')), 5000),
      );
      expect(await Promise.race([run, timeout])).toEqual({ sent: 1, failed: 0 });
      expect(subjects(sink)).toEqual(['[Thước Đo] Còn trống']);
      await other.query('rollback');
    } finally {
      await other.end();
    }
    expect(await emailedOf([heldId!, freeId!])).toEqual([false, true]);
    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 1, failed: 0 });
    expect(await emailedOf([heldId!])).toEqual([true]);
  });

  it('keeps a refused notice for a later run, without holding up the others', async () => {
    const lan = await addUser(db, 'lan', 'lan@phuong.test');
    const [refusedId] = await add([
      { userId: lan, kind: 'returned', title: 'Bị từ chối tạm thời', body: 'b' },
    ]);
    const [okId] = await add([{ userId: hoa, kind: 'returned', title: 'Gửi được', body: 'b' }]);
    sink.refuse({ command: 'RCPT', reply: '451 4.3.0 Thử lại sau', address: 'lan@phuong.test' });

    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 1, failed: 1 });
    expect(subjects(sink)).toEqual(['[Thước Đo] Gửi được']);
    expect(await emailedOf([refusedId!, okId!])).toEqual([false, true]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('lan@phuong.test');

    sink.refuse(null);
    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 1, failed: 0 });
    expect(subjects(sink)).toEqual(['[Thước Đo] Gửi được', '[Thước Đo] Bị từ chối tạm thời']);
    expect(await emailedOf([refusedId!])).toEqual([true]);
  });

  it('leaves every notice for a retry when the SMTP server cannot be reached', async () => {
    const down = await startSmtpSink();
    await down.close();
    const unreachable = createMailer({ SMTP_URL: down.url, SMTP_FROM: FROM })!;
    const ids = await add([
      { userId: hoa, kind: 'returned', title: 'Máy chủ thư ngừng 1', body: 'b' },
      { userId: hoa, kind: 'returned', title: 'Máy chủ thư ngừng 2', body: 'b' },
    ]);
    try {
      expect(await emailNotices(db, unreachable, opts())).toEqual({ sent: 0, failed: 2 });
    } finally {
      unreachable.close();
    }
    // One warning: after a connection failure the rest of the batch is not tried.
    expect(warnings).toHaveLength(1);
    expect(await emailedOf(ids)).toEqual([false, false]);

    expect(await emailNotices(db, mailer, opts())).toEqual({ sent: 2, failed: 0 });
    expect(await emailedOf(ids)).toEqual([true, true]);
  });
});
