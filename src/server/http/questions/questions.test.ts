import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questions, questionVersions } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const single = (stem: string, extra: Record<string, unknown> = {}) => ({
  type: 'single',
  stem,
  options: [
    { key: 'a', text: 'Tính xác thực', correct: false },
    { key: 'b', text: 'Tính bí mật', correct: true },
    { key: 'c', text: 'Tính toàn vẹn', correct: false },
  ],
  difficulty: 'medium',
  ...extra,
});

describe.each(dbKinds())('question bank API (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let organiser: Agent;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('qadmin', 'admin');
    await t.addUser('qorg', 'organiser');
    await t.addUser('qproctor', 'proctor');
    await t.addUser('qviewer', 'viewer');
    admin = await t.login('qadmin');
    organiser = await t.login('qorg');
  });
  afterAll(() => t.close());

  const create = async (body: unknown, who = admin) => {
    const res = await who.request('POST', '/api/questions', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const category = async (name: string, parentId: string | null = null) => {
    const res = await admin.request('POST', '/api/question-categories', { name, parentId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };

  it('finds "chữ ký số" when searching "chu ky so", also inside an option', async () => {
    const q = await create(single('Chữ ký số KHÔNG bảo đảm tính chất nào?'));
    await create(single('Văn bản đi có mấy bước?'));
    await create(
      single('Điều nào sau đây đúng?', {
        options: [
          { key: 'a', text: 'Chứng thư số do NEAC cấp', correct: true },
          { key: 'b', text: 'Không cần xác thực', correct: false },
        ],
      }),
    );
    const res = await admin.request('GET', '/api/questions?q=chu%20ky%20so');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([q.id]);
    const byOption = await admin.request('GET', '/api/questions?q=chung%20thu%20so');
    expect(byOption.json().items.map((i: { stem: string }) => i.stem)).toEqual(['Điều nào sau đây đúng?']);
  });

  it('filters by category including subcategories, type, difficulty, status and tag, with pages', async () => {
    const law = await category('Pháp luật');
    const sign = await category('Chữ ký số', law);
    const other = await category('Văn thư');
    await create(single('Câu trong danh mục con', { categoryId: sign, tags: ['nd68'], difficulty: 'hard' }));
    await create(single('Câu trong danh mục cha', { categoryId: law }));
    await create({
      type: 'true_false',
      stem: 'Văn bản điện tử được hệ thống cấp số.',
      options: [
        { key: 'dung', text: 'Đúng', correct: true },
        { key: 'sai', text: 'Sai', correct: false },
      ],
      categoryId: other,
      difficulty: 'easy',
    });
    const stems = async (qs: string) =>
      (await admin.request('GET', `/api/questions?${qs}`))
        .json()
        .items.map((i: { stem: string }) => i.stem)
        .sort();
    expect(await stems(`categoryId=${law}`)).toEqual(['Câu trong danh mục cha', 'Câu trong danh mục con']);
    expect(await stems(`categoryId=${sign}`)).toEqual(['Câu trong danh mục con']);
    expect(await stems('type=true_false')).toEqual(['Văn bản điện tử được hệ thống cấp số.']);
    expect(await stems('difficulty=hard')).toEqual(['Câu trong danh mục con']);
    expect(await stems('tag=nd68')).toEqual(['Câu trong danh mục con']);
    expect(await stems('status=approved')).toEqual([]);
    const page = (await admin.request('GET', '/api/questions?pageSize=2&page=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(6);
    const cats = (await admin.request('GET', '/api/question-categories')).json();
    expect(cats.items.find((c: { id: string }) => c.id === sign).questionCount).toBe(1);
  });

  it('refuses an invalid question with every problem in Vietnamese and stores nothing', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(questions);
    const res = await admin.request('POST', '/api/questions', {
      type: 'single',
      stem: '  ',
      options: [{ key: 'a', text: 'Một', correct: false }],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toContain('stem');
    expect(paths).toContain('options');
    expect(res.json().message).toMatch(/không được để trống/);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(questions);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('edits an unused version in place, and makes version 2 when the version was used', async () => {
    const q = await create(single('Thông tư 03/2014 có mấy mô-đun cơ bản?'));
    const inPlace = await admin.request('PATCH', `/api/questions/${q.id}`, {
      stem: 'Thông tư 03/2014 quy định mấy mô-đun cơ bản?',
    });
    expect(inPlace.statusCode, inPlace.body).toBe(200);
    expect(inPlace.json().versionNo).toBe(1);
    expect(inPlace.json().versions).toHaveLength(1);

    await t.database.db
      .update(questionVersions)
      .set({ usedAt: new Date() })
      .where(eq(questionVersions.id, q.versionId));
    const meta = await admin.request('PATCH', `/api/questions/${q.id}`, {
      tags: ['tt03'],
      difficulty: 'easy',
    });
    expect(meta.json().versionNo).toBe(1);

    const edited = await admin.request('PATCH', `/api/questions/${q.id}`, {
      stem: 'Có mấy mô-đun kỹ năng CNTT cơ bản?',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const detail = edited.json();
    expect(detail.versionNo).toBe(2);
    expect(detail.stem).toBe('Có mấy mô-đun kỹ năng CNTT cơ bản?');
    expect(detail.used).toBe(false);
    expect(detail.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    const [old] = await t.database.db
      .select()
      .from(questionVersions)
      .where(eq(questionVersions.id, q.versionId));
    expect(old!.stem).toBe('Thông tư 03/2014 quy định mấy mô-đun cơ bản?');
    expect(old!.usedAt).not.toBeNull();
    expect(await t.auditActions(q.id)).toEqual(['create', 'update', 'update', 'new_version']);
  });

  it('approves, sends back to draft, and a content edit of an approved question makes it a draft', async () => {
    const q = await create(single('Ngày Chuyển đổi số quốc gia là ngày nào?'));
    const ok = await organiser.request('POST', `/api/questions/${q.id}/approve`);
    expect(ok.json().status).toBe('approved');
    expect(
      (await admin.request('GET', '/api/questions?status=approved'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(q.id);
    const tagOnly = await admin.request('PATCH', `/api/questions/${q.id}`, { tags: ['qd505'] });
    expect(tagOnly.json().status).toBe('approved');
    const edited = await admin.request('PATCH', `/api/questions/${q.id}`, { explanation: 'QĐ 505/QĐ-TTg' });
    expect(edited.json().status).toBe('draft');
    await admin.request('POST', `/api/questions/${q.id}/approve`);
    const back = await admin.request('POST', `/api/questions/${q.id}/unapprove`);
    expect(back.json().status).toBe('draft');
    expect(await t.auditActions(q.id)).toEqual([
      'create',
      'approve',
      'update',
      'update',
      'approve',
      'unapprove',
    ]);
  });

  it('soft-deletes: the question leaves the bank, its versions stay', async () => {
    const q = await create(single('Câu sẽ bị xóa'));
    const res = await admin.request('DELETE', `/api/questions/${q.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.request('GET', `/api/questions/${q.id}`)).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/questions?q=cau%20se%20bi%20xoa')).json().total).toBe(0);
    const versions = await t.database.db
      .select()
      .from(questionVersions)
      .where(eq(questionVersions.questionId, q.id));
    expect(versions).toHaveLength(1);
    expect(await t.auditActions(q.id)).toEqual(['create', 'delete']);
  });

  it('refuses to delete a category in use, a duplicate name, or a move into itself', async () => {
    const root = await category('Kỹ năng');
    const child = await category('Thư điện tử', root);
    await create(single('Câu về thư điện tử', { categoryId: child }));
    const inUse = await admin.request('DELETE', `/api/question-categories/${root}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('question_category_in_use');
    expect(inUse.json().message).toMatch(/danh mục con/);
    const childInUse = await admin.request('DELETE', `/api/question-categories/${child}`);
    expect(childInUse.json().message).toMatch(/1 câu hỏi/);
    const dup = await admin.request('POST', '/api/question-categories', { name: 'ky nang', parentId: null });
    expect(dup.statusCode).toBe(409);
    const loop = await admin.request('PATCH', `/api/question-categories/${root}`, { parentId: child });
    expect(loop.statusCode).toBe(400);
    const empty = await category('Trống');
    expect((await admin.request('DELETE', `/api/question-categories/${empty}`)).statusCode).toBe(200);
    expect(await t.auditActions(empty)).toEqual(['create', 'delete']);
  });

  it('lets only admin and organiser see or change the bank', async () => {
    for (const user of ['qproctor', 'qviewer']) {
      const agent = await t.login(user);
      expect((await agent.request('GET', '/api/questions')).statusCode).toBe(403);
      expect((await agent.request('GET', '/api/question-categories')).statusCode).toBe(403);
      expect((await agent.request('POST', '/api/questions', single('x'))).statusCode).toBe(403);
      expect((await agent.request('GET', '/api/questions/export')).statusCode).toBe(403);
    }
    expect((await t.anonymous().request('GET', '/api/questions')).statusCode).toBe(401);
    expect((await organiser.request('GET', '/api/questions')).statusCode).toBe(200);
  });
});
