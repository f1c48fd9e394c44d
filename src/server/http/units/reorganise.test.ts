import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, unitLinks, units } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

type LinkRef = { id: string; code: string; kind: string; effectiveDate: string };

describe.each(dbKinds())('merging and splitting units (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  const ids: Record<string, string> = {};
  const since2020 = { validFrom: '2020-01-01' };

  /** Everything a failed reorganisation must leave untouched. */
  const snapshot = async () => ({
    units: await t.database.db.select().from(units).orderBy(asc(units.code)),
    links: await t.database.db.select().from(unitLinks).orderBy(asc(unitLinks.id)),
    audit: Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n),
  });
  const detail = async (id: string) => (await admin.request('GET', `/api/units/${id}`)).json();
  const successor = (code: string, name: string) => ({ code, name, level: 'xa', kind: 'phường' });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('admin1', 'admin');
    await t.addUser('viewer1', 'viewer');
    admin = await t.login('admin1');
    ids.A = await t.addUnit('M-A', 'Phường A', since2020);
    ids.B = await t.addUnit('M-B', 'Phường B', since2020);
    ids.C = await t.addUnit('M-C', 'Phường C', since2020);
    ids.D = await t.addUnit('M-D', 'Phường D', { validFrom: '2020-01-01', validTo: '2024-12-31' });
    ids.E = await t.addUnit('M-E', 'Phường E', since2020);
    ids.H = await t.addUnit('M-H', 'Huyện H', { ...since2020, level: 'huyen', kind: 'huyện' });
    ids.S = await t.addUnit('S-1', 'Phường Lớn', since2020);
  });
  afterAll(() => t.close());

  it('refuses a bad merger and changes nothing', async () => {
    const viewer = await t.login('viewer1');
    const before = await snapshot();
    const attempts: [object, number, string][] = [
      [
        {
          predecessorIds: [ids.A, ids.D],
          effectiveDate: '2025-07-01',
          successor: successor('M-N', 'Phường N'),
        },
        409,
        'unit_retired',
      ],
      [
        {
          predecessorIds: [ids.A, ids.H],
          effectiveDate: '2025-07-01',
          successor: successor('M-N', 'Phường N'),
        },
        400,
        'validation_failed',
      ],
      [
        {
          predecessorIds: [ids.A, ids.B],
          effectiveDate: '2025-07-01',
          successor: successor('M-C', 'Phường C'),
        },
        409,
        'unit_code_taken',
      ],
      [
        {
          predecessorIds: [ids.A, ids.B],
          effectiveDate: '2025-07-01',
          successor: { ...successor('M-N', 'Quận N'), level: 'huyen', kind: 'quận' },
        },
        400,
        'validation_failed',
      ],
      [
        {
          predecessorIds: [ids.A, ids.A],
          effectiveDate: '2025-07-01',
          successor: successor('M-N', 'Phường N'),
        },
        400,
        'validation_failed',
      ],
      [
        {
          predecessorIds: [ids.A, ids.B],
          effectiveDate: '2019-01-01',
          successor: successor('M-N', 'Phường N'),
        },
        400,
        'validation_failed',
      ],
      [
        {
          predecessorIds: [ids.A, ids.B],
          effectiveDate: '2025-02-30',
          successor: successor('M-N', 'Phường N'),
        },
        400,
        'validation_failed',
      ],
      [
        {
          predecessorIds: [ids.A, '00000000-0000-4000-8000-000000000000'],
          effectiveDate: '2025-07-01',
          successor: successor('M-N', 'Phường N'),
        },
        404,
        'unit_not_found',
      ],
      [
        { predecessorIds: [ids.A], effectiveDate: '2025-07-01', successor: successor('M-N', 'Phường N') },
        400,
        'validation_failed',
      ],
    ];
    for (const [body, status, code] of attempts) {
      const res = await admin.request('POST', '/api/units/merge', body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    const forbidden = await viewer.request('POST', '/api/units/merge', attempts[2]![0]);
    expect(forbidden.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('merges units: predecessors end the day before, links are visible both ways, all audited', async () => {
    const res = await admin.request('POST', '/api/units/merge', {
      predecessorIds: [ids.A, ids.B, ids.C],
      effectiveDate: '2025-07-01',
      successor: successor('m-abc', 'Phường ABC'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({ code: 'M-ABC', validFrom: '2025-07-01', validTo: null });
    expect(merged.predecessors.map((p: LinkRef) => [p.code, p.kind, p.effectiveDate])).toEqual([
      ['M-A', 'merge', '2025-07-01'],
      ['M-B', 'merge', '2025-07-01'],
      ['M-C', 'merge', '2025-07-01'],
    ]);
    expect(merged.successors).toEqual([]);
    for (const id of [ids.A!, ids.B!, ids.C!]) {
      const old = await detail(id);
      expect(old.validTo).toBe('2025-06-30');
      expect(old.successors.map((s: LinkRef) => [s.id, s.kind])).toEqual([[merged.id, 'merge']]);
      const retire = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
      expect(retire.map((a) => [a.action, a.after])).toEqual([['retire', { validTo: '2025-06-30' }]]);
    }
    const created = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, merged.id));
    expect(created.map((a) => a.action)).toEqual(['create']);
    const summary = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'merge'));
    expect(summary).toHaveLength(1);
    expect(summary[0]!.actorUsername).toBe('admin1');
  });

  it('refuses to merge units already merged away on that date', async () => {
    const before = await snapshot();
    const res = await admin.request('POST', '/api/units/merge', {
      predecessorIds: [ids.A, ids.E],
      effectiveDate: '2025-09-01',
      successor: successor('M-AE', 'Phường AE'),
    });
    expect(res.json().code).toBe('unit_retired');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bad split and changes nothing', async () => {
    const before = await snapshot();
    const attempts: [object, string][] = [
      [
        {
          effectiveDate: '2025-07-01',
          successors: [successor('S-2', 'Phường Hai'), successor('S-2', 'Phường Hai Bis')],
        },
        'validation_failed',
      ],
      [{ effectiveDate: '2025-07-01', successors: [successor('S-2', 'Phường Hai')] }, 'validation_failed'],
      [
        {
          effectiveDate: '2025-07-01',
          successors: [successor('S-2', 'Phường Hai'), successor('M-E', 'Phường E')],
        },
        'unit_code_taken',
      ],
      [
        {
          effectiveDate: '2025-07-01',
          successors: [
            successor('S-2', 'Phường Hai'),
            { ...successor('S-3', 'Sở Ba'), level: 'so', kind: 'sở', groupNo: 1 },
          ],
        },
        'validation_failed',
      ],
      [
        {
          effectiveDate: '2019-12-31',
          successors: [successor('S-2', 'Phường Hai'), successor('S-3', 'Phường Ba')],
        },
        'validation_failed',
      ],
    ];
    for (const [body, code] of attempts) {
      const res = await admin.request('POST', `/api/units/${ids.S}/split`, body);
      expect(res.json().code, JSON.stringify(body)).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('splits a unit into new ones starting on the date, linked both ways', async () => {
    const res = await admin.request('POST', `/api/units/${ids.S}/split`, {
      effectiveDate: '2026-01-01',
      successors: [successor('S-2', 'Phường Hai'), successor('S-3', 'Phường Ba')],
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json().items as { id: string; code: string; validFrom: string }[];
    expect(created.map((u) => [u.code, u.validFrom]).sort()).toEqual([
      ['S-2', '2026-01-01'],
      ['S-3', '2026-01-01'],
    ]);
    const source = await detail(ids.S!);
    expect(source.validTo).toBe('2025-12-31');
    expect(source.successors.map((s: LinkRef) => [s.code, s.kind]).sort()).toEqual([
      ['S-2', 'split'],
      ['S-3', 'split'],
    ]);
    for (const u of created) {
      const d = await detail(u.id);
      expect(d.predecessors.map((p: LinkRef) => [p.id, p.kind, p.effectiveDate])).toEqual([
        [ids.S, 'split', '2026-01-01'],
      ]);
    }
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'split'))).toHaveLength(1);
  });
});
