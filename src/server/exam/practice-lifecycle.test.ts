import { performance } from 'node:perf_hooks';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProctorLive } from '../../contracts/proctor';
import { roundPoints } from '../../core/exam/points';
import { issuePasswords } from '../contests/issue-passwords';
import { attempts, candidates, practiceCertificates, practiceFiles, practiceSandboxes } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { createExamKit, type ExamKit } from '../http/exam/exam-test-kit';
import { examJobs } from '../jobs/exam-jobs';
import { loadSandbox } from '../office/sandbox-store';
import { sendDraftToClerk } from '../office/send-to-clerk';
import { signDraft } from '../office/sign-draft';
import { readCredentialSlips } from '../testing/credential-slips';
import { dbKinds } from '../testing/test-db';
import { prepareSession } from './prepare-session';

const SCENARIO = 'cantho-2022-quan';
/** The 2022 scenario's outgoing draft the candidate signs and sends to the văn thư. */
const DRAFT_KEY = 'qd-to-cong-tac-cds';
const SYSTEM = { id: null, username: 'system', ip: null };
/** Set PRACTICE_PREPARE_BENCH=50 to time preparing that many attempts with seeding (skipped otherwise). */
const BENCH = Number(process.env.PRACTICE_PREPARE_BENCH ?? 0);

async function sandboxesOf(kit: ExamKit) {
  return queryRows<{ attemptId: string; candidateId: string; scenarioCode: string }>(
    kit.db,
    sql`select p.attempt_id as "attemptId", a.candidate_id as "candidateId", p.scenario_code as "scenarioCode"
        from practice_sandboxes p join attempts a on a.id = p.attempt_id
        where a.session_id = ${kit.sessionId}`,
  );
}

/** Correct answers to the first `n` questions of the candidate's paper (the kit's keys). */
async function answerAndSubmit(kit: ExamKit, number: string, n: number, password?: string) {
  const page = await kit.candidate(number, password);
  const state = (await page.request('GET', '/api/exam/state')).json();
  const answers = Object.fromEntries(
    (state.questions as { versionId: string }[])
      .slice(0, n)
      .map((q) => [q.versionId, kit.keys[q.versionId]!]),
  );
  const save = await page.request('POST', '/api/exam/save', { seq: 1, answers, flagged: [] });
  expect(save.statusCode, save.body).toBe(200);
  const submit = await page.request('POST', '/api/exam/submit', {});
  expect(submit.statusCode, submit.body).toBe(200);
}

describe.each(dbKinds())('the practice part in the contest lifecycle (%s)', (kind) => {
  describe('a contest without a practice scenario', () => {
    let kit: ExamKit;
    beforeAll(async () => {
      kit = await createExamKit(kind, { candidateCount: 2 });
    });
    afterAll(() => kit?.close());

    it('prepares papers and no sandbox, and counts the practice as 0 in the totals', async () => {
      const result = await prepareSession(kit.db, kit.sessionId, kit.clock.now, SYSTEM);
      expect(result).toMatchObject({ created: 2, sandboxes: null });
      expect(await sandboxesOf(kit)).toEqual([]);

      const proctor = await kit.staff('proctor');
      expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
        200,
      );
      await answerAndSubmit(kit, kit.candidates[0]!.number, 4);
      const live: TProctorLive = (
        await proctor.request('GET', `/api/proctor/sessions/${kit.sessionId}`)
      ).json();
      const row = live.candidates.find((c) => c.candidateId === kit.candidates[0]!.id)!;
      const attempt = await kit.attempt(kit.candidates[0]!.id);
      // Four correct single-choice answers: the finalisation graded them; no practice part adds nothing.
      expect(attempt.theoryScore).toBeGreaterThan(0);
      expect(row).toMatchObject({
        theoryScore: attempt.theoryScore,
        practiceScore: 0,
        totalScore: attempt.theoryScore,
      });
      const waiting = live.candidates.find((c) => c.candidateId === kit.candidates[1]!.id)!;
      expect(waiting).toMatchObject({ theoryScore: null, practiceScore: null, totalScore: null });
    });
  });

  describe('a contest with a practice scenario', () => {
    let kit: ExamKit;
    const slips = new Map<string, { password: string; pin?: string }>();

    beforeAll(async () => {
      kit = await createExamKit(kind, { candidateCount: 3, rules: { practiceScenario: SCENARIO } });
      // Certificates are checked at the time the signature is made: the kit's clock starts at today.
      kit.clock.now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    });
    afterAll(() => kit?.close());

    it('issues certificates with the credential slips, printing each candidate’s signing PIN', async () => {
      const before = await kit.db.select().from(practiceCertificates);
      expect(before).toHaveLength(0);
      const { pdf } = await issuePasswords(
        kit.db,
        SYSTEM,
        kit.contestId,
        { candidateIds: [kit.candidates[0]!.id, kit.candidates[1]!.id] },
        'http://thi.local/exam',
        { box: kit.app.secretBox, now: kit.clock.now },
      );
      const read = readCredentialSlips(pdf);
      expect(read.map((s) => s.number).sort()).toEqual([
        kit.candidates[0]!.number,
        kit.candidates[1]!.number,
      ]);
      for (const s of read) {
        expect(s.pin).toMatch(/^\d{6}$/);
        slips.set(s.number, s);
      }
      // Only the two candidates whose slips were printed got a certificate.
      const certs = await kit.db
        .select({ candidateId: practiceCertificates.candidateId })
        .from(practiceCertificates)
        .where(eq(practiceCertificates.kind, 'candidate'));
      expect(certs.map((c) => c.candidateId).sort()).toEqual(
        [kit.candidates[0]!.id, kit.candidates[1]!.id].sort(),
      );

      // A reprint gives new passwords but the same PIN: it belongs to the certificate.
      const again = readCredentialSlips(
        (
          await issuePasswords(
            kit.db,
            SYSTEM,
            kit.contestId,
            { candidateIds: [kit.candidates[0]!.id] },
            'http://thi.local/exam',
            { box: kit.app.secretBox, now: kit.clock.now },
          )
        ).pdf,
      );
      expect(again[0]!.pin).toBe(slips.get(kit.candidates[0]!.number)!.pin);
      expect(again[0]!.password).not.toBe(slips.get(kit.candidates[0]!.number)!.password);
      slips.set(kit.candidates[0]!.number, again[0]!);
    });

    it('the certificate job issues the remaining candidate’s certificate in the background', async () => {
      const job = examJobs(kit.app).find((j) => j.name === 'practice-certificates')!;
      const started = performance.now();
      await job.run();
      console.info(`[${kind}] certificate job: 1 candidate in ${Math.round(performance.now() - started)} ms`);
      const certs = await kit.db
        .select({ candidateId: practiceCertificates.candidateId })
        .from(practiceCertificates)
        .where(eq(practiceCertificates.kind, 'candidate'));
      expect(certs).toHaveLength(3);
    });

    it('seeds one sandbox per prepared attempt, and one for a candidate added to the running session', async () => {
      const started = performance.now();
      const result = await prepareSession(kit.db, kit.sessionId, kit.clock.now, SYSTEM);
      const ms = performance.now() - started;
      console.info(`[${kind}] prepare with seeding: 3 attempts in ${Math.round(ms)} ms`);
      expect(result.created).toBe(3);
      expect(result.sandboxes).toMatchObject({ seeded: 3, failed: [] });
      const seeded = await sandboxesOf(kit);
      expect(seeded.map((s) => s.candidateId).sort()).toEqual(kit.candidates.map((c) => c.id).sort());
      expect(new Set(seeded.map((s) => s.scenarioCode))).toEqual(new Set([SCENARIO]));
      // Preparing again makes nothing new.
      const again = await prepareSession(kit.db, kit.sessionId, kit.clock.now, SYSTEM);
      expect(again).toMatchObject({ created: 0, sandboxes: { seeded: 0, failed: [] } });

      const proctor = await kit.staff('proctor');
      expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
        200,
      );
      const [late] = await kit.db
        .insert(candidates)
        .values({
          contestId: kit.contestId,
          sessionId: kit.sessionId,
          number: `${kit.candidates[0]!.number}-B`,
          fullName: 'Võ Thị Muộn',
          unitName: 'Đơn vị thử nghiệm',
          level: 'xa',
          searchText: 'vo thi muon',
        })
        .returning({ id: candidates.id });
      const late2 = await prepareSession(kit.db, kit.sessionId, kit.clock.now, SYSTEM);
      expect(late2).toMatchObject({ created: 1, sandboxes: { seeded: 1 } });
      const [lateAttempt] = await kit.db.select().from(attempts).where(eq(attempts.candidateId, late!.id));
      expect(lateAttempt!.status).toBe('in_progress');
      expect((await sandboxesOf(kit)).some((s) => s.attemptId === lateAttempt!.id)).toBe(true);
    });

    it('signs the draft with the PIN from the slip; a wrong PIN signs nothing', async () => {
      const c = kit.candidates[0]!;
      const pin = slips.get(c.number)!.pin!;
      const attempt = await kit.attempt(c.id);
      const record = await loadSandbox(kit.db, attempt.id);
      const documentId = record.state.documents.find((d) => d.key === DRAFT_KEY)!.id;
      const filesBefore = await kit.db
        .select()
        .from(practiceFiles)
        .where(eq(practiceFiles.attemptId, attempt.id));
      // Another six digits: the slip's PIN with its last digit moved on by one.
      const wrong = pin.slice(0, 5) + String((Number(pin[5]) + 1) % 10);
      const miss = await signDraft(kit.db, kit.app.secretBox, {
        attemptId: attempt.id,
        expectedSeq: record.seq,
        documentId,
        pin: wrong,
        now: kit.clock.now,
      });
      expect(miss).toMatchObject({ signed: false, reason: 'wrong_pin' });
      const filesAfterMiss = await kit.db
        .select({ id: practiceFiles.id })
        .from(practiceFiles)
        .where(eq(practiceFiles.attemptId, attempt.id));
      expect(filesAfterMiss.map((f) => f.id).sort()).toEqual(filesBefore.map((f) => f.id).sort());

      const hit = await signDraft(kit.db, kit.app.secretBox, {
        attemptId: attempt.id,
        expectedSeq: miss.seq,
        documentId,
        pin,
        now: kit.clock.now,
      });
      expect(hit.signed).toBe(true);
      if (!hit.signed) return;
      expect(hit.verification.valid).toBe(true);
      await sendDraftToClerk(kit.db, kit.app.secretBox, {
        attemptId: attempt.id,
        expectedSeq: hit.seq,
        documentId,
        now: kit.clock.now,
      });
    });

    it('grades the practice once the attempt is in, and the proctor sees theory + practice', async () => {
      const c = kit.candidates[0]!;
      // With the password of the reprinted slip: the slip's credentials are the ones that work.
      await answerAndSubmit(kit, c.number, 5, slips.get(c.number)!.password);
      const proctor = await kit.staff('proctor');
      const live = async (): Promise<TProctorLive> =>
        (await proctor.request('GET', `/api/proctor/sessions/${kit.sessionId}`)).json();
      // Finalised, practice not graded yet: the theory shows, practice and total wait.
      const attempt = await kit.attempt(c.id);
      expect(attempt.status).toBe('finalised');
      expect((await live()).candidates.find((r) => r.candidateId === c.id)).toMatchObject({
        theoryScore: attempt.theoryScore,
        practiceScore: null,
        totalScore: null,
      });

      const job = examJobs(kit.app).find((j) => j.name === 'practice-grade')!;
      await job.run();
      const [sandbox] = await kit.db
        .select()
        .from(practiceSandboxes)
        .where(inArray(practiceSandboxes.attemptId, [attempt.id]));
      expect(sandbox!.gradedAt).not.toBeNull();
      expect(sandbox!.state.closedAt).toBeTruthy();
      // Signing and sending to the văn thư earn points; the other tasks were not done.
      expect(sandbox!.score).toBeGreaterThan(0);
      expect(sandbox!.score).toBeLessThan(sandbox!.maxScore!);
      // The practice section has 40 points (default rules); the scenario's own total is scaled to it.
      const practice = roundPoints((sandbox!.score! * 40) / sandbox!.maxScore!);
      const row = (await live()).candidates.find((r) => r.candidateId === c.id)!;
      expect(row.theoryScore).toBe(attempt.theoryScore);
      expect(row.practiceScore).toBeCloseTo(practice, 6);
      expect(row.totalScore).toBeCloseTo(attempt.theoryScore! + practice, 6);
      // Others are still working: nothing to show.
      const other = (await live()).candidates.find((r) => r.candidateId === kit.candidates[1]!.id)!;
      expect(other).toMatchObject({ theoryScore: null, practiceScore: null, totalScore: null });
    });
  });

  it.runIf(BENCH > 0)(
    `times preparing ${BENCH} attempts with their sandboxes`,
    { timeout: 900_000 },
    async () => {
      const big = await createExamKit(kind, { candidateCount: BENCH, rules: { practiceScenario: SCENARIO } });
      try {
        // Distinct names, as in a real room: each candidate's draft is rendered, none comes from the cache.
        for (const [i, c] of big.candidates.entries()) {
          await big.db
            .update(candidates)
            .set({ fullName: `Thí Sinh Số ${i + 1} ${kind}` })
            .where(eq(candidates.id, c.id));
        }
        const started = performance.now();
        const result = await prepareSession(big.db, big.sessionId, big.clock.now, SYSTEM);
        const ms = performance.now() - started;
        expect(result.sandboxes).toMatchObject({ seeded: BENCH, failed: [] });
        console.info(
          `[${kind}] prepare ${BENCH} attempts: ${(ms / 1000).toFixed(1)} s in all, seeding ` +
            `${(result.sandboxes!.elapsedMs / 1000).toFixed(1)} s (${Math.round(result.sandboxes!.elapsedMs / BENCH)} ms per attempt)`,
        );
      } finally {
        await big.close();
      }
    },
  );
});
