import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

describe.each(dbKinds())('lock-out and passwords (%s)', (kind) => {
  let t: TestApp;
  let adminId: string;

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
  const me = (agent: Agent) => agent.request('GET', '/api/auth/me');

  beforeAll(async () => {
    t = await createTestApp(kind);
    adminId = await t.addUser('admin1', 'admin');
  });
  afterAll(() => t.close());

  it('locks an account after 5 wrong passwords, refusing even the right one, until an admin unlocks it', async () => {
    const id = await t.addUser('giang', 'viewer');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('giang', `sai-mat-khau-${i}`)).json().code);
    expect(codes).toEqual([...Array(4).fill('invalid_credentials'), 'account_locked']);
    const right = await login('giang', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('account_locked');
    expect(right.headers['set-cookie']).toBeUndefined();
    const actions = await t.auditActions(id);
    expect(actions.filter((a) => a === 'account_locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'login_failed')).toHaveLength(4);
    const [row] = await t.database.db
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

    const admin = await t.login('admin1');
    const unlocked = await admin.request('POST', `/api/users/${id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login('giang', TEST_PASSWORD)).statusCode).toBe(200);
    const [unlockAudit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'unlock')));
    expect(unlockAudit?.actorId).toBe(adminId);
  });

  it('admin reset gives a temporary password that must be changed, and ends the old sessions', async () => {
    const id = await t.addUser('hoa', 'reporter', await t.addUnit('HOA-1', 'Phường Hòa'));
    const old = await t.login('hoa');
    const admin = await t.login('admin1');
    const res = await admin.request('POST', `/api/users/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const temporary: string = res.json().temporaryPassword;
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    expect((await me(old)).statusCode).toBe(401);
    expect((await login('hoa', TEST_PASSWORD)).json().code).toBe('invalid_credentials');
    const fresh = await login('hoa', temporary);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);
    expect(await t.auditActions(id)).toContain('password_reset');
    const reporter = await t.login('hoa', temporary);
    expect((await reporter.request('POST', `/api/users/${adminId}/reset-password`)).statusCode).toBe(403);
  });

  it('change password: wrong current, weak new, then success ending the other sessions only', async () => {
    const id = await t.addUser('khanh', 'viewer');
    const a = await t.login('khanh');
    const b = await t.login('khanh');
    const wrong = await a.request('POST', '/api/auth/change-password', {
      currentPassword: 'sai',
      newPassword: 'Mot-mat-khau-moi-1',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('wrong_password');
    for (const weak of ['aaaaabbbbb', 'khanh-12345678', TEST_PASSWORD]) {
      const res = await a.request('POST', '/api/auth/change-password', {
        currentPassword: TEST_PASSWORD,
        newPassword: weak,
      });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().code, weak).toBe('password_too_weak');
    }
    expect((await login('khanh', TEST_PASSWORD)).statusCode).toBe(200);
    expect(await t.sessionCount(id)).toBe(3);

    const ok = await a.request('POST', '/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Cau-hoi-Moi-2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
    expect(await t.sessionCount(id)).toBe(1);
    expect((await login('khanh', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('khanh', 'Cau-hoi-Moi-2026')).statusCode).toBe(200);
    expect(await t.auditActions(id)).toContain('password_changed');
  });
});
