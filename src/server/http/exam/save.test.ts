import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../testing/test-db';
import { type Caller, createExamKit, type ExamKit } from './exam-test-kit';

describe.each(dbKinds())('exam saves (%s)', (kind) => {
  let kit: ExamKit;
  let page: Caller;
  let candidateId: string;
  let versions: string[];
  let options: Record<string, string[]>;

  beforeAll(async () => {
    kit = await createExamKit(kind);
    candidateId = kit.candidates[0]!.id;
    page = await kit.candidate(kit.candidates[0]!.number);
    const proctor = await kit.staff('proctor');
    expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
      200,
    );
    const state = (await page.request('GET', '/api/exam/state')).json();
    versions = state.questions.map((q: { versionId: string }) => q.versionId);
    options = Object.fromEntries(
      state.questions.map((q: { versionId: string; options: { key: string }[] }) => [
        q.versionId,
        q.options.map((o) => o.key),
      ]),
    );
  });
  afterAll(() => kit.close());

  const save = (seq: number, answers: Record<string, string[]>, flagged: string[] = []) =>
    page.request('POST', '/api/exam/save', { seq, answers, flagged });

  it('replayed out of order and twice, the stored answers are the last saved state', async () => {
    const states = [1, 2, 3, 4].map((n) => ({
      seq: n,
      answers: Object.fromEntries(versions.slice(0, n).map((v, i) => [v, [options[v]![i % 4]!]])),
      flagged: n % 2 === 0 ? [versions[n]!] : [],
    }));
    const order = [states[1]!, states[0]!, states[3]!, states[2]!, states[3]!, states[0]!];
    const acks: { ackSeq: number; applied: boolean }[] = [];
    for (const s of order) {
      const res = await save(s.seq, s.answers, s.flagged);
      expect(res.statusCode, res.body).toBe(200);
      acks.push(res.json());
    }
    expect(acks.map((a) => a.applied)).toEqual([true, false, true, false, false, false]);
    expect(acks.map((a) => a.ackSeq)).toEqual([2, 2, 4, 4, 4, 4]);
    const stored = await kit.attempt(candidateId);
    expect(stored.lastSeq).toBe(4);
    expect(stored.answers).toEqual(states[3]!.answers);
    expect(stored.flagged).toEqual(states[3]!.flagged);
    const state = (await page.request('GET', '/api/exam/state')).json();
    expect(state.answers).toEqual(states[3]!.answers);
    expect(state.lastSeq).toBe(4);
    const kinds = (await kit.events(candidateId)).filter((e) => e.kind.startsWith('save')).map((e) => e.kind);
    expect(kinds).toEqual(['save', 'save_stale', 'save', 'save_stale', 'save_stale', 'save_stale']);
  });

  it('saves racing each other (retries from a flaky network) end with the highest sequence', async () => {
    const states = [5, 6, 7, 8, 9].map((seq) => ({
      seq,
      answers: { [versions[seq - 5]!]: [options[versions[seq - 5]!]![seq % 4]!] },
      flagged: [],
    }));
    const sends = [states[3], states[0], states[4], states[2], states[1], states[4], states[0]];
    const results = await Promise.all(sends.map((s) => save(s!.seq, s!.answers, s!.flagged)));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(results.filter((r) => r.json().applied && r.json().ackSeq === 9)).toHaveLength(1);
    const stored = await kit.attempt(candidateId);
    expect(stored.lastSeq).toBe(9);
    expect(stored.answers).toEqual(states[4]!.answers);
  });

  it('refuses a save naming an option that is not in the question, and changes nothing', async () => {
    const before = await kit.attempt(candidateId);
    const res = await save(50, { [versions[0]!]: ['z'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/phương án/);
    const after = await kit.attempt(candidateId);
    expect(after.lastSeq).toBe(before.lastSeq);
    expect(after.answers).toEqual(before.answers);
  });

  it('accepts saves until deadline + grace, then refuses them with attempt_closed and logs them', async () => {
    const attempt = await kit.attempt(candidateId);
    const deadline = attempt.deadlineAt!.getTime();
    kit.clock.now = new Date(deadline + kit.rules.graceSeconds * 1000);
    const inGrace = await save(10, { [versions[0]!]: [options[versions[0]!]![0]!] });
    expect(inGrace.statusCode, inGrace.body).toBe(200);
    expect(inGrace.json().applied).toBe(true);

    kit.clock.now = new Date(deadline + kit.rules.graceSeconds * 1000 + 1000);
    const late = await save(11, { [versions[1]!]: [options[versions[1]!]![1]!] });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('attempt_closed');
    const stored = await kit.attempt(candidateId);
    expect(stored.lastSeq).toBe(10);
    expect(stored.answers).toEqual({ [versions[0]!]: [options[versions[0]!]![0]!] });
    const refused = (await kit.events(candidateId)).filter((e) => e.kind === 'save_refused');
    expect(refused.at(-1)).toMatchObject({
      seq: 11,
      payload: { reason: 'attempt_closed', answers: { [versions[1]!]: [options[versions[1]!]![1]!] } },
    });
    // A retry of a save the server already holds is still acknowledged: the answer is durable.
    const retry = await save(10, { [versions[0]!]: [options[versions[0]!]![0]!] });
    expect(retry.json()).toMatchObject({ ackSeq: 10, applied: false });
  });
});
