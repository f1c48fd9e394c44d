import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { attempts, contestItemOverrides, contestRegrades } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { recomputeAttempts } from './recompute';
import { createGradedContest, type GradedContest } from './recompute-fixture';
import { regradeQuestion } from './regrade';

const ORGANISER = { id: null, username: 'bantochuc', ip: '127.0.0.1' };

/*
 * The worked example. Rules: theory 60, practice 40 (a 55-point scenario), threshold 50; single-choice
 * questions Q1…Q5, bank key "b"; every paper has 4 questions, so each is worth 60 ÷ 4 = 15 points.
 *
 *   cand  paper         answers                 theory   practice (×40/55)  total  flag
 *   A     Q1 Q2 Q3 Q4   c  b  b  a               30       44 → 32            62     pass
 *   B     Q1 Q2 Q3 Q5   b  b  b  b               60       55 → 40            100    pass
 *   C     Q2 Q3 Q4 Q5   b  a  b  —               30       22 → 16            46     không xét
 *   D     Q1 Q3 Q4 Q5   c  b  b  b               45       11 →  8            53     pass
 *   E     Q1 Q2 Q4 Q5   a  b  c  c               15       33 → 24            39     không xét
 *
 * Key of Q1 corrected from b to c:
 *   A: Q1 = c now right   → theory 45, total 77 (+15)
 *   B: Q1 = b now wrong   → theory 45, total 85 (−15)
 *   C: no Q1              → unchanged
 *   D: Q1 = c now right   → theory 60, total 68 (+15)
 *   E: Q1 = a wrong both times → unchanged
 * So exactly A, B, D change; 5 attempts checked.
 *
 * Then Q2 removed from the total (drop_remove), dry run only: the 3 remaining items (45 points) are
 * rescaled to 60, i.e. × 4/3. With Q1 = c:
 *   A: Q1 c✓ Q3✓ Q4✗ → 30 of 45 → 40 (was 45: −5), total 72
 *   B: Q1✗ Q3✓ Q5✓ → 30 → 40 (was 45: −5), total 80
 *   C: Q3✗ Q4✓ Q5— → 15 → 20 (was 30: −10), total 36
 *   D: no Q2 → unchanged
 *   E: Q1✗ Q4✗ Q5✗ → 0 → 0 (was 15: −15), total 24
 */
const SPEC: Parameters<typeof createGradedContest>[1] = {
  questions: [
    { correct: ['b'] },
    { correct: ['b'] },
    { correct: ['b'] },
    { correct: ['b'] },
    { correct: ['b'] },
  ],
  practiceMax: 55,
  candidates: [
    { paper: [0, 1, 2, 3], answers: { 0: ['c'], 1: ['b'], 2: ['b'], 3: ['a'] }, practice: 44 },
    { paper: [0, 1, 2, 4], answers: { 0: ['b'], 1: ['b'], 2: ['b'], 4: ['b'] }, practice: 55 },
    { paper: [1, 2, 3, 4], answers: { 1: ['b'], 2: ['a'], 3: ['b'] }, practice: 22 },
    { paper: [0, 2, 3, 4], answers: { 0: ['c'], 2: ['b'], 3: ['b'], 4: ['b'] }, practice: 11 },
    { paper: [0, 1, 3, 4], answers: { 0: ['a'], 1: ['b'], 3: ['c'], 4: ['c'] }, practice: 33 },
  ],
};

async function rawAnswers(db: Db, contest: GradedContest) {
  // The bytes of the stored answers as PostgreSQL prints them, not a parsed copy.
  return queryRows<{ id: string; answers: string; paper: string }>(
    db,
    sql`select a.id, a.answers::text as answers, a.paper::text as paper from attempts a
        where a.session_id = ${contest.sessionId} order by a.id`,
  );
}

async function theoryScores(db: Db, contest: GradedContest) {
  const rows = await db
    .select({ id: attempts.id, theory: attempts.theoryScore })
    .from(attempts)
    .where(eq(attempts.sessionId, contest.sessionId));
  const byId = new Map(rows.map((r) => [r.id, r.theory]));
  return contest.attempts.map((a) => byId.get(a.id));
}

describe.each(dbKinds())('regrading a contest (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let contest: GradedContest;
  let q1: string;
  let q2: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    contest = await createGradedContest(db, SPEC);
    [q1, q2] = contest.versionIds as [string, string];
  });
  afterAll(() => database?.close());

  it('starts from the hand-computed theory scores', async () => {
    expect(await theoryScores(db, contest)).toEqual([30, 60, 30, 45, 15]);
  });

  it('a dry run shows the diff and changes nothing', async () => {
    const answersBefore = await rawAnswers(db, contest);
    const preview = await regradeQuestion(db, {
      contestId: contest.contestId,
      versionId: q1,
      correction: { mode: 'key', correct: ['c'] },
      reason: '',
      actor: ORGANISER,
      dryRun: true,
    });
    expect(preview).toMatchObject({
      dryRun: true,
      regradeId: null,
      changedCount: 3,
      checkedCount: 5,
      affectedCount: 4,
    });
    expect(await theoryScores(db, contest)).toEqual([30, 60, 30, 45, 15]);
    expect(await db.select().from(contestRegrades)).toEqual([]);
    expect(await db.select().from(contestItemOverrides)).toEqual([]);
    expect(await rawAnswers(db, contest)).toEqual(answersBefore);
  });

  it('changing one key changes exactly the affected attempts by the expected amounts', async () => {
    const answersBefore = await rawAnswers(db, contest);
    const out = await regradeQuestion(db, {
      contestId: contest.contestId,
      versionId: q1,
      correction: { mode: 'key', correct: ['c'] },
      reason: 'Đáp án đúng theo Nghị quyết là phương án C',
      actor: ORGANISER,
    });
    expect(out.changedCount).toBe(3);
    expect(out.checkedCount).toBe(5);
    const [a, b, , d] = contest.attempts;
    expect(
      out.diff.map((e) => [
        e.number,
        e.before.theory,
        e.after.theory,
        e.before.total,
        e.after.total,
        e.delta,
      ]),
    ).toEqual([
      [a!.number, 30, 45, 62, 77, 15],
      [b!.number, 60, 45, 100, 85, -15],
      [d!.number, 45, 60, 53, 68, 15],
    ]);
    expect(out.diff.map((e) => [e.before.practice, e.after.practice])).toEqual([
      [32, 32],
      [40, 40],
      [8, 8],
    ]);
    expect(await theoryScores(db, contest)).toEqual([45, 45, 30, 60, 15]);
    // The diff is kept with the regrade, the correction stored, the audit written; raw answers untouched.
    const [kept] = await db.select().from(contestRegrades).where(eq(contestRegrades.id, out.regradeId!));
    expect(kept).toMatchObject({
      cause: 'key',
      versionId: q1,
      changedCount: 3,
      checkedCount: 5,
      change: { mode: 'key', correct: ['c'] },
    });
    expect(kept!.diff).toEqual(out.diff);
    const overrides = await db.select().from(contestItemOverrides);
    expect(overrides).toMatchObject([
      { versionId: q1, mode: 'key', correct: ['c'], regradeId: out.regradeId },
    ]);
    const audit = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'regrade' and entity_id = ${contest.contestId}`,
    );
    expect(Number(audit[0]!.n)).toBe(1);
    expect(await rawAnswers(db, contest)).toEqual(answersBefore);
  });

  it('refuses the same key again and a restore of an untouched question, changing nothing', async () => {
    await expect(
      regradeQuestion(db, {
        contestId: contest.contestId,
        versionId: q1,
        correction: { mode: 'key', correct: ['c'] },
        reason: 'lần nữa',
        actor: ORGANISER,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      regradeQuestion(db, {
        contestId: contest.contestId,
        versionId: q2,
        correction: { mode: 'restore' },
        reason: 'x',
        actor: ORGANISER,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await db.select().from(contestRegrades)).toHaveLength(1);
    expect(await theoryScores(db, contest)).toEqual([45, 45, 30, 60, 15]);
  });

  it('previews removing a question from the total, rescaled to the section', async () => {
    const preview = await regradeQuestion(db, {
      contestId: contest.contestId,
      versionId: q2,
      correction: { mode: 'drop_remove' },
      reason: '',
      actor: ORGANISER,
      dryRun: true,
    });
    const [a, b, c, , e] = contest.attempts;
    expect(
      preview.diff.map((x) => [x.number, x.before.theory, x.after.theory, x.after.total, x.delta]),
    ).toEqual([
      [a!.number, 45, 40, 72, -5],
      [b!.number, 45, 40, 80, -5],
      [c!.number, 30, 20, 36, -10],
      [e!.number, 15, 0, 24, -15],
    ]);
    expect(await theoryScores(db, contest)).toEqual([45, 45, 30, 60, 15]);
  });

  it('a recompute with nothing changed lists nobody but counts everyone', async () => {
    const out = await recomputeAttempts(db, {
      contestId: contest.contestId,
      cause: 'appeal',
      reason: 'Kiểm tra lại toàn bộ',
      actor: ORGANISER,
    });
    expect(out).toMatchObject({ changedCount: 0, checkedCount: 5, diff: [] });
  });

  it('restoring the original key brings every score back', async () => {
    const answersBefore = await rawAnswers(db, contest);
    const out = await regradeQuestion(db, {
      contestId: contest.contestId,
      versionId: q1,
      correction: { mode: 'restore' },
      reason: 'Hội đồng giữ đáp án B',
      actor: ORGANISER,
    });
    expect(out.diff.map((x) => x.delta)).toEqual([-15, 15, -15]);
    expect(await theoryScores(db, contest)).toEqual([30, 60, 30, 45, 15]);
    expect(await db.select().from(contestItemOverrides)).toEqual([]);
    expect(await rawAnswers(db, contest)).toEqual(answersBefore);
  });

  it('refuses a regrade planned before another one was written (stale plan)', async () => {
    const { planRecompute } = await import('./recompute-plan');
    const { writeRecompute } = await import('./recompute');
    const stale = await planRecompute(db, { contestId: contest.contestId });
    await recomputeAttempts(db, {
      contestId: contest.contestId,
      cause: 'appeal',
      reason: 'một lần',
      actor: ORGANISER,
    });
    const count = (await db.select().from(contestRegrades)).length;
    await expect(
      writeRecompute(db, stale, {
        contestId: contest.contestId,
        cause: 'appeal',
        reason: 'cũ',
        actor: ORGANISER,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.select().from(contestRegrades)).toHaveLength(count);
  });
});
