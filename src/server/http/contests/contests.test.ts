import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCandidate, TContest, TExamSession } from '../../../contracts/contests';
import { defaultContestRules } from '../../../core/exam/rules';
import { createTestContest } from '../../contests/testing';
import { auditLog, contests, questionCategories, questions, questionVersions } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

describe.each(dbKinds())('contests API (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let proctor: Agent;
  let reporter: Agent;
  let candidateUser: Agent;
  let contest: TContest;
  let categoryId: string;

  const auditOf = (entityId: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

  async function addApproved(difficulty: 'easy' | 'medium' | 'hard', count: number, category: string | null) {
    for (let i = 0; i < count; i++) {
      const [q] = await t.database.db
        .insert(questions)
        .values({ difficulty, status: 'approved', categoryId: category })
        .returning({ id: questions.id });
      const [v] = await t.database.db
        .insert(questionVersions)
        .values({
          questionId: q!.id,
          versionNo: 1,
          type: 'single',
          stem: `Câu ${difficulty} ${i}`,
          options: [
            { key: 'a', text: 'Đúng', correct: true },
            { key: 'b', text: 'Sai', correct: false },
          ],
        })
        .returning({ id: questionVersions.id });
      await t.database.db.update(questions).set({ currentVersionId: v!.id }).where(eq(questions.id, q!.id));
    }
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const unitId = await t.addUnit('CT26-001', 'Phường An Bình');
    await t.addUser('admin1', 'admin');
    await t.addUser('proctor1', 'proctor');
    await t.addUser('reporter1', 'reporter', unitId);
    await t.addUser('thisinh1', 'candidate', unitId);
    admin = await t.login('admin1');
    proctor = await t.login('proctor1');
    reporter = await t.login('reporter1');
    candidateUser = await t.login('thisinh1');
    const [cat] = await t.database.db
      .insert(questionCategories)
      .values({ name: 'An toàn thông tin' })
      .returning({ id: questionCategories.id });
    categoryId = cat!.id;
  });
  afterAll(() => t.close());

  it('creates a contest with the default rules and audits it', async () => {
    const res = await admin.request('POST', '/api/contests', { year: 2026, name: 'Hội thi năm 2026' });
    expect(res.statusCode, res.body).toBe(200);
    contest = res.json();
    expect(contest.status).toBe('draft');
    expect(contest.rules).toEqual(defaultContestRules());
    expect(await auditOf(contest.id, 'create')).toHaveLength(1);
  });

  it('refuses rules whose sections do not add up to the scale, with a Vietnamese message, changing nothing', async () => {
    const rules = {
      ...defaultContestRules(),
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 45 },
        { code: 'practice', name: 'Thực hành', points: 50 },
      ],
    };
    const res = await admin.request('PATCH', `/api/contests/${contest.id}`, { rules });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().message).toContain('Tổng điểm các phần thi (95) phải bằng thang điểm (100)');
    expect(res.json().details).toContainEqual(expect.objectContaining({ path: 'rules.sections' }));
    const [row] = await t.database.db.select().from(contests).where(eq(contests.id, contest.id));
    expect(row!.rules.sections.map((s) => s.points)).toEqual([60, 40]);
  });

  it('saves the 2022 split 45/55 and a category row in the blueprint', async () => {
    const rules = {
      ...defaultContestRules(),
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 45 },
        { code: 'practice', name: 'Thực hành', points: 55 },
      ],
      blueprint: [
        { difficulty: 'easy', count: 3 },
        { categoryId, difficulty: 'hard', count: 2 },
      ],
    };
    const res = await admin.request('PATCH', `/api/contests/${contest.id}`, { rules });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rules.sections.map((s: { points: number }) => s.points)).toEqual([45, 55]);
    expect(await auditOf(contest.id, 'update')).toHaveLength(1);
  });

  it('checks the blueprint against approved questions only, row by row', async () => {
    await addApproved('easy', 4, null);
    await addApproved('hard', 1, categoryId);
    // A draft question does not count.
    await t.database.db.insert(questions).values({ difficulty: 'hard', status: 'draft', categoryId });
    const res = await admin.request('POST', `/api/contests/${contest.id}/blueprint-check`, {});
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect(check.ok).toBe(false);
    expect(check.rows.map((r: { available: number; needed: number }) => [r.available, r.needed])).toEqual([
      [4, 3],
      [1, 2],
    ]);
    expect(check.rows[1].label).toContain('An toàn thông tin');
  });

  it('will not open while the bank lacks questions, then opens once it has them', async () => {
    const refused = await admin.request('POST', `/api/contests/${contest.id}/status`, { status: 'open' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('chưa thể mở kỳ thi');
    await addApproved('hard', 1, categoryId);
    const res = await admin.request('POST', `/api/contests/${contest.id}/status`, { status: 'open' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('open');
    expect(await auditOf(contest.id, 'set_status')).toHaveLength(1);
  });

  it('locks the rules once open (contest_locked) but still lets the name change', async () => {
    const res = await admin.request('PATCH', `/api/contests/${contest.id}`, {
      rules: { ...defaultContestRules(), durationMinutes: 90 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('contest_locked');
    const [row] = await t.database.db.select().from(contests).where(eq(contests.id, contest.id));
    expect(row!.rules.durationMinutes).toBe(60);
    const renamed = await admin.request('PATCH', `/api/contests/${contest.id}`, {
      name: 'Hội thi 2026 (đợt 1)',
    });
    expect(renamed.statusCode).toBe(200);
  });

  it('refuses a transition that skips a step', async () => {
    const created = (
      await admin.request('POST', '/api/contests', { year: 2027, name: 'Hội thi 2027' })
    ).json();
    const res = await admin.request('POST', `/api/contests/${created.id}/status`, { status: 'closed' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Không thể chuyển');
  });

  describe('sessions and candidates', () => {
    let draft: TContest;
    let s1: TExamSession;
    let s2: TExamSession;

    beforeAll(async () => {
      draft = (await admin.request('POST', '/api/contests', { year: 2026, name: 'Kỳ thi có ca' })).json();
      const ids = await createTestContest(t.database.db, {
        status: 'draft',
        candidatesPerSession: 0,
        sessions: [],
      });
      expect(ids.sessionIds).toEqual([]);
    });

    it('creates sessions with a room and time, refusing a duplicate name', async () => {
      const add = (name: string, at: string) =>
        admin.request('POST', `/api/contests/${draft.id}/sessions`, {
          name,
          room: 'Phòng máy 1',
          scheduledAt: at,
        });
      const r1 = await add('Ca 1', '2026-06-24T07:30:00+07:00');
      expect(r1.statusCode, r1.body).toBe(200);
      s1 = r1.json();
      expect(s1.scheduledAt).toBe('2026-06-24T00:30:00.000Z');
      s2 = (await add('Ca 2', '2026-06-24T09:30:00+07:00')).json();
      const dup = await add('ca 1', '2026-06-24T13:30:00+07:00');
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toContain('Ca 1');
      const list = await proctor.request('GET', `/api/contests/${draft.id}/sessions`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((s: TExamSession) => s.name)).toEqual(['Ca 1', 'Ca 2']);
    });

    it('assigns candidates in bulk, edits, searches without diacritics and filters', async () => {
      const made = await createTestContest(t.database.db, { status: 'draft', candidatesPerSession: 4 });
      // Candidates of another contest cannot be assigned here.
      const foreign = await admin.request('POST', `/api/contests/${draft.id}/assign-session`, {
        candidateIds: [made.candidates[0]!.id],
        sessionId: s1.id,
      });
      expect(foreign.statusCode).toBe(404);

      const list = await admin.request('GET', `/api/contests/${made.contestId}/candidates?pageSize=2`);
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(4);
      expect(list.json().items).toHaveLength(2);
      const summary = (await admin.request('GET', `/api/contests/${made.contestId}`)).json();
      expect([summary.sessionCount, summary.candidateCount]).toEqual([1, 4]);

      const sessionsOfMade = (await admin.request('GET', `/api/contests/${made.contestId}/sessions`)).json()
        .items;
      const extra = await admin.request('POST', `/api/contests/${made.contestId}/sessions`, {
        name: 'Ca chiều',
        room: null,
        scheduledAt: '2026-06-24T13:30:00+07:00',
      });
      const assigned = await admin.request('POST', `/api/contests/${made.contestId}/assign-session`, {
        candidateIds: made.candidates.slice(0, 2).map((c) => c.id),
        sessionId: extra.json().id,
      });
      expect(assigned.json()).toEqual({ count: 2 });
      const inExtra = await admin.request(
        'GET',
        `/api/contests/${made.contestId}/candidates?sessionId=${extra.json().id}`,
      );
      expect(
        inExtra
          .json()
          .items.map((c: TCandidate) => c.id)
          .sort(),
      ).toEqual(
        made.candidates
          .slice(0, 2)
          .map((c) => c.id)
          .sort(),
      );
      expect(sessionsOfMade).toHaveLength(1);
      const counts = (await admin.request('GET', `/api/contests/${made.contestId}/sessions`)).json().items;
      expect(counts.map((x: TExamSession) => [x.name, x.candidateCount]).sort()).toEqual([
        ['Ca 1', 2],
        ['Ca chiều', 2],
      ]);

      const edited = await admin.request(
        'PATCH',
        `/api/contests/${made.contestId}/candidates/${made.candidates[3]!.id}`,
        { fullName: 'Đặng Thị Hồng Nhung', position: 'Phó Chủ tịch UBND' },
      );
      expect(edited.statusCode, edited.body).toBe(200);
      const found = await admin.request(
        'GET',
        `/api/contests/${made.contestId}/candidates?q=dang%20thi%20hong`,
      );
      expect(found.json().items.map((c: TCandidate) => c.fullName)).toEqual(['Đặng Thị Hồng Nhung']);

      const taken = await admin.request(
        'PATCH',
        `/api/contests/${made.contestId}/candidates/${made.candidates[3]!.id}`,
        { number: made.candidates[0]!.number },
      );
      expect(taken.statusCode).toBe(409);
      expect(taken.json().message).toContain('đã được dùng');
    });

    it('records time accommodations in the audit log with the reason', async () => {
      const made = await createTestContest(t.database.db, { candidatesPerSession: 1 });
      const c = made.candidates[0]!;
      const res = await admin.request(
        'POST',
        `/api/contests/${made.contestId}/candidates/${c.id}/accommodation`,
        {
          extraMinutes: 15,
          reason: 'Thị lực kém',
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().extraMinutes).toBe(15);
      const [entry] = await auditOf(c.id, 'set_accommodation');
      expect(entry!.after).toMatchObject({ extraSeconds: 900, reason: 'Thị lực kém' });
      expect(entry!.before).toMatchObject({ extraSeconds: 0 });
      const tooMuch = await admin.request(
        'POST',
        `/api/contests/${made.contestId}/candidates/${c.id}/accommodation`,
        {
          extraMinutes: 500,
        },
      );
      expect(tooMuch.statusCode).toBe(400);
    });

    it('deletes candidates only while the contest is a draft', async () => {
      const open = await createTestContest(t.database.db, { status: 'open', candidatesPerSession: 1 });
      const refused = await admin.request('POST', `/api/contests/${open.contestId}/candidates/delete`, {
        candidateIds: [open.candidates[0]!.id],
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('contest_locked');

      const draftMade = await createTestContest(t.database.db, { status: 'draft', candidatesPerSession: 2 });
      const res = await admin.request('POST', `/api/contests/${draftMade.contestId}/candidates/delete`, {
        candidateIds: [draftMade.candidates[0]!.id],
      });
      expect(res.json()).toEqual({ count: 1 });
      const rest = await admin.request('GET', `/api/contests/${draftMade.contestId}/candidates`);
      expect(rest.json().total).toBe(1);
      expect(await auditOf(draftMade.candidates[0]!.id, 'delete')).toHaveLength(1);
    });

    it('refuses to delete a session that still has candidates', async () => {
      const made = await createTestContest(t.database.db, { status: 'draft', candidatesPerSession: 1 });
      const res = await admin.request(
        'DELETE',
        `/api/contests/${made.contestId}/sessions/${made.sessionIds[0]}`,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('còn 1 thí sinh');
      const empty = await admin.request('DELETE', `/api/contests/${draft.id}/sessions/${s2.id}`);
      expect(empty.statusCode, empty.body).toBe(200);
    });
  });

  describe('permissions', () => {
    it('lets a proctor read contests and sessions but not change them', async () => {
      expect((await proctor.request('GET', '/api/contests')).statusCode).toBe(200);
      expect((await proctor.request('GET', `/api/contests/${contest.id}`)).statusCode).toBe(200);
      const write = await proctor.request('POST', '/api/contests', { year: 2026, name: 'Không được tạo' });
      expect(write.statusCode).toBe(403);
    });

    it('keeps reporters and candidate accounts away from contests and candidates', async () => {
      for (const agent of [reporter, candidateUser]) {
        const res = await agent.request('GET', `/api/contests/${contest.id}/candidates`);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('forbidden');
        expect((await agent.request('GET', '/api/contests')).statusCode).toBe(403);
      }
      const anonymous = await t.anonymous().request('GET', `/api/contests/${contest.id}/candidates`);
      expect(anonymous.statusCode).toBe(401);
    });

    it('answers contest_not_found for an unknown contest', async () => {
      const res = await admin.request('GET', '/api/contests/00000000-0000-4000-8000-000000000000/candidates');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('contest_not_found');
      const n = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(contests);
      expect(Number(n[0]!.n)).toBeGreaterThan(0);
    });
  });
});
