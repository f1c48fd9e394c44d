import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examSessions } from '../db/schema';
import { type Caller, createExamKit, type ExamKit } from '../http/exam/exam-test-kit';
import { dbKinds } from '../testing/test-db';
import { finaliseDueAttempts } from './finalise-due';

describe.each(dbKinds())('deadline finalisation job (%s)', (kind) => {
  let kit: ExamKit;
  let pages: Caller[];
  let proctor: Caller;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 4 });
    pages = await Promise.all(kit.candidates.map((c) => kit.candidate(c.number)));
    proctor = await kit.staff('proctor');
    expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
      200,
    );
  });
  afterAll(() => kit.close());

  it('finalises each due attempt exactly once, at its deadline, graded, even with two ticks at once', async () => {
    // Candidate 1 answers everything right, candidate 2 answers one question wrong, candidate 3
    // gets 10 minutes more and must stay open, candidate 4 never answers.
    const state = (await pages[0]!.request('GET', '/api/exam/state')).json();
    const versions: string[] = state.questions.map((q: { versionId: string }) => q.versionId);
    const right = Object.fromEntries(versions.map((v) => [v, ['b']]));
    expect(
      (await pages[0]!.request('POST', '/api/exam/save', { seq: 1, answers: right, flagged: [] })).statusCode,
    ).toBe(200);
    const state2 = (await pages[1]!.request('GET', '/api/exam/state')).json();
    const versions2: string[] = state2.questions.map((q: { versionId: string }) => q.versionId);
    const oneWrong2 = { ...Object.fromEntries(versions2.map((v) => [v, ['b']])), [versions2[0]!]: ['a'] };
    expect(
      (await pages[1]!.request('POST', '/api/exam/save', { seq: 3, answers: oneWrong2, flagged: [] }))
        .statusCode,
    ).toBe(200);
    const extend = await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/extend`, {
      seconds: 600,
      candidateId: kit.candidates[2]!.id,
      reason: 'Máy tính bị treo 10 phút',
    });
    expect(extend.statusCode, extend.body).toBe(200);

    const deadline = (await kit.attempt(kit.candidates[0]!.id)).deadlineAt!;
    kit.clock.now = new Date(deadline.getTime() + kit.rules.graceSeconds * 1000);
    expect((await kit.tick()).finalised).toBe(0);

    kit.clock.now = new Date(deadline.getTime() + kit.rules.graceSeconds * 1000 + 5000);
    const [a, b] = await Promise.all([
      finaliseDueAttempts(kit.db, kit.clock.now),
      finaliseDueAttempts(kit.db, kit.clock.now),
    ]);
    expect(a.finalised + b.finalised).toBe(3);
    expect((await kit.tick()).finalised).toBe(0);

    const theory = kit.rules.sections.find((s) => s.code === 'theory')!.points;
    const first = await kit.attempt(kit.candidates[0]!.id);
    expect(first).toMatchObject({ status: 'finalised', finalisedBy: 'deadline', theoryScore: theory });
    expect(first.finalisedAt!.toISOString()).toBe(deadline.toISOString());
    const second = await kit.attempt(kit.candidates[1]!.id);
    expect(second.theoryScore).toBeCloseTo(theory - theory / versions.length, 2);
    expect((await kit.attempt(kit.candidates[3]!.id)).theoryScore).toBe(0);
    const third = await kit.attempt(kit.candidates[2]!.id);
    expect(third.status).toBe('in_progress');
    expect(third.deadlineAt!.getTime()).toBe(deadline.getTime() + 600_000);
    for (const c of [kit.candidates[0]!, kit.candidates[1]!, kit.candidates[3]!]) {
      const finals = (await kit.events(c.id)).filter((e) => e.kind === 'finalised');
      expect(finals, c.number).toHaveLength(1);
    }

    // The page of a finalised attempt shows it closed; its saves are refused.
    const closed = (await pages[0]!.request('GET', '/api/exam/state')).json();
    expect(closed.phase).toBe('finalised');
    const late = await pages[0]!.request('POST', '/api/exam/save', { seq: 2, answers: {}, flagged: [] });
    expect(late.json().code).toBe('attempt_closed');
  });

  it('ends the session by itself once every attempt is final', async () => {
    const [before] = await kit.db.select().from(examSessions).where(eq(examSessions.id, kit.sessionId));
    expect(before!.status).toBe('running');
    kit.clock.advance(600);
    const result = await kit.tick();
    expect(result.finalised).toBe(1);
    expect(result.sessionsEnded).toEqual([kit.sessionId]);
    const [after] = await kit.db.select().from(examSessions).where(eq(examSessions.id, kit.sessionId));
    expect(after!.status).toBe('ended');
  });
});

describe.each(dbKinds())('submission and pauses (%s)', (kind) => {
  let kit: ExamKit;
  let proctor: Caller;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 2 });
    proctor = await kit.staff('proctor');
  });
  afterAll(() => kit.close());

  it('a submission carries the visible answers, grades the theory and is idempotent', async () => {
    const page = await kit.candidate(kit.candidates[0]!.number);
    expect((await page.request('GET', '/api/exam/state')).json().code).toBe('exam_not_started');
    const early = await page.request('POST', '/api/exam/submit', {});
    expect(early.json().code).toBe('exam_not_started');
    expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
      200,
    );
    const state = (await page.request('GET', '/api/exam/state')).json();
    const answers = Object.fromEntries(
      state.questions.map((q: { versionId: string }) => [q.versionId, ['b']]),
    );
    kit.clock.advance(300);
    const res = await page.request('POST', '/api/exam/submit', { final: { seq: 7, answers, flagged: [] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      finalisedBy: 'candidate',
      lastSeq: 7,
      finalisedAt: kit.clock.now.toISOString(),
    });
    const attempt = await kit.attempt(kit.candidates[0]!.id);
    expect(attempt.answers).toEqual(answers);
    expect(attempt.theoryScore).toBe(kit.rules.sections.find((s) => s.code === 'theory')!.points);
    kit.clock.advance(5);
    const again = await page.request('POST', '/api/exam/submit', {});
    expect(again.json().finalisedAt).toBe(res.json().finalisedAt);
    expect((await kit.events(kit.candidates[0]!.id)).filter((e) => e.kind === 'submit')).toHaveLength(1);
  });

  it('a pause freezes the clock, the job leaves the paused session alone, and the resume moves the deadline', async () => {
    const id = kit.candidates[1]!.id;
    const page = await kit.candidate(kit.candidates[1]!.number);
    const deadline = (await kit.attempt(id)).deadlineAt!.getTime();
    const pause = await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/pause`, {
      reason: 'Mất điện phòng thi',
    });
    expect(pause.statusCode, pause.body).toBe(200);
    const frozen = (await page.request('GET', '/api/exam/status')).json();
    expect(frozen.phase).toBe('paused');
    kit.clock.advance(3600 * 2);
    expect((await kit.tick()).finalised).toBe(0);
    expect((await page.request('GET', '/api/exam/status')).json().remainingSeconds).toBe(
      frozen.remainingSeconds,
    );
    // Answers given before the pause that arrive during it are kept.
    const state = (await page.request('GET', '/api/exam/state')).json();
    const v = state.questions[0].versionId;
    expect(
      (await page.request('POST', '/api/exam/save', { seq: 1, answers: { [v]: ['c'] }, flagged: [] })).json()
        .applied,
    ).toBe(true);

    expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/resume`)).statusCode).toBe(
      200,
    );
    const moved = (await kit.attempt(id)).deadlineAt!.getTime();
    expect(moved - deadline).toBe(7200_000);
    expect((await page.request('GET', '/api/exam/status')).json().remainingSeconds).toBe(
      frozen.remainingSeconds,
    );
    const kinds = (await kit.events(id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['paused', 'resumed']));
  });

  it('extension for all moves every open deadline; the session and candidate extensions add up', async () => {
    const id = kit.candidates[1]!.id;
    const before = (await kit.attempt(id)).deadlineAt!.getTime();
    const res = await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/extend`, {
      seconds: 120,
      reason: 'Bắt đầu muộn',
    });
    expect(res.json()).toEqual({ ok: true, affected: 1 });
    expect((await kit.attempt(id)).deadlineAt!.getTime() - before).toBe(120_000);
    // The submitted attempt is not reopened.
    expect((await kit.attempt(kit.candidates[0]!.id)).status).toBe('finalised');
    const bad = await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/extend`, {
      seconds: 0,
      reason: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect((await kit.attempt(id)).deadlineAt!.getTime() - before).toBe(120_000);
  });
});
