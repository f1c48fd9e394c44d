import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password';
import { createTestContest, type TestContest } from '../../contests/testing';
import { auditLog, candidates } from '../../db/schema';
import { readCredentialSlips } from '../../testing/credential-slips';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

/** The PDF's text as poppler's pdftotext extracts it (reading order, one line per line). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'thuocdo-slips-'));
  try {
    const file = join(dir, 'slips.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NAMES = ['Nguyễn Thị Thu Hà', 'Đặng Quốc Việt', 'Huỳnh Ngọc Ánh', 'Trương Mỹ Lệ', 'Lưu Bá Ước'];

describe.each(dbKinds())('passwords and credential slips (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let made: TestContest;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('admin1', 'admin');
    admin = await t.login('admin1');
    made = await createTestContest(t.database.db, {
      name: 'Hội thi năng lực CNTT, chuyển đổi số năm 2026',
      status: 'draft',
      sessions: [
        { name: 'Ca sáng', room: 'Phòng máy số 3', scheduledAt: new Date('2026-06-24T07:30:00+07:00') },
        { name: 'Ca chiều', room: null },
      ],
      candidatesPerSession: NAMES.length,
      password: 'not-on-the-slips',
    });
    // Vietnamese names with every kind of tone mark, entered decomposed (NFD) as some keyboards do.
    for (const [i, c] of made.candidates.slice(0, NAMES.length).entries()) {
      await t.database.db
        .update(candidates)
        .set({ fullName: NAMES[i]!.normalize('NFD'), unitName: 'Phường Ninh Kiều' })
        .where(eq(candidates.id, c.id));
    }
  });
  afterAll(() => t.close());

  it('issues passwords for a session and returns slips whose text holds each number, name and password', async () => {
    const res = await admin.request('POST', `/api/contests/${made.contestId}/passwords`, {
      sessionId: made.sessionIds[0],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-issued-count']).toBe(String(NAMES.length));
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Hội thi năng lực CNTT, chuyển đổi số năm 2026');
    expect(text).toContain('Phòng: Phòng máy số 3');
    expect(text).toContain('07:30 ngày 24/06/2026');
    expect(text).toContain('/exam');
    const session1 = made.candidates.filter((c) => c.sessionId === made.sessionIds[0]);
    for (const [i, c] of session1.entries()) {
      expect(text).toContain(c.number);
      expect(text).toContain(NAMES[i]!);
    }
    // The other session is untouched: its candidates keep the password they had.
    const other = made.candidates.find((c) => c.sessionId === made.sessionIds[1])!;
    expect(text).not.toContain(other.number);

    // Read by position: letter spacing can make pdftotext split a password in its plain text.
    const slips = readCredentialSlips(res.rawPayload);
    expect(slips).toHaveLength(session1.length);
    for (const s of slips) expect(s.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{8}$/);
    const rows = await t.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.sessionId, made.sessionIds[0]!));
    // Each candidate's stored hash matches the password printed under their own number, and no other.
    for (const r of rows) {
      const matches = await Promise.all(slips.map((s) => verifyPassword(s.password, r.passwordHash!)));
      expect(slips.filter((_, i) => matches[i]).map((s) => s.number)).toEqual([r.number]);
    }
    const [otherRow] = await t.database.db.select().from(candidates).where(eq(candidates.id, other.id));
    expect(await verifyPassword('not-on-the-slips', otherRow!.passwordHash!)).toBe(true);
  });

  it('replaces the passwords when issued again, and audits without them', async () => {
    const one = made.candidates[0]!;
    const [before] = await t.database.db.select().from(candidates).where(eq(candidates.id, one.id));
    const res = await admin.request('POST', `/api/contests/${made.contestId}/passwords`, {
      candidateIds: [one.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [slip] = readCredentialSlips(res.rawPayload);
    const password = slip!.password;
    const [after] = await t.database.db.select().from(candidates).where(eq(candidates.id, one.id));
    expect(after!.passwordHash).not.toBe(before!.passwordHash);
    expect(await verifyPassword(password, after!.passwordHash!)).toBe(true);

    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'issue_passwords'));
    expect(audits).toHaveLength(2);
    const logged = JSON.stringify(audits);
    expect(logged).toContain(one.number);
    expect(logged).not.toContain(password);
    expect(logged).not.toContain('scrypt$');
  });

  it('refuses candidates of another contest and changes nothing', async () => {
    const another = await createTestContest(t.database.db, { candidatesPerSession: 1 });
    const res = await admin.request('POST', `/api/contests/${made.contestId}/passwords`, {
      candidateIds: [another.candidates[0]!.id],
    });
    expect(res.statusCode).toBe(404);
    const [row] = await t.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, another.candidates[0]!.id));
    expect(await verifyPassword(another.candidates[0]!.password, row!.passwordHash!)).toBe(true);
  });
});
