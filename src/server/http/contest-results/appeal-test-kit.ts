import { eq, sql } from 'drizzle-orm';
import type { ContestRules } from '../../../core/exam/contest';
import { createGradedContest, type GradedContest } from '../../contest-results/recompute-fixture';
import { TEST_CANDIDATE_PASSWORD } from '../../contests/testing';
import type { DbKind } from '../../db/client';
import { candidates, contestResultPublications } from '../../db/schema';
import { queryRows } from '../../db/sql-rows';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';

/**
 * Ten single-choice questions, "b" correct, 60 theory points: 6 points each. Answers by candidate:
 * - 1st: b on questions 1–7, a on 8, nothing on 9–10 → 7 × 6 = 42 (below the 50-point threshold);
 * - 2nd: b on 1–9, c on 10 → 54;
 * - 3rd: b on all ten → 60.
 * Without a practice scenario the practice part counts 0, so these are the totals.
 */
export const THEORY_TOTALS = [42, 54, 60];

const answersOf = (correct: number, wrong: number[]): Record<number, string[]> => ({
  ...Object.fromEntries(Array.from({ length: correct }, (_, i) => [i, ['b']])),
  ...Object.fromEntries(wrong.map((i) => [i, ['a']])),
});

export interface AppealKit extends TestApp {
  contest: GradedContest;
  unitA: string;
  unitB: string;
  organiser: Agent;
  reporterA: Agent;
  reporterB: Agent;
  /** Publishes the contest's results `daysAgo` days before now (direct row, as publication stores it). */
  publish(daysAgo: number): Promise<void>;
  /** Logs the i-th candidate in on the exam page (the contest is open). */
  candidate(index: number): Promise<Agent>;
  count(table: 'contest_appeals' | 'attempt_adjustments' | 'contest_regrades' | 'audit_log'): Promise<number>;
}

/** A graded theory-only contest whose candidates belong to unit A, with an organiser and two reporters. */
export async function createAppealKit(kind: DbKind, rules: Partial<ContestRules> = {}): Promise<AppealKit> {
  const t = await createTestApp(kind);
  const db = t.database.db;
  const contest = await createGradedContest(db, {
    status: 'open',
    rules,
    questions: Array.from({ length: 10 }, () => ({ correct: ['b'] })),
    candidates: [
      { paper: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], answers: answersOf(7, [7]) },
      { paper: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], answers: { ...answersOf(9, []), 9: ['c'] } },
      { paper: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], answers: answersOf(10, []) },
    ],
  });
  const unitA = await t.addUnit('PA', 'Phường An Hòa');
  const unitB = await t.addUnit('PB', 'Phường Bình Thủy');
  await db
    .update(candidates)
    .set({ unitId: unitA, unitName: 'Phường An Hòa' })
    .where(eq(candidates.contestId, contest.contestId));
  await t.addUser('btc', 'organiser');
  await t.addUser('bc-a', 'reporter', unitA);
  await t.addUser('bc-b', 'reporter', unitB);
  const numbers = await queryRows<{ number: string }>(
    db,
    sql`select number from candidates where contest_id = ${contest.contestId} order by number`,
  );
  return {
    ...t,
    contest,
    unitA,
    unitB,
    organiser: await t.login('btc'),
    reporterA: await t.login('bc-a'),
    reporterB: await t.login('bc-b'),
    async publish(daysAgo) {
      const at = new Date(Date.now() - daysAgo * 24 * 3600_000);
      await db
        .insert(contestResultPublications)
        .values({ contestId: contest.contestId, showAnswers: 'none', publishedAt: at })
        .onConflictDoUpdate({ target: contestResultPublications.contestId, set: { publishedAt: at } });
    },
    async candidate(index) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/exam/login',
        payload: { number: numbers[index]!.number, password: TEST_CANDIDATE_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`candidate login failed: ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const csrf = res.json().csrfToken as string;
      return {
        cookie,
        csrf,
        request: (method, url, body, headers = {}) =>
          t.app.inject({
            method: method as 'GET',
            url,
            headers: { cookie, 'x-csrf-token': csrf, ...headers },
            ...(body === undefined ? {} : { payload: body as object }),
          }),
      };
    },
    async count(table) {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      );
      return Number(row?.n ?? 0);
    },
  };
}
