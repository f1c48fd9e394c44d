import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { auditLog, sessions, units } from '../../db/schema';
import { testEnv } from '../../env';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const NEW_UNIT = { code: 'CSRF-1', name: 'Phường Thử', level: 'xa', kind: 'phường', validFrom: '2025-07-01' };

describe.each(dbKinds())('authentication (%s)', (kind) => {
  let t: TestApp;

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
  const me = (agent: Agent) => agent.request('GET', '/api/auth/me');
  const unitCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('admin1', 'admin');
  });
  afterAll(() => t.close());

  it('signs in with the right password and sets a HttpOnly, SameSite=Lax cookie (not Secure over http)', async () => {
    const id = await t.addUser('an.nguyen', 'organiser');
    const res = await login('An.Nguyen', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      id,
      username: 'an.nguyen',
      role: 'organiser',
      mustChangePassword: false,
    });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^thuocdo_session=[^;]{20,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(await t.auditActions(id)).toContain('login');
    expect(await t.sessionCount(id)).toBe(1);
  });

  it('answers a wrong password and an unknown user the same way (401 invalid_credentials)', async () => {
    await t.addUser('binh', 'viewer');
    const wrong = await login('binh', 'khong-dung-mat-khau');
    const unknown = await login('khong-ai-ca', 'khong-dung-mat-khau');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('GET /api/auth/me returns the session, and 401 without one', async () => {
    await t.addUser('chi', 'reviewer');
    const agent = await t.login('chi');
    const res = await me(agent);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'chi', role: 'reviewer' }, csrfToken: agent.csrf });
    const anon = await me(t.anonymous());
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('unauthenticated');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'thuocdo_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('logout ends the session in the database', async () => {
    const id = await t.addUser('dung', 'viewer');
    const agent = await t.login('dung');
    expect((await agent.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await me(agent)).statusCode).toBe(401);
    expect(await t.sessionCount(id)).toBe(0);
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'logout'), eq(auditLog.entityId, id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actorUsername).toBe('dung');
  });

  it('refuses a session past its expiry', async () => {
    const id = await t.addUser('expired', 'viewer');
    const agent = await t.login('expired');
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, id));
    expect((await me(agent)).statusCode).toBe(401);
  });

  it('refuses a write with the cookie but a missing or wrong CSRF token, changing nothing', async () => {
    const admin = await t.login('admin1');
    const before = await unitCount();
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      payload: NEW_UNIT,
      headers: { cookie: admin.cookie },
    });
    const wrongToken = await admin.request('POST', '/api/units', NEW_UNIT, {
      'x-csrf-token': `${admin.csrf}x`,
    });
    for (const res of [noToken, wrongToken]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf_failed');
    }
    expect(await unitCount()).toBe(before);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: admin.cookie },
    });
    expect(logout.json().code).toBe('csrf_failed');
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('refuses writes from another origin, even with a valid token; accepts the same origin', async () => {
    const admin = await t.login('admin1');
    const before = await unitCount();
    const host = 'thuocdo.cantho.gov.vn';
    const cross = await admin.request('POST', '/api/units', NEW_UNIT, {
      host,
      origin: 'https://evil.example',
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().code).toBe('csrf_failed');
    const garbage = await admin.request('POST', '/api/units', NEW_UNIT, { host, origin: 'not a url' });
    expect(garbage.statusCode).toBe(403);
    expect(await unitCount()).toBe(before);
    const crossLogin = await login('admin1', TEST_PASSWORD, { host, origin: 'https://evil.example' });
    expect(crossLogin.statusCode).toBe(403);
    expect(crossLogin.headers['set-cookie']).toBeUndefined();
    const same = await admin.request('POST', '/api/units', NEW_UNIT, { host, origin: `https://${host}` });
    expect(same.statusCode).toBe(200);
    expect(await unitCount()).toBe(before + 1);
  });

  it('limits login attempts per IP across instances (the 4th within a minute gets 429 rate_limited)', async () => {
    // Two instances on one database, as behind a round-robin proxy: together they allow 3, not 6.
    const instances = await Promise.all(
      [0, 1].map(() =>
        buildApp({ env: testEnv({ LOGIN_RATE_LIMIT: 3 }), db: t.database.db, dbKind: t.database.kind }),
      ),
    );
    const attempt = (i: number, remoteAddress: string) =>
      instances[i % 2]!.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin1', password: TEST_PASSWORD },
        remoteAddress,
      });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await attempt(i, '10.9.9.1');
        statuses.push(res.statusCode);
        if (i === 3) expect(res.json().code).toBe('rate_limited');
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await attempt(0, '10.1.2.3')).statusCode).toBe(200);
    } finally {
      await Promise.all(instances.map((a) => a.close()));
    }
  });
});
