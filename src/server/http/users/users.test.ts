import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const PASSWORD = 'Cau-mat-khau-Dai-9';

describe.each(dbKinds())('user administration (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let adminId: string;
  let unitId: string;

  const userCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n);
  const auditOf = (entityId: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: 'dang.viet',
    fullName: 'Đặng Quốc Việt',
    email: 'viet@cantho.gov.vn',
    role: 'reporter',
    unitId,
    password: PASSWORD,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    adminId = await t.addUser('admin1', 'admin');
    unitId = await t.addUnit('X-1', 'Phường An Bình');
    admin = await t.login('admin1');
  });
  afterAll(() => t.close());

  it('creates a user who must change the password at first login, audited without secrets', async () => {
    const res = await admin.request('POST', '/api/users', newUser());
    expect(res.statusCode, res.body).toBe(200);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'dang.viet',
      role: 'reporter',
      unitId,
      unitName: 'Phường An Bình',
      mustChangePassword: true,
      disabled: false,
    });
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|scrypt/);
    expect(JSON.stringify(user)).not.toContain(PASSWORD);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dang.viet', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const [audit] = await auditOf(user.id, 'create');
    expect(audit?.actorId).toBe(adminId);
    expect(audit?.after).toMatchObject({ username: 'dang.viet', role: 'reporter', unitId });
    expect(JSON.stringify(audit)).not.toMatch(/password|scrypt/i);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('refuses a taken username (409), a reporter without unit (400), a weak password and bad input', async () => {
    const before = await userCount();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [newUser(), 409, 'username_taken', 'username'],
      [newUser({ username: 'khong.donvi', unitId: null }), 400, 'validation_failed', 'unitId'],
      [
        newUser({ username: 'khong.donvi2', role: 'candidate', unitId: undefined }),
        400,
        'validation_failed',
        'unitId',
      ],
      [newUser({ username: 'yeu', password: 'aaaaabbbbb' }), 400, 'password_too_weak', 'password'],
      [newUser({ username: 'tuan.le', password: 'tuan.le-2026-abc' }), 400, 'password_too_weak', 'password'],
      [newUser({ username: 'ngan', password: 'ngan' }), 400, 'validation_failed', 'password'],
      [newUser({ username: 'Co Dau' }), 400, 'validation_failed', 'username'],
      [
        newUser({ username: 'sai.donvi', unitId: '00000000-0000-4000-8000-000000000000' }),
        404,
        'unit_not_found',
      ],
      [newUser({ username: 'sai.vaitro', role: 'superuser' }), 400, 'validation_failed', 'role'],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await admin.request('POST', '/api/users', body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
      if (path)
        expect(
          res.json().details.map((d: { path: string }) => d.path),
          code,
        ).toContain(path);
    }
    expect(await userCount()).toBe(before);
  });

  it('only an admin manages users', async () => {
    await t.addUser('org1', 'organiser');
    const organiser = await t.login('org1');
    const before = await userCount();
    const res = await organiser.request('POST', '/api/users', newUser({ username: 'boi.organiser' }));
    expect(res.statusCode).toBe(403);
    expect((await organiser.request('GET', '/api/users')).statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('lists users, searching names without diacritics and filtering by role', async () => {
    await t.addUser('tran.thi.hoa', 'viewer');
    await t.database.db
      .update(users)
      .set({ fullName: 'Trần Thị Hoà' })
      .where(eq(users.username, 'tran.thi.hoa'));
    const search = async (q: string) =>
      (
        (await admin.request('GET', `/api/users?q=${encodeURIComponent(q)}`)).json().items as {
          username: string;
        }[]
      ).map((u) => u.username);
    expect(await search('dang quoc viet')).toEqual(['dang.viet']);
    expect(await search('ĐẶNG quốc')).toEqual(['dang.viet']);
    expect(await search('tran thi hoa')).toEqual(['tran.thi.hoa']);
    expect(await search('org1')).toEqual(['org1']);
    expect(await search('%')).toEqual([]);
    const byRole = (await admin.request('GET', '/api/users?role=reporter')).json();
    expect(byRole.total).toBe(1);
    expect(byRole.items[0].username).toBe('dang.viet');
    const all = await admin.request('GET', '/api/users?pageSize=200');
    expect(all.json().total).toBe(await userCount());
    expect(all.body).not.toMatch(/passwordHash|scrypt/);
  });

  it('changes role and unit, ending the sessions, with before and after in the audit', async () => {
    const id = await t.addUser('minh', 'viewer');
    const session = await t.login('minh');
    const res = await admin.request('PATCH', `/api/users/${id}`, { role: 'reporter', unitId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'reporter', unitId });
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const [audit] = await auditOf(id, 'update');
    expect(audit?.before).toMatchObject({ role: 'viewer', unitId: null });
    expect(audit?.after).toMatchObject({ role: 'reporter', unitId });
    expect(JSON.stringify(audit)).not.toMatch(/passwordHash|scrypt/);

    const noUnit = await admin.request('PATCH', `/api/users/${id}`, { unitId: null });
    expect(noUnit.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row?.unitId).toBe(unitId);
  });

  it('a disabled user can no longer sign in and their sessions end', async () => {
    const id = await t.addUser('lan', 'viewer');
    const session = await t.login('lan');
    const res = await admin.request('PATCH', `/api/users/${id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const sessionsLeft = await t.database.db.select().from(sessions).where(eq(sessions.userId, id));
    expect(sessionsLeft).toEqual([]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lan', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('account_disabled');
    expect(login.headers['set-cookie']).toBeUndefined();
    const [audit] = await auditOf(id, 'update');
    expect(audit?.before).toMatchObject({ disabled: false });
    expect(audit?.after).toMatchObject({ disabled: true });

    expect((await admin.request('PATCH', `/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'lan', password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('an admin cannot disable themselves nor drop their own admin role', async () => {
    for (const patch of [{ disabled: true }, { role: 'viewer' }]) {
      const res = await admin.request('PATCH', `/api/users/${adminId}`, patch);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, adminId));
    expect(row).toMatchObject({ role: 'admin', disabled: false });
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect(await auditOf(adminId, 'update')).toEqual([]);
  });

  it('never writes a password hash into the audit log', async () => {
    const rows = await t.database.db.select().from(auditLog);
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toMatch(/passwordHash|password_hash|scrypt\$/);
  });
});
