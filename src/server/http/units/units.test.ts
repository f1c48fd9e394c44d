import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

type Item = { id: string; code: string; name: string };

describe.each(dbKinds())('unit registry API (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  const ids: Record<string, string> = {};

  const list = async (query: string) => {
    const res = await admin.request('GET', `/api/units?pageSize=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
  };
  const codes = async (query: string) => (await list(query)).items.map((u) => u.code).sort();
  const unitCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n);
  const auditOf = (entityId: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('admin1', 'admin');
    admin = await t.login('admin1');
    const old = { validFrom: '2020-01-01', validTo: '2025-06-30' };
    ids.HNK = await t.addUnit('H-NK', 'Quận Ninh Kiều', { level: 'huyen', kind: 'quận', ...old });
    ids.XAB = await t.addUnit('X-AB', 'Phường An Bình');
    ids.XAH = await t.addUnit('X-AH', 'Phường An Hòa', { ...old, parentId: ids.HNK });
    ids.XDTC = await t.addUnit('X-DTC', 'Phường Đặng Trần Côn');
    ids.XTL = await t.addUnit('X-TL', 'Xã Tương Lai', { kind: 'xã', validFrom: '2099-01-01' });
    ids.SNV = await t.addUnit('S-NV', 'Sở Nội vụ', { level: 'so', kind: 'sở', groupNo: 2 });
    ids.STC = await t.addUnit('S-TC', 'Sở Tài chính', { level: 'so', kind: 'sở', groupNo: 1 });
    ids.STT = await t.addUnit('S-TT', 'Sở Thông tin và Truyền thông', {
      level: 'so',
      kind: 'sở',
      groupNo: 1,
      ...old,
    });
  });
  afterAll(() => t.close());

  it('searches names ignoring diacritics and case, and codes', async () => {
    expect(await codes('q=phuong an binh')).toEqual(['X-AB']);
    expect(await codes('q=PHƯỜNG AN BÌNH')).toEqual(['X-AB']);
    expect(await codes('q=dang')).toEqual(['X-DTC']);
    expect(await codes('q=Đặng tran')).toEqual(['X-DTC']);
    expect(await codes('q=so&status=all')).toEqual(['S-NV', 'S-TC', 'S-TT']);
    expect(await codes('q=x-d')).toEqual(['X-DTC']);
    expect(await codes(`q=${encodeURIComponent('%')}&status=all`)).toEqual([]);
    expect(await codes(`q=${encodeURIComponent('_')}&status=all`)).toEqual([]);
  });

  it('filters by level, group and status (active, retired, all) and by the day in force', async () => {
    expect(await codes('')).toEqual(['S-NV', 'S-TC', 'X-AB', 'X-DTC']);
    expect(await codes('level=so')).toEqual(['S-NV', 'S-TC']);
    expect(await codes('level=so&groupNo=1&status=all')).toEqual(['S-TC', 'S-TT']);
    expect(await codes('status=retired')).toEqual(['H-NK', 'S-TT', 'X-AH']);
    expect(await codes('status=all')).toHaveLength(8);
    expect(await codes('validOn=2024-12-31')).toEqual(['H-NK', 'S-TT', 'X-AH']);
    expect(await codes('validOn=2025-06-30&level=xa')).toEqual(['X-AH']);
    expect(await codes('validOn=2025-07-01&level=xa')).toEqual(['X-AB', 'X-DTC']);
    expect(await codes('validOn=2099-06-01&level=xa')).toEqual(['X-AB', 'X-DTC', 'X-TL']);
    expect(await codes(`parentId=${ids.HNK}&status=all`)).toEqual(['X-AH']);
    // status is judged on validOn: retired = ended before that day; all ignores validity.
    expect(await codes('status=retired&validOn=2025-07-01&level=xa')).toEqual(['X-AH']);
    expect(await codes('status=retired&validOn=2025-06-30&level=xa')).toEqual([]);
    expect(await codes('status=all&validOn=2025-07-01&level=xa')).toEqual(['X-AB', 'X-AH', 'X-DTC', 'X-TL']);
    const bad = await admin.request('GET', '/api/units?validOn=2025-02-31');
    expect(bad.statusCode).toBe(400);
  });

  it('pages through results with a stable total and no unit twice', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await admin.request('GET', `/api/units?status=all&pageSize=3&page=${page}`);
      const body = res.json();
      expect(body).toMatchObject({ total: 8, page, pageSize: 3 });
      expect(body.items).toHaveLength(page <= 2 ? 3 : page === 3 ? 2 : 0);
      seen.push(...body.items.map((u: Item) => u.code));
    }
    expect(new Set(seen).size).toBe(8);
    expect((await admin.request('GET', '/api/units?pageSize=500')).statusCode).toBe(400);
  });

  it('creates a unit, normalised and audited', async () => {
    const res = await admin.request('POST', '/api/units', {
      code: ' x-new ',
      name: '  Phường   Mới ',
      level: 'xa',
      kind: 'Phường',
      parentId: ids.HNK,
      validFrom: '2024-01-01',
      validTo: '2025-06-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    const unit = res.json();
    expect(unit).toMatchObject({
      code: 'X-NEW',
      name: 'Phường Mới',
      kind: 'phường',
      parentId: ids.HNK,
      parentName: 'Quận Ninh Kiều',
    });
    const [row] = await t.database.db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toMatchObject({
      code: 'X-NEW',
      validFrom: '2024-01-01',
      validTo: '2025-06-30',
      isDemo: false,
    });
    const [audit] = await auditOf(unit.id, 'create');
    expect(audit?.actorUsername).toBe('admin1');
    expect(audit?.after).toMatchObject({ code: 'X-NEW', parentId: ids.HNK });
  });

  it('refuses invalid input with 400 and the paths of the bad fields, creating nothing', async () => {
    const before = await unitCount();
    const schema = await admin.request('POST', '/api/units', {
      code: '',
      level: 'tinh',
      kind: 'phường',
      validFrom: '31/02/2025',
    });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().code).toBe('validation_failed');
    const paths = schema.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'level', 'validFrom']));

    const cases: [object, string][] = [
      [{ code: 'S-X', name: 'Sở Mới', level: 'so', kind: 'sở', validFrom: '2025-07-01' }, 'groupNo'],
      [{ code: 'X-X', name: 'Phường X', level: 'xa', kind: 'sở', validFrom: '2025-07-01' }, 'kind'],
      [
        {
          code: 'X-X',
          name: 'Phường X',
          level: 'xa',
          kind: 'phường',
          parentId: ids.XAB,
          validFrom: '2025-07-01',
        },
        'parentId',
      ],
      [
        {
          code: 'X-X',
          name: 'Phường X',
          level: 'xa',
          kind: 'phường',
          validFrom: '2025-07-01',
          validTo: '2025-01-01',
        },
        'validTo',
      ],
      [{ code: 'A B', name: 'Phường X', level: 'xa', kind: 'phường', validFrom: '2025-07-01' }, 'code'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.request('POST', '/api/units', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(
        res.json().details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    expect(await unitCount()).toBe(before);
  });

  it('refuses a code already used, whatever its case (409 unit_code_taken)', async () => {
    const before = await unitCount();
    const res = await admin.request('POST', '/api/units', {
      code: 'x-ab',
      name: 'Phường Trùng',
      level: 'xa',
      kind: 'phường',
      validFrom: '2025-07-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('unit_code_taken');
    expect(await unitCount()).toBe(before);
  });

  it('updates a unit and records the values before and after', async () => {
    const res = await admin.request('PATCH', `/api/units/${ids.XDTC}`, {
      name: 'Phường Đặng Trần Côn Mới',
      note: 'đổi tên',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'X-DTC', name: 'Phường Đặng Trần Côn Mới', note: 'đổi tên' });
    const [audit] = await auditOf(ids.XDTC!, 'update');
    expect(audit?.before).toMatchObject({ name: 'Phường Đặng Trần Côn', note: null });
    expect(audit?.after).toMatchObject({ name: 'Phường Đặng Trần Côn Mới', note: 'đổi tên' });
    const clash = await admin.request('PATCH', `/api/units/${ids.XDTC}`, { code: 'X-AB' });
    expect(clash.json().code).toBe('unit_code_taken');
    const [row] = await t.database.db.select().from(units).where(eq(units.id, ids.XDTC!));
    expect(row?.code).toBe('X-DTC');
    const missing = await admin.request('PATCH', '/api/units/00000000-0000-4000-8000-000000000000', {
      name: 'Không có',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('unit_not_found');
  });

  it('retires a unit: it leaves the active list, and the audit holds before and after', async () => {
    const early = await admin.request('POST', `/api/units/${ids.SNV}/retire`, { validTo: '2025-06-30' });
    expect(early.statusCode).toBe(400);
    const res = await admin.request('POST', `/api/units/${ids.SNV}/retire`, {
      validTo: '2025-12-31',
      note: 'giải thể',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validTo: '2025-12-31', note: 'giải thể' });
    expect(await codes('level=so&validOn=2026-01-01')).toEqual(['S-TC']);
    expect(await codes('level=so&validOn=2025-12-31')).toEqual(['S-NV', 'S-TC']);
    const [audit] = await auditOf(ids.SNV!, 'retire');
    expect(audit?.before).toMatchObject({ code: 'S-NV', validTo: null });
    expect(audit?.after).toMatchObject({ validTo: '2025-12-31', note: 'giải thể' });
  });
});
