import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TItemAnalysis, TRegradeOutcome } from '../../../contracts/contest-results-items';
import { createGradedContest, type GradedContest } from '../../contest-results/recompute-fixture';
import { attempts, contests } from '../../db/schema';
import { queryRows } from '../../db/sql-rows';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

/*
 * The worked example of `core/exam/item-stats.test.ts` (6 candidates × 4 single-choice items, keys
 * I1 a, I2 b, I3 c, I4 d), here as a contest: each item is worth 60 ÷ 4 = 15 points, which changes
 * neither facility nor α (both scale-free). Hand figures from there: facility 100, 33.33, 50, 16.67 %;
 * α = 14/27. A seventh candidate is still working, so the open contest cannot be analysed yet.
 */
const picks: (string | null)[][] = [
  ['a', 'b', 'c', 'd'],
  ['a', 'a', 'c', null],
  ['a', 'b', 'a', null],
  ['a', 'c', 'c', 'a'],
  ['a', null, 'd', 'b'],
  ['a', 'a', 'd', 'c'],
];
const answersOf = (row: (string | null)[]) =>
  Object.fromEntries(row.flatMap((p, i) => (p ? [[i, [p]]] : [])));

describe.each(dbKinds())('item analysis and regrading over HTTP (%s)', (kind) => {
  let t: TestApp;
  let contest: GradedContest;
  let organiser: Agent;
  let viewer: Agent;
  const base = () => `/api/contest-results/${contest.contestId}`;
  const statsRows = async () =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from question_version_stats where contest_id = ${contest.contestId}`,
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    contest = await createGradedContest(t.database.db, {
      status: 'open',
      questions: [{ correct: ['a'] }, { correct: ['b'] }, { correct: ['c'] }, { correct: ['d'] }],
      candidates: [
        ...picks.map((row) => ({ paper: [0, 1, 2, 3], answers: answersOf(row) })),
        { paper: [0, 1, 2, 3], answers: {}, inProgress: true },
      ],
    });
    await t.addUser('bantochuc', 'organiser');
    await t.addUser('nguoixem', 'viewer');
    organiser = await t.login('bantochuc');
    viewer = await t.login('nguoixem');
  });
  afterAll(() => t?.close());

  it('refuses to analyse an open contest with an attempt still running, storing nothing', async () => {
    const view = await viewer.request('GET', `${base()}/items`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ computedAt: null, canCompute: false, items: [] });
    expect(view.json().blockedReason).toContain('còn 1 bài thi chưa kết thúc');
    const res = await organiser.request('POST', `${base()}/items/compute`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('chỉ phân tích câu hỏi khi kỳ thi đã đóng');
    expect(await statsRows()).toBe(0);
  });

  it('computes on request once every attempt is finalised, with the hand figures', async () => {
    // The seventh candidate's attempt goes away (as if never assigned): all that remain are final.
    await t.database.db.delete(attempts).where(eq(attempts.id, contest.attempts[6]!.id));
    const res = await organiser.request('POST', `${base()}/items/compute`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TItemAnalysis;
    expect(body.computedAt).not.toBeNull();
    const facility = contest.versionIds.map(
      (id) => body.items.find((i) => i.versionId === id)!.stats.facility,
    );
    expect(facility.map((f) => Number(f!.toFixed(2)))).toEqual([100, 33.33, 50, 16.67]);
    expect(body.test!.alpha).toBeCloseTo(14 / 27, 6);
    expect(body.items.find((i) => i.versionId === contest.versionIds[3])!.stats.flags).toEqual(['too_hard']);
    expect(await statsRows()).toBe(4);
  });

  it('a closed contest gets its statistics on first view', async () => {
    await t.database.db.execute(
      sql`delete from question_version_stats where contest_id = ${contest.contestId}`,
    );
    await t.database.db.execute(
      sql`delete from contest_item_analyses where contest_id = ${contest.contestId}`,
    );
    await t.database.db.update(contests).set({ status: 'closed' }).where(eq(contests.id, contest.contestId));
    const body = (await viewer.request('GET', `${base()}/items`)).json() as TItemAnalysis;
    expect(body.items).toHaveLength(4);
    expect(body.test!.alpha).toBeCloseTo(14 / 27, 6);
    expect(await statsRows()).toBe(4);
  });

  it('the bank shows the last statistics of each version', async () => {
    const list = await organiser.request('GET', '/api/questions?pageSize=200');
    expect(list.statusCode).toBe(200);
    const mine = (
      list.json().items as { versionId: string; lastStats: { facility: number } | null }[]
    ).filter((q) => contest.versionIds.includes(q.versionId));
    expect(mine.map((q) => Number(q.lastStats!.facility.toFixed(2))).sort((a, b) => a - b)).toEqual([
      16.67, 33.33, 50, 100,
    ]);
    const [q4] = await queryRows<{ questionId: string }>(
      t.database.db,
      sql`select question_id as "questionId" from question_versions where id = ${contest.versionIds[3]!}`,
    );
    const detail = await organiser.request('GET', `/api/questions/${q4!.questionId}`);
    expect(detail.json().versions[0].lastStats).toMatchObject({ responses: 6, flags: ['too_hard'] });
  });

  it('a viewer cannot regrade; a dry run changes nothing; a key change refreshes the statistics', async () => {
    const i2 = contest.versionIds[1]!;
    const request = { versionId: i2, correction: { mode: 'key', correct: ['a'] } };
    expect((await viewer.request('POST', `${base()}/regrade`, { ...request, dryRun: true })).statusCode).toBe(
      403,
    );
    const before = await t.database.db
      .select({ s: attempts.theoryScore })
      .from(attempts)
      .orderBy(attempts.id);
    const dry = await organiser.request('POST', `${base()}/regrade`, { ...request, dryRun: true });
    expect(dry.statusCode).toBe(200);
    // I2 key b → a: P1 and P3 (chose b) lose 15, P2 and P6 (chose a) gain 15; P4 (c), P5 (none) unchanged.
    const diff = (dry.json() as TRegradeOutcome).diff.map((d) => d.delta).sort((a, b) => a - b);
    expect(diff).toEqual([-15, -15, 15, 15]);
    expect(
      await t.database.db.select({ s: attempts.theoryScore }).from(attempts).orderBy(attempts.id),
    ).toEqual(before);
    const noReason = await organiser.request('POST', `${base()}/regrade`, request);
    expect(noReason.statusCode).toBe(400);
    const done = await organiser.request('POST', `${base()}/regrade`, {
      ...request,
      reason: 'Đáp án A mới đúng',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ dryRun: false, changedCount: 4, checkedCount: 6, affectedCount: 6 });
    const view = (await viewer.request('GET', `${base()}/items`)).json() as TItemAnalysis;
    expect(view.stale).toBe(false);
    const row = view.items.find((i) => i.versionId === i2)!;
    expect(row.override).toBe('key');
    expect(row.stats.options.filter((o) => o.correct).map((o) => o.key)).toEqual(['a']);
    const history = await organiser.request('GET', `${base()}/regrades`);
    expect(history.json().items).toHaveLength(1);
    expect(history.json().items[0]).toMatchObject({
      cause: 'key',
      changedCount: 4,
      actorName: 'Người dùng bantochuc',
    });
  });

  it('lists the questions of the contest with the key in force', async () => {
    const res = await organiser.request('GET', `${base()}/questions`);
    const items = res.json().items as {
      versionId: string;
      bankCorrect: string[];
      options: { key: string; correct: boolean }[];
    }[];
    const i2 = items.find((q) => q.versionId === contest.versionIds[1])!;
    expect(i2.bankCorrect).toEqual(['b']);
    expect(i2.options.filter((o) => o.correct).map((o) => o.key)).toEqual(['a']);
    const [c] = await t.database.db
      .select({ status: contests.status })
      .from(contests)
      .where(eq(contests.id, contest.contestId));
    expect(c!.status).toBe('closed');
  });
});
