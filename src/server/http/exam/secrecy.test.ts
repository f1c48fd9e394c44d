import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql-rows';
import { dbKinds } from '../../testing/test-db';
import { createExamKit, type ExamKit, SECRET_MARK } from './exam-test-kit';

describe.each(dbKinds())('what reaches the candidate (%s)', (kind) => {
  let kit: ExamKit;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 2 });
  });
  afterAll(() => kit.close());

  it('no response to a candidate carries an answer key, before or after finalisation', async () => {
    const [planted] = await queryRows<{ n: number }>(
      kit.db,
      sql`select count(*)::int as n from question_versions where explanation like ${`%${SECRET_MARK}%`}
          and options::text like '%"correct": true%'`,
    );
    expect(Number(planted!.n)).toBeGreaterThan(0);

    const bodies: string[] = [];
    const login = await kit.loginResponse(kit.candidates[0]!.number);
    bodies.push(login.body);
    const page = await kit.candidate(kit.candidates[1]!.number);
    const record = async (method: string, url: string, body?: unknown) => {
      const res = await page.request(method, url, body);
      bodies.push(res.body);
      return res;
    };
    await record('GET', '/api/exam/me');
    await record('GET', '/api/exam/status');
    await record('GET', '/api/exam/state');
    await record('GET', '/api/exam/time');
    const proctor = await kit.staff('proctor');
    await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`);
    const state = (await record('GET', '/api/exam/state')).json();
    expect(state.questions).toHaveLength(10);
    for (const q of state.questions) {
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['key', 'text']);
    }
    const v = state.questions[0].versionId;
    await record('POST', '/api/exam/save', { seq: 1, answers: { [v]: ['b'] }, flagged: [v] });
    await record('POST', '/api/exam/save', { seq: 1, answers: { [v]: ['b'] }, flagged: [v] });
    await record('POST', '/api/exam/save', { seq: 2, answers: { [v]: ['q'] }, flagged: [] });
    await record('GET', '/api/exam/status');
    await record('POST', '/api/exam/submit', {});
    await record('GET', '/api/exam/state');

    for (const body of bodies) {
      expect(body).not.toContain(SECRET_MARK);
      expect(body).not.toMatch(/"correct"/);
      expect(body).not.toMatch(/explanation|theoryScore|grading/);
    }
  });

  it("a candidate's API is bound to their own attempt: another's saves and state never mix in", async () => {
    // TS001 still holds the attempt from the first test's login: a new PC needs the proctor.
    await expect(kit.candidate(kit.candidates[0]!.number, undefined, 'PC-A')).rejects.toThrow(
      /login_elsewhere/,
    );
    const proctor = await kit.staff('proctor');
    const id1 = kit.candidates[0]!.id;
    await proctor.request(
      'POST',
      `/api/proctor/sessions/${kit.sessionId}/candidates/${id1}/allow-relogin`,
      {},
    );
    const one = await kit.candidate(kit.candidates[0]!.number, undefined, 'PC-A');
    const s1 = (await one.request('GET', '/api/exam/state')).json();
    const attempt1 = await kit.attempt(id1);
    const attempt2 = await kit.attempt(kit.candidates[1]!.id);
    expect(s1.attemptId).toBe(attempt1.id);
    expect(s1.attemptId).not.toBe(attempt2.id);
    expect(s1.questions.map((q: { versionId: string }) => q.versionId)).toEqual(
      attempt1.paper.map((i) => i.versionId),
    );
    // A save naming a question that is not in this candidate's paper is refused and changes nothing.
    const foreign = attempt2.paper
      .map((i) => i.versionId)
      .find((v) => !attempt1.paper.some((i) => i.versionId === v));
    const res = await one.request('POST', '/api/exam/save', {
      seq: 1,
      answers: { [foreign ?? '00000000-0000-4000-8000-000000000000']: ['a'] },
      flagged: [],
    });
    expect(res.statusCode).toBe(400);
    expect((await kit.attempt(id1)).lastSeq).toBe(0);
    expect((await kit.attempt(kit.candidates[1]!.id)).answers).toEqual(attempt2.answers);
    // Once an attempt is final nothing is left to protect: its candidate may sign in anywhere.
    await expect(kit.candidate(kit.candidates[1]!.number, undefined, 'PC-B')).resolves.toBeTruthy();
  });
});
