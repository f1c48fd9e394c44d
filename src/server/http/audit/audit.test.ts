import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

type Entry = {
  id: number;
  action: string;
  entity: string;
  entityId: string | null;
  actorUsername: string | null;
  at: string;
};

/** The messages of an error and its causes (drivers wrap the database's message). */
function messages(e: unknown): string {
  const parts: string[] = [];
  for (let cur = e as { message?: string; cause?: unknown } | undefined; cur; cur = cur.cause as typeof cur) {
    parts.push(String(cur.message));
  }
  return parts.join(' | ');
}

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    return messages(e);
  }
  throw new Error('expected the statement to be refused');
}

describe.each(dbKinds())('audit log (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let unitId: string;

  const query = async (q: string) => {
    const res = await admin.request('GET', `/api/audit?pageSize=200&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Entry[]; total: number };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('admin1', 'admin');
    await t.addUser('org1', 'organiser');
    unitId = await t.addUnit('X-1', 'Phường Một');
    admin = await t.login('admin1');
    const organiser = await t.login('org1');
    await organiser.request('PATCH', `/api/units/${unitId}`, { name: 'Phường Một Mới' });
    await admin.request('POST', `/api/units/${unitId}/retire`, { validTo: '2026-12-31' });
    // Two events either side of midnight in Việt Nam (UTC+7) on 1-2 January 2025.
    await t.database.db.insert(auditLog).values([
      { action: 'test_event', entity: 'probe', entityId: 'late', at: new Date('2025-01-01T16:59:00Z') },
      { action: 'test_event', entity: 'probe', entityId: 'early', at: new Date('2025-01-01T17:00:00Z') },
    ]);
  });
  afterAll(() => t.close());

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    const before = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(before.length).toBeGreaterThan(3);
    const statements = [
      sql`update audit_log set action = 'tampered'`,
      sql`update audit_log set before = null where id = ${before[0]!.id}`,
      sql`delete from audit_log where id = ${before[0]!.id}`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ];
    for (const statement of statements) {
      expect(await failure(() => t.database.db.execute(statement))).toMatch(/append-only/);
    }
    expect(await t.database.db.select().from(auditLog).orderBy(asc(auditLog.id))).toEqual(before);
  });

  it('still accepts new entries', async () => {
    const before = (await query('')).total;
    await t.database.db.insert(auditLog).values({ action: 'test_append', entity: 'probe' });
    expect((await query('')).total).toBe(before + 1);
  });

  it('filters by actor, entity, entity id and action', async () => {
    const byOrganiser = await query('actor=ORG1');
    expect(byOrganiser.total).toBeGreaterThanOrEqual(2);
    expect(byOrganiser.items.every((e) => e.actorUsername === 'org1')).toBe(true);
    expect(byOrganiser.items.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'update']));

    const unitEvents = await query(`entity=unit&entityId=${unitId}`);
    expect(unitEvents.items.map((e) => [e.action, e.actorUsername])).toEqual([
      ['retire', 'admin1'],
      ['update', 'org1'],
    ]);
    const updates = await query('entity=unit&action=update');
    expect(updates.items.map((e) => e.entityId)).toEqual([unitId]);
    expect((await query('action=no_such_action')).total).toBe(0);
  });

  it('filters by calendar day in Asia/Ho_Chi_Minh, both bounds inclusive', async () => {
    const day = async (q: string) =>
      (await query(`entity=probe&action=test_event&${q}`)).items.map((e) => e.entityId);
    expect(await day('from=2025-01-01&to=2025-01-01')).toEqual(['late']);
    expect(await day('from=2025-01-02&to=2025-01-02')).toEqual(['early']);
    expect(await day('from=2025-01-02')).toEqual(['early']);
    expect(await day('to=2025-01-01')).toEqual(['late']);
    expect((await day('from=2025-01-01&to=2025-01-02')).sort()).toEqual(['early', 'late']);
    expect(await day('from=2025-01-03')).toEqual([]);
    expect((await admin.request('GET', '/api/audit?from=2025-02-30')).statusCode).toBe(400);
  });

  it('lists newest first and pages with a total', async () => {
    const all = await query('');
    const ids = all.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page2 = (await admin.request('GET', '/api/audit?pageSize=2&page=2')).json();
    expect(page2.total).toBe(all.total);
    expect(page2.items.map((e: Entry) => e.id)).toEqual(ids.slice(2, 4));
  });

  it('is readable by admins only', async () => {
    for (const role of ['organiser', 'reviewer', 'council', 'viewer'] as const) {
      await t.addUser(`u-${role}`, role);
      const res = await (await t.login(`u-${role}`)).request('GET', '/api/audit');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const anon = await t.anonymous().request('GET', '/api/audit');
    expect(anon.statusCode).toBe(401);
  });
});
