import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../testing/test-db';
import { type Caller, createExamKit, type ExamKit } from '../exam/exam-test-kit';

describe.each(dbKinds())('proctor console API (%s)', (kind) => {
  let kit: ExamKit;
  let proctor: Caller;
  const url = (path = '') => `/api/proctor/sessions/${kit.sessionId}${path}`;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 3 });
    proctor = await kit.staff('proctor');
  });
  afterAll(() => kit.close());

  it('lists the contest sessions; prepare assembles seeded papers and marks the versions used', async () => {
    const list = await proctor.request('GET', `/api/proctor/contests/${kit.contestId}/sessions`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: kit.sessionId,
        status: 'scheduled',
        candidateCount: 3,
        preparedCount: 0,
      }),
    ]);
    const prep = await proctor.request('POST', url('/prepare'));
    expect(prep.json()).toEqual({ ok: true, affected: 3 });
    expect((await proctor.request('POST', url('/prepare'))).json()).toEqual({ ok: true, affected: 0 });
    const a = await kit.attempt(kit.candidates[0]!.id);
    const b = await kit.attempt(kit.candidates[1]!.id);
    expect(a.status).toBe('ready');
    expect(a.paper).toHaveLength(10);
    expect(a.seed).not.toBe(b.seed);
    expect(a.paper.map((i) => i.versionId)).not.toEqual(b.paper.map((i) => i.versionId));
    const used = await kit.db.query.questionVersions.findMany();
    const drawn = new Set([a, b].flatMap((x) => x.paper.map((i) => i.versionId)));
    for (const v of used) expect(Boolean(v.usedAt), v.id).toBe(drawn.has(v.id) || Boolean(v.usedAt));
    expect(used.filter((v) => drawn.has(v.id)).every((v) => v.usedAt)).toBe(true);
  });

  it('start sets every deadline to start + duration; the live view shows each candidate', async () => {
    const page = await kit.candidate(kit.candidates[0]!.number, undefined, 'Firefox phòng 101');
    const waiting = (await page.request('GET', '/api/exam/status')).json();
    expect(waiting).toMatchObject({ phase: 'waiting', remainingSeconds: null, deadlineAt: null });
    const start = await proctor.request('POST', url('/start'));
    expect(start.json()).toEqual({ ok: true, affected: 3 });
    expect((await proctor.request('POST', url('/start'))).json().code).toBe('conflict');
    const expected = kit.clock.now.getTime() + kit.rules.durationMinutes * 60_000;
    for (const c of kit.candidates) expect((await kit.attempt(c.id)).deadlineAt!.getTime()).toBe(expected);
    const state = (await page.request('GET', '/api/exam/state')).json();
    const v = state.questions.map((q: { versionId: string }) => q.versionId);
    kit.clock.advance(30);
    await page.request('POST', '/api/exam/save', {
      seq: 1,
      answers: { [v[0]]: ['a'], [v[1]]: ['c'] },
      flagged: [],
    });

    kit.clock.advance(20);
    const live = (await proctor.request('GET', url())).json();
    expect(live.session).toMatchObject({ status: 'running', inProgressCount: 3 });
    const row = live.candidates.find((c: { number: string }) => c.number === kit.candidates[0]!.number);
    expect(row).toMatchObject({
      status: 'in_progress',
      answeredCount: 2,
      questionCount: 10,
      lastSeq: 1,
      connected: true,
      loggedIn: true,
      userAgent: 'Firefox phòng 101',
      remainingSeconds: kit.rules.durationMinutes * 60 - 50,
    });
    const absent = live.candidates.find((c: { number: string }) => c.number === kit.candidates[1]!.number);
    expect(absent).toMatchObject({ loggedIn: false, connected: false, answeredCount: 0 });
    kit.clock.advance(120);
    const later = (await proctor.request('GET', url())).json();
    expect(
      later.candidates.find((c: { number: string }) => c.number === kit.candidates[0]!.number).connected,
    ).toBe(false);
  });

  it('extends one candidate, force-submits one, then all; every action is audited and in the events', async () => {
    const [c1, c2, c3] = kit.candidates as [{ id: string }, { id: string }, { id: string }, ...unknown[]];
    const before = (await kit.attempt(c2.id)).deadlineAt!.getTime();
    const ext = await proctor.request('POST', url('/extend'), {
      seconds: 300,
      candidateId: c2.id,
      reason: 'Thí sinh khuyết tật',
    });
    expect(ext.json()).toEqual({ ok: true, affected: 1 });
    expect((await kit.attempt(c2.id)).deadlineAt!.getTime() - before).toBe(300_000);
    expect((await kit.attempt(c3.id)).deadlineAt!.getTime()).toBe(before);

    const noReason = await proctor.request('POST', url('/force-submit'), { candidateId: c1.id, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await kit.attempt(c1.id)).status).toBe('in_progress');
    const one = await proctor.request('POST', url('/force-submit'), {
      candidateId: c1.id,
      reason: 'Gian lận',
    });
    expect(one.json()).toEqual({ ok: true, affected: 1 });
    const a1 = await kit.attempt(c1.id);
    expect(a1).toMatchObject({ status: 'finalised', finalisedBy: 'proctor' });
    expect(a1.finalisedAt!.toISOString()).toBe(kit.clock.now.toISOString());
    const twice = await proctor.request('POST', url('/force-submit'), {
      candidateId: c1.id,
      reason: 'Gian lận',
    });
    expect(twice.json().code).toBe('attempt_closed');

    const all = await proctor.request('POST', url('/force-submit'), { reason: 'Hết giờ theo hiệu lệnh' });
    expect(all.json()).toEqual({ ok: true, affected: 2 });
    const live = (await proctor.request('GET', url())).json();
    expect(live.session.status).toBe('ended');
    expect(live.candidates.map((c: { status: string }) => c.status)).toEqual([
      'finalised',
      'finalised',
      'finalised',
    ]);

    const events = await proctor.request('GET', url(`/candidates/${c2.id}/events?pageSize=50`));
    expect(events.statusCode, events.body).toBe(200);
    expect(
      events
        .json()
        .items.map((e: { kind: string }) => e.kind)
        .reverse(),
    ).toEqual(['prepared', 'started', 'extended', 'force_submit']);
    const audit = await kit.db.query.auditLog.findMany({ orderBy: (a, { asc }) => asc(a.id) });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'exam_session_prepare',
        'exam_session_start',
        'exam_time_extend',
        'exam_force_submit',
        'exam_session_end',
      ]),
    );
  });

  it('refuses callers without a proctor role and unknown sessions', async () => {
    const reporter = await kit.staff('reporter');
    expect((await reporter.request('GET', url())).statusCode).toBe(403);
    const anon = await kit.app.inject({ method: 'GET', url: url() });
    expect(anon.statusCode).toBe(401);
    const organiser = await kit.staff('organiser');
    const missing = await organiser.request(
      'GET',
      '/api/proctor/sessions/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.json().code).toBe('exam_session_not_found');
  });
});
