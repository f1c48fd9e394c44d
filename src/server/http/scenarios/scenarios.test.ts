import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContestRules } from '../../../core/exam/rules';
import type { Scenario } from '../../../core/office/scenario';
import { validateScenario } from '../../../core/office/validate-scenario';
import { auditLog, contests, practiceScenarios } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const shipped = (file: string): Scenario =>
  JSON.parse(
    readFileSync(new URL(`../../../../templates/contest/scenarios/${file}`, import.meta.url), 'utf8'),
  );
const s2022 = shipped('cantho-2022-quan.json');
const s2023 = shipped('cantho-2023-phuong.json');

describe.each(dbKinds())('practice scenarios API (%s)', (kind) => {
  let t: TestApp;
  let organiser: Agent;
  let proctor: Agent;

  const rowCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(practiceScenarios))[0]!.n);
  const stored = async (code: string) =>
    (await t.database.db.select().from(practiceScenarios).where(eq(practiceScenarios.code, code)))[0];
  const audits = (action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'practice_scenario'), eq(auditLog.action, action)));
  const addContest = async (name: string, code: string, status: 'draft' | 'open' | 'closed') =>
    t.database.db
      .insert(contests)
      .values({ year: 2026, name, status, rules: { ...defaultContestRules(), practiceScenario: code } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('btc1', 'organiser');
    await t.addUser('gt1', 'proctor');
    organiser = await t.login('btc1');
    proctor = await t.login('gt1');
  });
  afterAll(() => t.close());

  it('lists the shipped scenarios with their points and tasks, searched without diacritics', async () => {
    const res = await organiser.request('GET', '/api/scenarios');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    const byCode = Object.fromEntries(items.map((i: { code: string }) => [i.code, i]));
    for (const s of [s2022, s2023]) {
      expect(byCode[s.code]).toMatchObject({
        name: s.name,
        year: s.year,
        totalPoints: s.totalPoints,
        taskCount: s.tasks.length,
        shipped: true,
        usedBy: 0,
        version: 1,
      });
    }
    // "phuong" (no diacritics) matches the 2023 scenario's code and name ("… phường"), not the 2022 one.
    const found = (await organiser.request('GET', '/api/scenarios?q=phuong')).json().items;
    expect(found.map((i: { code: string }) => i.code)).toEqual([s2023.code]);
    const byName = (await organiser.request('GET', `/api/scenarios?q=${encodeURIComponent('QUẬN')}`)).json();
    expect(byName.items.map((i: { code: string }) => i.code)).toEqual([s2022.code]);
  });

  it('is for organisers only: a proctor is refused', async () => {
    const res = await proctor.request('GET', `/api/scenarios/${s2022.code}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('returns a scenario as its JSON document', async () => {
    const res = await organiser.request('GET', `/api/scenarios/${s2023.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(s2023);
    // Stored as jsonb (keys by length), returned in the documented order, as the shipped file is written.
    expect(Object.keys(res.json())).toEqual(Object.keys(s2023));
    expect(Object.keys(res.json().tasks[0])).toEqual(Object.keys(s2023.tasks[0]!));
    expect((await organiser.request('GET', '/api/scenarios/khong-co-de-nay')).statusCode).toBe(404);
  });

  it('refuses an invalid scenario listing every problem, and stores nothing', async () => {
    // Three mistakes made by hand: a bad code, a mail attachment naming no file, a task whose points
    // no longer add up (which also breaks the total).
    const bad = structuredClone(s2022) as Scenario;
    bad.code = 'Sai Mã';
    bad.mails[0]!.attachments = ['khong-co-tep'];
    bad.tasks[0]!.points += 1;
    const before = await rowCount();
    const auditsBefore = (await audits('create')).length;
    const res = await organiser.request('POST', '/api/scenarios', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'mails.0.attachments.0', 'tasks.0.points']));
    expect(body.details).toEqual(validateScenario(bad));
    for (const d of body.details) expect(d.message).toMatch(/\p{L}/u);
    expect(await rowCount()).toBe(before);
    expect(await audits('create')).toHaveLength(auditsBefore);

    // Not even an object, or a list of numbers where tasks are due: problems, not a crash.
    const notObject = await organiser.request('POST', '/api/scenarios', [1, 2]);
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().details).toEqual([{ path: '', message: expect.any(String) }]);
    const numbers = await organiser.request('POST', '/api/scenarios', { ...s2022, code: 'so', tasks: [1] });
    expect(numbers.json().details).toEqual([{ path: 'tasks.0', message: expect.any(String) }]);
    expect(await rowCount()).toBe(before);
  });

  it('checks a document without storing it', async () => {
    const before = await rowCount();
    const ok = await organiser.request('POST', '/api/scenarios/validate', s2022);
    expect(ok.json()).toEqual({ problems: [] });
    const res = await organiser.request('POST', '/api/scenarios/validate', { ...s2022, totalPoints: 54 });
    expect(res.json().problems.map((p: { path: string }) => p.path)).toEqual(['totalPoints']);
    expect(await rowCount()).toBe(before);
  });

  it('creates a scenario from JSON and from a copy, refusing a code already taken', async () => {
    const doc = { ...structuredClone(s2022), code: 'quan-2026', name: 'Đề quận năm 2026', year: 2026 };
    const res = await organiser.request('POST', '/api/scenarios', doc);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'quan-2026', shipped: false, version: 1, taskCount: 4 });
    expect((await organiser.request('GET', '/api/scenarios/quan-2026')).json()).toEqual(doc);

    const copy = await organiser.request('POST', '/api/scenarios', {
      copyOf: s2023.code,
      code: 'phuong-2026',
      name: 'Đề phường năm 2026',
    });
    expect(copy.statusCode, copy.body).toBe(200);
    const copied = (await organiser.request('GET', '/api/scenarios/phuong-2026')).json();
    expect(copied).toEqual({ ...s2023, code: 'phuong-2026', name: 'Đề phường năm 2026' });
    expect((await audits('create')).map((a) => (a.after as { code: string }).code)).toEqual(
      expect.arrayContaining(['quan-2026', 'phuong-2026']),
    );

    // A taken code (a shipped one too) changes nothing.
    const before = await rowCount();
    for (const code of ['quan-2026', s2022.code]) {
      const taken = await organiser.request('POST', '/api/scenarios', {
        copyOf: s2023.code,
        code,
        name: 'X',
      });
      expect(taken.statusCode).toBe(409);
    }
    expect(await rowCount()).toBe(before);
    expect((await stored('quan-2026'))!.document).toEqual(doc);
    // A copy without a new code is refused with the problem.
    const noCode = await organiser.request('POST', '/api/scenarios', { copyOf: s2023.code, code: '' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().details.map((d: { path: string }) => d.path)).toContain('code');
  });

  it('replaces a scenario, audited; stale, invalid or renamed saves change nothing', async () => {
    const doc = (await organiser.request('GET', '/api/scenarios/quan-2026')).json() as Scenario;
    const edited = { ...doc, name: 'Đề quận năm 2026 (sửa)', description: 'Bản sửa' };
    const res = await organiser.request('PUT', '/api/scenarios/quan-2026?version=1', edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Đề quận năm 2026 (sửa)', version: 2 });
    const [audit] = await audits('update');
    expect(audit).toMatchObject({
      before: { code: 'quan-2026', version: 1, document: doc },
      after: { code: 'quan-2026', version: 2, document: edited },
    });

    const stale = await organiser.request('PUT', '/api/scenarios/quan-2026?version=1', {
      ...edited,
      name: 'Cũ',
    });
    expect(stale.statusCode).toBe(409);
    const invalid = await organiser.request('PUT', '/api/scenarios/quan-2026', { ...edited, totalPoints: 1 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().details.map((d: { path: string }) => d.path)).toEqual(['totalPoints']);
    const renamed = await organiser.request('PUT', '/api/scenarios/quan-2026', { ...edited, code: 'khac' });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().details).toEqual([{ path: 'code', message: expect.any(String) }]);
    const row = await stored('quan-2026');
    expect(row).toMatchObject({ version: 2, name: 'Đề quận năm 2026 (sửa)', document: edited });
    expect(await audits('update')).toHaveLength(1);
  });

  it('refuses to change a scenario an open contest plays, naming the contest', async () => {
    await addContest('Hội thi đang mở 2026', 'phuong-2026', 'open');
    await addContest('Hội thi nháp 2026', 'quan-2026', 'draft');
    const doc = (await organiser.request('GET', '/api/scenarios/phuong-2026')).json();
    const res = await organiser.request('PUT', '/api/scenarios/phuong-2026', { ...doc, name: 'Đổi tên' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Hội thi đang mở 2026');
    expect((await stored('phuong-2026'))!).toMatchObject({ version: 1, name: 'Đề phường năm 2026' });
    // A draft contest does not lock its scenario.
    const draftDoc = (await organiser.request('GET', '/api/scenarios/quan-2026')).json();
    expect((await organiser.request('PUT', '/api/scenarios/quan-2026', draftDoc)).statusCode).toBe(200);
    const items = (await organiser.request('GET', '/api/scenarios?q=2026')).json().items;
    expect(items.map((i: { code: string; usedBy: number }) => [i.code, i.usedBy]).sort()).toEqual([
      ['phuong-2026', 1],
      ['quan-2026', 1],
    ]);
  });

  it('deletes only an unused scenario that is not shipped', async () => {
    const before = await rowCount();
    const shippedRes = await organiser.request('DELETE', `/api/scenarios/${s2022.code}`);
    expect(shippedRes.statusCode).toBe(409);
    const used = await organiser.request('DELETE', '/api/scenarios/quan-2026');
    expect(used.statusCode).toBe(409);
    expect(used.json().message).toContain('Hội thi nháp 2026');
    expect(await rowCount()).toBe(before);
    expect(await audits('delete')).toHaveLength(0);

    const free = { ...structuredClone(s2022), code: 'de-tam', name: 'Đề tạm' };
    expect((await organiser.request('POST', '/api/scenarios', free)).statusCode).toBe(200);
    const res = await organiser.request('DELETE', '/api/scenarios/de-tam');
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored('de-tam')).toBeUndefined();
    expect(await audits('delete')).toHaveLength(1);
    expect((await organiser.request('DELETE', '/api/scenarios/de-tam')).statusCode).toBe(404);
  });

  it('previews the 2023 scenario as the sample candidate sees it: own mailbox, no phishing flag', async () => {
    const res = await organiser.request('POST', `/api/scenarios/${s2023.code}/preview`, {});
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.candidate.name).toBe('Nguyễn Văn An');
    // The scenario plants a phishing mail; the flag must not reach the view.
    expect(s2023.mails.some((m) => m.phishing)).toBe(true);
    expect(res.body).not.toMatch(/phishing/i);
    expect(res.body).not.toContain('"checks"');
    // Every seed mail is in the candidate's inbox, addressed to them, and nothing else.
    expect(view.mails).toHaveLength(s2023.mails.length);
    for (const m of view.mails) {
      expect(m.folder).toBe('inbox');
      expect([...m.to, ...m.cc]).toContain(view.candidate.email);
    }
    expect(view.documents).toHaveLength(s2023.incoming.length + s2023.drafts.length);
    expect(view.scenario.tasks.map((x: { id: string }) => x.id)).toEqual(s2023.tasks.map((x) => x.id));
  });

  it('previews the document being edited when one is sent, refusing an invalid one', async () => {
    const draft = { ...structuredClone(s2022), mails: [] };
    const res = await organiser.request('POST', `/api/scenarios/${s2022.code}/preview`, { scenario: draft });
    expect(res.json().mails).toEqual([]);
    const bad = await organiser.request('POST', `/api/scenarios/${s2022.code}/preview`, {
      scenario: { ...draft, totalPoints: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toContain('totalPoints');
  });

  it('dry-runs the untouched 2022 scenario: 0 of 55, every task and check listed with a reason', async () => {
    const res = await organiser.request('POST', `/api/scenarios/${s2022.code}/dry-run`, {});
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run).toMatchObject({ scenarioCode: s2022.code, total: 55, awarded: 0 });
    expect(run.tasks.map((x: { id: string; points: number }) => [x.id, x.points])).toEqual(
      s2022.tasks.map((x) => [x.id, x.points]),
    );
    for (const [i, task] of run.tasks.entries()) {
      expect(task.awarded).toBe(0);
      expect(task.checks.map((c: { id: string }) => c.id)).toEqual(s2022.tasks[i]!.checks.map((c) => c.id));
      for (const c of task.checks) {
        expect(c.passed).toBe(false);
        expect(c.reason.length).toBeGreaterThan(0);
      }
    }
  });
});
