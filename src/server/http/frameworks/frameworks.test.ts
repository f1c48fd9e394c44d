import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../core/framework/model';
import { frameworkVersions } from '../../db/schema';
import { lockFrameworkVersion } from '../../framework/lock-version';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';
import { sampleFramework } from './fixture';

type Version = { id: string; code: string; year: number; versionNo: number; name: string };

describe.each(dbKinds())('index-set API (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let organiser: Agent;
  let reporter: Agent;
  let viewer: Agent;

  const create = async (doc: Framework, agent = admin) => {
    const res = await agent.request('POST', '/api/frameworks', { document: doc });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const stored = async (id: string) =>
    (await t.database.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, id)))[0]!;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const unit = await t.addUnit('X-AB', 'Phường An Bình');
    await t.addUser('admin1', 'admin');
    await t.addUser('org1', 'organiser');
    await t.addUser('rep1', 'reporter', unit);
    await t.addUser('view1', 'viewer');
    admin = await t.login('admin1');
    organiser = await t.login('org1');
    reporter = await t.login('rep1');
    viewer = await t.login('view1');
  });
  afterAll(() => t.close());

  it('creates a version from a document, with totals, node count and validation', async () => {
    const body = await create(sampleFramework());
    expect(body).toMatchObject({ code: 'thu-xa', year: 2025, level: 'xa', versionNo: 1, illustrative: true });
    expect(body.totalMax).toBe(100);
    expect(body.nodeCount).toBe(7);
    expect(body.validation.errors).toEqual([]);
    expect(body.document.nodes[0].children[0].children[1].rule).toEqual({
      type: 'ratio',
      whenDenominatorZero: 'zero',
    });
    expect(await t.auditActions(body.id)).toEqual(['create']);
    // The same set and year again is the next version.
    expect((await create(sampleFramework())).versionNo).toBe(2);
  });

  it('creates an empty set from its metadata, and reports its total against the nominal maximum', async () => {
    const { formatVersion: _f, nodes: _n, ...meta } = sampleFramework({ code: 'rong', name: 'Bộ rỗng' });
    const res = await organiser.request('POST', '/api/frameworks', { meta });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ nodeCount: 0, totalMax: 0, versionNo: 1 });
    expect(body.validation.errors.length).toBeGreaterThan(0);
  });

  it('refuses a document with repeated codes or bad fields, with Vietnamese messages, storing nothing', async () => {
    const before = (await admin.request('GET', '/api/frameworks?pageSize=200')).json().total;
    const doc = sampleFramework({ code: 'trung-ma' });
    doc.nodes[1]!.children![0]!.code = '1.1.1';
    const dup = await admin.request('POST', '/api/frameworks', { document: doc });
    expect(dup.statusCode).toBe(422);
    expect(dup.json()).toMatchObject({ code: 'framework_invalid' });
    expect(dup.json().message).toContain('1.1.1');
    const bad = await admin.request('POST', '/api/frameworks', {
      document: sampleFramework({ code: 'Mã Sai', year: 1800 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toMatch(/Năm không hợp lệ|Mã bộ chỉ số/);
    expect((await admin.request('GET', '/api/frameworks?pageSize=200')).json().total).toBe(before);
  });

  it('lists versions filtered by year and level, searching without diacritics, paginated', async () => {
    await create(sampleFramework({ code: 'so-thu', name: 'Bộ chỉ số cấp sở', level: 'so', year: 2024 }));
    const codes = async (q: string) =>
      (await viewer.request('GET', `/api/frameworks?pageSize=200&${q}`))
        .json()
        .items.map((v: Version) => v.code);
    expect(await codes('year=2024')).toEqual(['so-thu']);
    expect(await codes('level=so')).toEqual(['so-thu']);
    expect(await codes('q=cap so')).toEqual(['so-thu']);
    expect(await codes('q=THỬ NGHIỆM')).toEqual(['thu-xa', 'thu-xa']);
    expect(await codes('q=%25')).toEqual([]);
    const page = (await viewer.request('GET', '/api/frameworks?pageSize=2&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items).toHaveLength(2);
  });

  it('lets every signed-in user read, and only admins and organisers write', async () => {
    const v = await create(sampleFramework({ code: 'quyen' }));
    expect((await reporter.request('GET', `/api/frameworks/${v.id}`)).statusCode).toBe(200);
    expect((await t.anonymous().request('GET', '/api/frameworks')).statusCode).toBe(401);
    const attempts = [
      reporter.request('POST', '/api/frameworks', { document: sampleFramework({ code: 'cua-rep' }) }),
      reporter.request('PATCH', `/api/frameworks/${v.id}`, { name: 'Đổi tên' }),
      reporter.request('PUT', `/api/frameworks/${v.id}/nodes/2.1`, {
        code: '2.1',
        kind: 'main',
        name: 'x',
        maxPoints: 1,
      }),
      reporter.request('DELETE', `/api/frameworks/${v.id}/nodes/2.1`),
      reporter.request('POST', `/api/frameworks/${v.id}/clone`, { year: 2026 }),
      viewer.request('POST', `/api/frameworks/${v.id}/nodes/2/move`, { parentCode: null, index: 0 }),
      organiser.request('POST', `/api/frameworks/${v.id}/lock`, { reason: 'Thử khóa' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const row = await stored(v.id);
    expect(row.document).toEqual(v.document);
    expect(row.lockedAt).toBeNull();
    expect(await t.auditActions(v.id)).toEqual(['create']);
  });

  it('edits a leaf rule, adds, moves and deletes nodes, each audited', async () => {
    const v = await create(sampleFramework({ code: 'sua' }));
    const put = await organiser.request('PUT', `/api/frameworks/${v.id}/nodes/1.1.3`, {
      code: '1.1.3',
      kind: 'component',
      name: 'Có chuyên mục chuyển đổi số trên cổng thông tin',
      maxPoints: 20,
      rule: { type: 'count', cap: 4 },
      evidence: '  ',
    });
    expect(put.statusCode, put.body).toBe(200);
    const leaf = put.json().document.nodes[0].children[0].children[2];
    expect(leaf).toEqual({
      code: '1.1.3',
      kind: 'component',
      name: 'Có chuyên mục chuyển đổi số trên cổng thông tin',
      maxPoints: 20,
      rule: { type: 'count', cap: 4 },
    });

    const add = await organiser.request('POST', `/api/frameworks/${v.id}/nodes`, {
      parentCode: '2.1',
      node: {
        code: '2.1.1',
        kind: 'component',
        name: 'Số tổ công nghệ',
        maxPoints: 40,
        rule: { type: 'yes_no' },
      },
    });
    expect(add.statusCode, add.body).toBe(200);
    const main = add.json().document.nodes[1].children[0];
    // The parent is no leaf any more: its own rule is gone.
    expect(main.rule).toBeUndefined();
    expect(main.children.map((n: { code: string }) => n.code)).toEqual(['2.1.1']);

    const badRule = await organiser.request('PUT', `/api/frameworks/${v.id}/nodes/1.1.1`, {
      code: '1.1.1',
      kind: 'component',
      name: 'Ban Chỉ đạo họp định kỳ',
      maxPoints: 20,
      rule: { type: 'steps', steps: [{ min: 4, points: 25 }] },
    });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().message).toContain('25');
    expect(badRule.json().details[0].path).toBe('rule');

    const clash = await organiser.request('POST', `/api/frameworks/${v.id}/nodes`, {
      parentCode: null,
      node: { code: '1.1.1', kind: 'pillar', name: 'Trùng', maxPoints: 1 },
    });
    expect(clash.statusCode).toBe(409);

    const move = await organiser.request('POST', `/api/frameworks/${v.id}/nodes/1.1.3/move`, {
      parentCode: '1.1',
      index: 0,
    });
    expect(move.statusCode, move.body).toBe(200);
    expect(move.json().document.nodes[0].children[0].children.map((n: { code: string }) => n.code)).toEqual([
      '1.1.3',
      '1.1.1',
      '1.1.2',
    ]);
    const intoSelf = await organiser.request('POST', `/api/frameworks/${v.id}/nodes/1/move`, {
      parentCode: '1.1',
      index: 0,
    });
    expect(intoSelf.statusCode).toBe(400);

    const del = await organiser.request('DELETE', `/api/frameworks/${v.id}/nodes/1.1.2`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().nodeCount).toBe(7);
    // 60 − 20 = 40 under "1.1" whose maximum is 60: the mismatch is reported.
    expect(del.json().validation.errors.map((e: { path: string }) => e.path)).toContain('1.1');
    const missing = await organiser.request('DELETE', `/api/frameworks/${v.id}/nodes/9.9`);
    expect(missing.statusCode).toBe(404);

    expect(await t.auditActions(v.id)).toEqual([
      'create',
      'update_node',
      'add_node',
      'move_node',
      'delete_node',
    ]);
  });

  it('updates metadata and policy but not code, year or level', async () => {
    const v = await create(sampleFramework({ code: 'meta' }));
    const res = await admin.request('PATCH', `/api/frameworks/${v.id}`, {
      name: 'Bộ chỉ số đã đổi tên',
      source: 'Quyết định thử',
      policy: { ...v.document.policy, missing: 'not_applicable' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Bộ chỉ số đã đổi tên', code: 'meta' });
    expect(res.json().document).toMatchObject({
      source: 'Quyết định thử',
      policy: { missing: 'not_applicable' },
    });
    expect((await stored(v.id)).name).toBe('Bộ chỉ số đã đổi tên');
  });

  it('changes bands and groups from the set form; an empty legal basis or group list removes the field', async () => {
    const v = await create(sampleFramework({ code: 'xep-loai', source: 'Quyết định cũ' }));
    const bands = [
      { code: 'tot', label: 'Tốt', minValue: 0.85 },
      { code: 'dat', label: 'Đạt', minValue: 0 },
    ];
    const res = await admin.request('PATCH', `/api/frameworks/${v.id}`, {
      source: '  ',
      groups: [],
      policy: { ...v.document.policy, bands },
    });
    expect(res.statusCode, res.body).toBe(200);
    const doc = (await stored(v.id)).document;
    expect(doc.policy.bands).toEqual(bands);
    expect('source' in doc).toBe(false);
    expect('groups' in doc).toBe(false);
    expect(await t.auditActions(v.id)).toEqual(['create', 'update']);
  });

  it('refuses set fields that do not hold together, with Vietnamese messages, and changes nothing', async () => {
    const v = await create(sampleFramework({ code: 'xep-loai-sai' }));
    const before = await stored(v.id);
    const res = await admin.request('PATCH', `/api/frameworks/${v.id}`, {
      name: 'Tên mới',
      groups: [
        { no: 1, name: 'Nhóm 1' },
        { no: 1, name: 'Nhóm 1 lần nữa' },
      ],
      policy: {
        ...v.document.policy,
        bands: [
          { code: 'a', label: 'A', minValue: 0.5 },
          { code: 'b', label: 'B', minValue: 0.9 },
          { code: 'c', label: 'C', minValue: 0.7 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json().details).toEqual([
      { path: 'groups', message: 'Nhóm 1 bị khai báo hai lần' },
      {
        path: 'policy.bands',
        message: 'Các mức xếp loại phải xếp theo ngưỡng tăng dần hoặc giảm dần, không trùng ngưỡng',
      },
    ]);
    const after = await stored(v.id);
    expect(after.document).toEqual(before.document);
    expect(after.name).toBe(before.name);
    expect(await t.auditActions(v.id)).toEqual(['create']);
  });

  it('keeps a province-level set (the national DTI) at level tinh, listed and filtered as such', async () => {
    const doc = {
      ...sampleFramework({ code: 'dti-tinh-thu', name: 'DTI cấp tỉnh thử' }),
      level: 'tinh' as const,
    };
    const v = await create(doc);
    expect(v).toMatchObject({ level: 'tinh', code: 'dti-tinh-thu' });
    expect(v.validation.errors).toEqual([]);
    expect((await stored(v.id)).level).toBe('tinh');
    const list = await viewer.request('GET', '/api/frameworks?level=tinh&pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    const codes = list.json().items.map((i: { code: string }) => i.code);
    expect(codes).toContain('dti-tinh-thu');
    expect(codes).not.toContain('thu-xa');
    const bad = await admin.request('POST', '/api/frameworks', { document: { ...doc, level: 'quoc_gia' } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.body).toContain('Cấp của bộ chỉ số phải là tinh, so, huyen hoặc xa');
  });

  it('a locked version refuses every write and changes nothing; it can still be cloned', async () => {
    const v = await create(sampleFramework({ code: 'khoa' }));
    expect(await lockFrameworkVersion(t.database.db, v.id, 'Kỳ đánh giá 2025 đã công bố')).toBe(true);
    expect(await lockFrameworkVersion(t.database.db, v.id, 'Lần hai')).toBe(false);
    const before = await stored(v.id);
    const node = { code: '2.1', kind: 'main', name: 'Đổi', maxPoints: 40 };
    const attempts = [
      admin.request('PATCH', `/api/frameworks/${v.id}`, { name: 'Đổi tên' }),
      admin.request('PUT', `/api/frameworks/${v.id}/nodes/2.1`, node),
      admin.request('POST', `/api/frameworks/${v.id}/nodes`, {
        parentCode: null,
        node: { ...node, code: '3' },
      }),
      admin.request('DELETE', `/api/frameworks/${v.id}/nodes/2.1`),
      admin.request('POST', `/api/frameworks/${v.id}/nodes/2/move`, { parentCode: null, index: 0 }),
    ];
    for (const res of attempts) {
      const r = await res;
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toMatchObject({
        code: 'framework_locked',
        message: 'Bộ chỉ số đã được dùng trong kỳ đánh giá đã công bố; hãy nhân bản để tạo phiên bản mới',
      });
    }
    const after = await stored(v.id);
    expect(after.document).toEqual(before.document);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.lockedReason).toBe('Kỳ đánh giá 2025 đã công bố');
    expect(await t.auditActions(v.id)).toEqual(['create', 'lock']);

    const clone = await organiser.request('POST', `/api/frameworks/${v.id}/clone`, { year: 2027 });
    expect(clone.statusCode, clone.body).toBe(200);
    const c = clone.json();
    expect(c).toMatchObject({ code: 'khoa', year: 2027, versionNo: 1, basedOnId: v.id, lockedAt: null });
    expect(c.basedOn).toMatchObject({ id: v.id, year: 2025 });
    expect(c.document.year).toBe(2027);
    expect(c.document.nodes).toEqual(v.document.nodes);
    const again = (await organiser.request('POST', `/api/frameworks/${v.id}/clone`, { year: 2027 })).json();
    expect(again.versionNo).toBe(2);
    expect(await t.auditActions(c.id)).toEqual(['clone']);
    const badYear = await organiser.request('POST', `/api/frameworks/${v.id}/clone`, { year: 1999 });
    expect(badYear.statusCode).toBe(400);
  });

  it('compares two versions: added, removed, renamed and changed nodes', async () => {
    const v = await create(sampleFramework({ code: 'so-sanh' }));
    const c = (await admin.request('POST', `/api/frameworks/${v.id}/clone`, { year: 2026 })).json();
    const node = (code: string, name: string, maxPoints: number, rule?: unknown) => ({
      code,
      kind: 'component',
      name,
      maxPoints,
      ...(rule ? { rule } : {}),
    });
    await admin.request(
      'PUT',
      `/api/frameworks/${c.id}/nodes/1.1.1`,
      node('1.1.9', 'Ban Chỉ đạo họp', 20, {
        type: 'yes_no',
      }),
    );
    await admin.request(
      'PUT',
      `/api/frameworks/${c.id}/nodes/1.1.2`,
      node('1.1.2', 'Tỷ lệ văn bản', 25, {
        type: 'ratio',
        whenDenominatorZero: 'zero',
      }),
    );
    await admin.request('DELETE', `/api/frameworks/${c.id}/nodes/1.1.3`);
    await admin.request('POST', `/api/frameworks/${c.id}/nodes`, {
      parentCode: '1.1',
      node: node('1.1.4', 'Họp không giấy', 15, { type: 'yes_no' }),
    });
    const res = await viewer.request('GET', `/api/frameworks/compare?from=${v.id}&to=${c.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.from.id).toBe(v.id);
    expect(d.added.map((n: { code: string }) => n.code)).toEqual(['1.1.4']);
    expect(d.removed.map((n: { code: string }) => n.code)).toEqual(['1.1.3']);
    expect(d.renamed).toEqual([
      expect.objectContaining({
        code: '1.1.9',
        oldCode: '1.1.1',
        fields: expect.arrayContaining(['name', 'rule']),
      }),
    ]);
    expect(d.changed).toEqual([
      expect.objectContaining({ code: '1.1.2', fields: expect.arrayContaining(['name', 'maxPoints']) }),
    ]);
    expect(
      (await viewer.request('GET', `/api/frameworks/compare?from=${v.id}&to=${v.id}`)).json(),
    ).toMatchObject({
      added: [],
      removed: [],
      renamed: [],
      changed: [],
    });
  });

  it('exports a version as JSON that creates the same set again', async () => {
    const v = await create(sampleFramework({ code: 'xuat' }));
    const res = await viewer.request('GET', `/api/frameworks/${v.id}/export.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('xuat-2025-v1.json');
    const again = await create(JSON.parse(res.body));
    expect(again.document).toEqual(v.document);
    expect(again.versionNo).toBe(2);
  });

  it('answers framework_not_found for an unknown version', async () => {
    const res = await viewer.request('GET', '/api/frameworks/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('framework_not_found');
  });
});
