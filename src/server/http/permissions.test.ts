import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../core/shared/roles';
import { createTestApp, type TestApp } from '../testing/test-app';
import { dbKinds } from '../testing/test-db';

describe.each(dbKinds())('permissions (%s)', (kind) => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    unitA = await t.addUnit('PA', 'Phường A');
    unitB = await t.addUnit('PB', 'Phường B');
    for (const role of ROLES)
      await t.addUser(`u-${role}`, role, role === 'reporter' || role === 'candidate' ? unitA : null);
  });
  afterAll(() => t.close());

  it('every API route declares who may call it; the table is printed', async () => {
    await t.app.ready();
    const table = t.app.permissionTable;
    expect(table.length).toBeGreaterThan(10);
    const lines = table
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(36)} ${r.roles.padEnd(60)} ${r.unitScope}`)
      .sort();
    console.log(`\nPermission table\n${lines.join('\n')}`);
    for (const row of table) {
      expect(row.roles, `${row.method} ${row.url}`).not.toBe('');
      expect(['none', 'own'].includes(row.unitScope) || row.unitScope.startsWith('param:')).toBe(true);
    }
    // Routes taking a unit id in the path are scoped by it.
    for (const row of table.filter((r) => r.url.startsWith('/api/units/:id'))) {
      expect(row.unitScope, `${row.method} ${row.url}`).toBe('param:id');
    }
  });

  it('refuses to register a route without an access rule', async () => {
    const { buildApp } = await import('../app');
    const { testEnv } = await import('../env');
    const app = await buildApp({ env: testEnv(), db: t.database.db, dbKind: t.database.kind });
    expect(() => app.get('/api/unguarded', () => 'x')).toThrow(/declares no access rule/);
    await app.close();
  });

  it('a reporter reads only their own unit', async () => {
    const reporter = await t.login('u-reporter');
    expect((await reporter.request('GET', `/api/units/${unitA}`)).statusCode).toBe(200);
    const other = await reporter.request('GET', `/api/units/${unitB}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden_unit');
    const list = (await reporter.request('GET', '/api/units?status=all')).json();
    expect(list.items.map((u: { id: string }) => u.id)).toEqual([unitA]);
  });

  it("a reporter cannot change another unit's data, nor their own registry entry", async () => {
    const reporter = await t.login('u-reporter');
    const patchOther = await reporter.request('PATCH', `/api/units/${unitB}`, { name: 'Phường B đổi tên' });
    expect(patchOther.statusCode).toBe(403);
    const retireOther = await reporter.request('POST', `/api/units/${unitB}/retire`, {
      validTo: '2026-01-01',
    });
    expect(retireOther.statusCode).toBe(403);
    const patchOwn = await reporter.request('PATCH', `/api/units/${unitA}`, { name: 'Phường A đổi tên' });
    expect(patchOwn.json().code).toBe('forbidden');
    const admin = await t.login('u-admin');
    const b = (await admin.request('GET', `/api/units/${unitB}`)).json();
    expect(b.name).toBe('Phường B');
    expect(b.validTo).toBeNull();
  });

  it('each role gets exactly the unit-registry access its declaration gives', async () => {
    const writers = new Set(['admin', 'organiser']);
    for (const role of ROLES) {
      const agent = await t.login(`u-${role}`);
      const list = await agent.request('GET', '/api/units');
      expect(list.statusCode, `${role} list`).toBe(role === 'candidate' ? 403 : 200);
      const create = await agent.request('POST', '/api/units', {
        code: `N-${role}`.toUpperCase(),
        name: `Phường mới ${role}`,
        level: 'xa',
        kind: 'phường',
        validFrom: '2026-01-01',
      });
      expect(create.statusCode, `${role} create`).toBe(writers.has(role) ? 200 : 403);
      const users = await agent.request('GET', '/api/users');
      expect(users.statusCode, `${role} users`).toBe(role === 'admin' ? 200 : 403);
    }
  });

  it('anonymous callers reach only public routes', async () => {
    const anon = t.anonymous();
    expect((await anon.request('GET', '/api/health')).statusCode).toBe(200);
    const units = await anon.request('GET', '/api/units');
    expect(units.statusCode).toBe(401);
    expect(units.json()).toEqual({ code: 'unauthenticated', message: expect.any(String) });
  });
});
