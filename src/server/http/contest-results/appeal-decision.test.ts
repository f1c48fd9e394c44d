import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContestResults } from '../../contest-results/load-results';
import { queryRows } from '../../db/sql-rows';
import { dbKinds } from '../../testing/test-db';
import { type AppealKit, createAppealKit, THEORY_TOTALS } from './appeal-test-kit';

describe.each(dbKinds())('deciding an appeal (%s)', (kind) => {
  let k: AppealKit;
  let theoryAppeal: string;
  let totalAppeal: string;
  const totals = async () =>
    (await loadContestResults(k.database.db, k.contest.contestId)).candidates.map((c) => c.result?.total);
  const decide = (id: string, body: unknown) =>
    k.organiser.request('POST', `/api/contest-results/appeals/${id}/decision`, body);

  beforeAll(async () => {
    k = await createAppealKit(kind);
    await k.publish(1);
    const me = await k.candidate(0);
    theoryAppeal = (
      await me.request('POST', '/api/exam/appeals', { section: 'theory', text: 'Câu 8 tôi chọn B' })
    ).json().id;
    totalAppeal = (
      await me.request('POST', '/api/exam/appeals', { section: 'total', text: 'Xem lại cả bài' })
    ).json().id;
  }, 60_000);
  afterAll(async () => k?.close());

  it('starts from the totals worked out by hand', async () => {
    expect(await totals()).toEqual(THEORY_TOTALS);
  });

  it('shows the organiser the result, the full event log and the paper with answers and keys', async () => {
    const res = await k.organiser.request('GET', `/api/contest-results/appeals/${theoryAppeal}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.result).toMatchObject({ theory: 42, practice: 0, total: 42, flag: 'khong_xet_khen_thuong' });
    expect(d.events.map((e: { kind: string }) => e.kind)).toContain('login');
    expect(d.theory).toHaveLength(10);
    // Question 8: the candidate chose a, the key is b, no points.
    expect(d.theory[7].options.find((o: { key: string }) => o.key === 'a')).toMatchObject({
      selected: true,
      correct: false,
    });
    expect(d.theory[7].options.find((o: { key: string }) => o.key === 'b')).toMatchObject({ correct: true });
    expect(d.theory[7].earned).toBe(0);
    expect(d.theory[0].earned).toBe(6);
    expect(d.practice).toBeNull();
  });

  it('refuses an adjustment that would leave the section range, changing nothing', async () => {
    const before = [await k.count('attempt_adjustments'), await k.count('contest_regrades')];
    // 42 + 19 = 61 > 60 theory points.
    const res = await decide(theoryAppeal, {
      decision: 'accepted',
      reason: 'Chấp nhận',
      adjustment: { section: 'theory', points: 19 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('ngoài khoảng 0–60');
    expect([await k.count('attempt_adjustments'), await k.count('contest_regrades')]).toEqual(before);
    expect(await totals()).toEqual(THEORY_TOTALS);
    const rejectWithPoints = await decide(theoryAppeal, {
      decision: 'rejected',
      reason: 'Không',
      adjustment: { section: 'theory', points: 2 },
    });
    expect(rejectWithPoints.statusCode).toBe(400);
    const reporter = await k.reporterA.request(
      'POST',
      `/api/contest-results/appeals/${theoryAppeal}/decision`,
      {
        decision: 'rejected',
        reason: 'Không',
      },
    );
    expect(reporter.statusCode).toBe(403);
    const rows = await queryRows<{ status: string }>(
      k.database.db,
      sql`select status from contest_appeals where id = ${theoryAppeal}`,
    );
    expect(rows.map((r) => r.status)).toEqual(['open']);
  });

  it('accepts with +2 theory points: exactly that attempt goes 42 → 44, and the regrade diff says so', async () => {
    const res = await decide(theoryAppeal, {
      decision: 'accepted',
      reason: 'Phiếu trả lời ghi nhận chọn B ở câu 8: cộng 2 điểm theo biên bản họp hội đồng',
      adjustment: { section: 'theory', points: 2 },
    });
    expect(res.statusCode).toBe(200);
    const { appeal, regrade } = res.json();
    expect(appeal).toMatchObject({ status: 'accepted', adjustment: { section: 'theory', points: 2 } });
    const attemptId = k.contest.attempts[0]!.id;
    expect(regrade).toMatchObject({ changedCount: 1, checkedCount: 1 });
    expect(regrade.diff).toEqual([
      expect.objectContaining({
        attemptId,
        before: { theory: 42, practice: 0, total: 42, flag: 'khong_xet_khen_thuong' },
        after: { theory: 44, practice: 0, total: 44, flag: 'khong_xet_khen_thuong' },
        delta: 2,
      }),
    ]);
    // 42 + 2 = 44 for the first candidate; the other two unchanged.
    expect(await totals()).toEqual([44, 54, 60]);
    const [stored] = await queryRows<{
      cause: string;
      appeal_id: string;
      changed_count: number;
      diff: unknown[];
    }>(
      k.database.db,
      sql`select cause, appeal_id, changed_count, diff from contest_regrades where id = ${regrade.regradeId}`,
    );
    expect(stored).toMatchObject({ cause: 'appeal', appeal_id: theoryAppeal, changed_count: 1 });
    expect(stored!.diff).toHaveLength(1);
    expect(await k.auditActions(theoryAppeal)).toEqual(['appeal_filed', 'appeal_decided']);
    expect(await k.auditActions(k.contest.contestId)).toContain('regrade');
    // The candidate sees the decision.
    const view = (await (await k.candidate(0)).request('GET', '/api/exam/appeals')).json();
    expect(view.items.find((i: { id: string }) => i.id === theoryAppeal)).toMatchObject({
      status: 'accepted',
      decisionReason: 'Phiếu trả lời ghi nhận chọn B ở câu 8: cộng 2 điểm theo biên bản họp hội đồng',
      adjustment: { section: 'theory', points: 2 },
    });
  });

  it('refuses a second decision on the same appeal, changing nothing', async () => {
    const before = [await k.count('attempt_adjustments'), await k.count('contest_regrades')];
    const res = await decide(theoryAppeal, {
      decision: 'accepted',
      reason: 'Lần nữa',
      adjustment: { section: 'theory', points: 2 },
    });
    expect(res.statusCode).toBe(409);
    expect([await k.count('attempt_adjustments'), await k.count('contest_regrades')]).toEqual(before);
    expect(await totals()).toEqual([44, 54, 60]);
  });

  it('rejects with a reason: no score changes and no recompute', async () => {
    const before = [await k.count('attempt_adjustments'), await k.count('contest_regrades')];
    const res = await decide(totalAppeal, { decision: 'rejected', reason: 'Bài làm được chấm đúng đáp án' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      appeal: { status: 'rejected', decisionReason: 'Bài làm được chấm đúng đáp án', adjustment: null },
      regrade: null,
    });
    expect([await k.count('attempt_adjustments'), await k.count('contest_regrades')]).toEqual(before);
    expect(await totals()).toEqual([44, 54, 60]);
    const list = (
      await k.organiser.request('GET', `/api/contest-results/${k.contest.contestId}/appeals`)
    ).json();
    expect(list.counts).toEqual({ open: 0, rejected: 1, accepted: 1 });
  });
});
