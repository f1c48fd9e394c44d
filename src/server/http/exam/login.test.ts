import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../testing/test-db';
import { createExamKit, type ExamKit } from './exam-test-kit';

describe.each(dbKinds())('candidate login (%s)', (kind) => {
  let kit: ExamKit;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 6 });
  });
  afterAll(() => kit.close());

  it('signs in with số báo danh and password into an httpOnly cookie limited to the exam API', async () => {
    const res = await kit.loginResponse(kit.candidates[0]!.number);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^thuocdo_exam=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/exam/);
    expect(res.json()).toMatchObject({
      candidate: { number: kit.candidates[0]!.number, fullName: kit.candidates[0]!.fullName },
      session: { id: kit.sessionId, name: 'Ca 1' },
      csrfToken: expect.any(String),
    });
    const wrong = await kit.loginResponse(kit.candidates[1]!.number, 'sai-mat-khau');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'Số báo danh hoặc mật khẩu không đúng',
    });
    const unknown = await kit.loginResponse('TS999');
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('one active login: a second PC is refused with login_elsewhere, the proctor sees it and can allow the move', async () => {
    const id = kit.candidates[2]!.id;
    const first = await kit.candidate(kit.candidates[2]!.number, undefined, 'PC-12');
    expect((await first.request('GET', '/api/exam/me')).statusCode).toBe(200);
    const second = await kit.loginResponse(kit.candidates[2]!.number, undefined, { 'user-agent': 'PC-30' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('login_elsewhere');
    expect(second.json().message).toMatch(/giám thị/);
    // The same browser logging in again keeps its place.
    const again = await kit.loginResponse(kit.candidates[2]!.number, undefined, { cookie: first.cookie });
    expect(again.statusCode).toBe(200);
    const firstAgain = String(again.headers['set-cookie']).split(';')[0]!;

    const proctor = await kit.staff('proctor');
    const live = (await proctor.request('GET', `/api/proctor/sessions/${kit.sessionId}`)).json();
    const row = live.candidates.find((c: { candidateId: string }) => c.candidateId === id);
    expect(row).toMatchObject({ refusedLogins: 1, loggedIn: true, connected: true, status: 'not_prepared' });

    const allow = await proctor.request(
      'POST',
      `/api/proctor/sessions/${kit.sessionId}/candidates/${id}/allow-relogin`,
      { reason: 'Máy số 12 hỏng bàn phím' },
    );
    expect(allow.statusCode, allow.body).toBe(200);
    const moved = await kit.candidate(kit.candidates[2]!.number, undefined, 'PC-30');
    expect((await moved.request('GET', '/api/exam/me')).statusCode).toBe(200);
    const old = await kit.app.inject({
      method: 'GET',
      url: '/api/exam/status',
      headers: { cookie: firstAgain },
    });
    expect(old.statusCode).toBe(409);
    expect(old.json().code).toBe('login_elsewhere');
    // The permission is used up: a third PC is refused again.
    const third = await kit.loginResponse(kit.candidates[2]!.number, undefined, { 'user-agent': 'PC-31' });
    expect(third.json().code).toBe('login_elsewhere');
    const kinds = (await kit.events(id)).map((e) => e.kind);
    expect(kinds).toEqual(['login', 'login_refused', 'login', 'relogin_allowed', 'login', 'login_refused']);
    expect(
      await kit.database.db.query.auditLog.findFirst({ where: (a, { eq }) => eq(a.entityId, id) }),
    ).toMatchObject({
      action: 'exam_relogin_allow',
    });
  });

  it('a login whose reply was lost is replaced by the same browser retrying; a used one is not', async () => {
    const c = kit.candidates[5]!;
    const pc = { 'user-agent': 'PC-07' };
    const lost = await kit.loginResponse(c.number, undefined, pc);
    expect(lost.statusCode).toBe(200);
    // The cookie never arrived; the page tries again.
    const retry = await kit.loginResponse(c.number, undefined, pc);
    expect(retry.statusCode, retry.body).toBe(200);
    const oldCookie = String(lost.headers['set-cookie']).split(';')[0]!;
    const old = await kit.app.inject({ method: 'GET', url: '/api/exam/me', headers: { cookie: oldCookie } });
    expect(old.json().code).toBe('login_elsewhere');
    // Once the login has been used, a login without its cookie is another PC, even with the same browser.
    const cookie = String(retry.headers['set-cookie']).split(';')[0]!;
    kit.clock.advance(2);
    const used = await kit.app.inject({ method: 'GET', url: '/api/exam/me', headers: { cookie, ...pc } });
    expect(used.statusCode).toBe(200);
    const other = await kit.loginResponse(c.number, undefined, pc);
    expect(other.json().code).toBe('login_elsewhere');
    const logins = (await kit.events(c.id)).filter((e) => e.kind === 'login');
    expect(logins.map((e) => (e.payload as { lostReply: boolean }).lostReply)).toEqual([false, true]);
  });

  it('locks a number after 5 wrong passwords; the proctor unlocks it', async () => {
    const id = kit.candidates[1]!.id;
    // One wrong password was given in the first test; three more, then the fifth.
    for (let i = 0; i < 3; i++)
      expect((await kit.loginResponse(kit.candidates[1]!.number, `sai-${i}`)).statusCode).toBe(401);
    const locked = await kit.loginResponse(kit.candidates[1]!.number, 'sai-5');
    expect(locked.statusCode).toBe(401);
    const refused = await kit.loginResponse(kit.candidates[1]!.number);
    expect(refused.statusCode).toBe(423);
    expect(refused.json().code).toBe('account_locked');
    const proctor = await kit.staff('proctor');
    await proctor.request(
      'POST',
      `/api/proctor/sessions/${kit.sessionId}/candidates/${id}/allow-relogin`,
      {},
    );
    expect((await kit.loginResponse(kit.candidates[1]!.number)).statusCode).toBe(200);
    const kinds = (await kit.events(id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'login_failed')).toHaveLength(5);
    expect(kinds).toContain('login_locked');
  });

  it('exam writes need the login CSRF token; the exam API refuses staff sessions and staff routes refuse exam logins', async () => {
    const page = await kit.candidate(kit.candidates[3]!.number, undefined, 'PC-04');
    const noCsrf = await page.request(
      'POST',
      '/api/exam/save',
      { seq: 1, answers: {}, flagged: [] },
      { 'x-csrf-token': '' },
    );
    expect(noCsrf.json().code).toBe('csrf_failed');
    const foreign = await page.request(
      'POST',
      '/api/exam/save',
      { seq: 1, answers: {}, flagged: [] },
      {
        origin: 'https://tan-cong.example',
      },
    );
    expect(foreign.json().code).toBe('csrf_failed');

    const admin = await kit.staff('admin');
    expect((await admin.request('GET', '/api/exam/state')).statusCode).toBe(401);
    const examCookie = { cookie: page.cookie };
    for (const url of [`/api/proctor/sessions/${kit.sessionId}`, '/api/units', '/api/auth/me']) {
      const res = await kit.app.inject({ method: 'GET', url, headers: examCookie });
      expect(res.statusCode, url).toBe(401);
    }
    const reporter = await kit.staff('reporter');
    const forbidden = await reporter.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`);
    expect(forbidden.statusCode).toBe(403);
  });

  it('logging out is refused while the attempt runs, allowed before the start', async () => {
    const page = await kit.candidate(kit.candidates[4]!.number, undefined, 'PC-05');
    const out = await page.request('POST', '/api/exam/logout');
    expect(out.statusCode, out.body).toBe(200);
    expect((await page.request('GET', '/api/exam/status')).statusCode).toBe(401);
    const proctor = await kit.staff('proctor');
    expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
      200,
    );
    const back = await kit.candidate(kit.candidates[4]!.number, undefined, 'PC-05');
    const refused = await back.request('POST', '/api/exam/logout');
    expect(refused.statusCode).toBe(409);
    expect((await back.request('GET', '/api/exam/status')).json().phase).toBe('in_progress');
  });
});
