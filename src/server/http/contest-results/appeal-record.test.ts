import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql-rows';
import { gradePracticeAttempt } from '../../office/grade-practice';
import { seedPracticeSandbox } from '../../office/seed-practice-sandbox';
import { dbKinds } from '../../testing/test-db';
import { type AppealKit, createAppealKit } from './appeal-test-kit';

const SCENARIO = 'cantho-2023-phuong';

describe.each(dbKinds())("an appeal's record: the event log and the final sandbox (%s)", (kind) => {
  let k: AppealKit;
  let appealId: string;
  const detailUrl = () => `/api/contest-results/appeals/${appealId}`;

  beforeAll(async () => {
    k = await createAppealKit(kind, { practiceScenario: SCENARIO });
    const db = k.database.db;
    const now = new Date();
    // Each finalised attempt gets its sandbox as seeded, graded on that end state (nothing done).
    for (const a of k.contest.attempts.slice(0, 2)) {
      await seedPracticeSandbox(db, { attemptId: a.id, scenarioCode: SCENARIO, now });
      await gradePracticeAttempt(db, a.id, now);
    }
    await k.publish(1);
    const me = await k.candidate(0);
    const res = await me.request('POST', '/api/exam/appeals', {
      section: 'practice',
      text: 'Tôi đã gửi thư',
    });
    expect(res.statusCode).toBe(200);
    appealId = res.json().id;
  }, 120_000);
  afterAll(async () => k?.close());

  it('gives the organiser the graded tasks, the documents and every stored file', async () => {
    const res = await k.organiser.request('GET', detailUrl());
    expect(res.statusCode).toBe(200);
    const { practice, events } = res.json();
    expect(events.length).toBeGreaterThan(0);
    expect(practice.scenarioCode).toBe(SCENARIO);
    expect(practice.closedAt).not.toBeNull();
    expect(practice.tasks.length).toBeGreaterThan(0);
    const checks = practice.tasks.flatMap((t: { checks: unknown[] }) => t.checks);
    expect(checks.length).toBeGreaterThan(0);
    // The stored score is the sum of the task points it was graded with.
    const sum = practice.tasks.reduce((s: number, t: { points: number }) => s + t.points, 0);
    expect(practice.score).toBeCloseTo(sum, 6);
    expect(practice.documents.length).toBeGreaterThan(0);
    expect(practice.sentMails).toEqual([]);
    expect(practice.files.length).toBeGreaterThan(0);

    const file = practice.files[0];
    const bytes = await k.organiser.request('GET', `${detailUrl()}/files/${file.id}`);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe(file.mime);
    expect(bytes.rawPayload.length).toBe(file.size);
  });

  it("never serves another attempt's file through this appeal", async () => {
    const other = k.contest.attempts[1]!.id;
    const rows = await queryRows<{ id: string }>(
      k.database.db,
      sql`select id from practice_files where attempt_id = ${other} limit 1`,
    );
    const res = await k.organiser.request('GET', `${detailUrl()}/files/${rows[0]!.id}`);
    expect(res.statusCode).toBe(404);
  });

  it("is never given to the candidate, to the unit's reporter or to another unit", async () => {
    const me = await k.candidate(0);
    // The exam login opens no staff route.
    for (const url of [detailUrl(), `/api/contest-results/${k.contest.contestId}/appeals`]) {
      expect((await me.request('GET', url)).statusCode).toBe(401);
    }
    const own = await me.request('GET', '/api/exam/appeals');
    expect(own.statusCode).toBe(200);
    const body = own.body;
    for (const secret of ['"events"', '"payload"', '"tasks"', '"correct"', '"files"', 'filedByName']) {
      expect(body).not.toContain(secret);
    }
    for (const reporter of [k.reporterA, k.reporterB]) {
      expect((await reporter.request('GET', detailUrl())).statusCode).toBe(403);
    }
    const fileId = (await k.organiser.request('GET', detailUrl())).json().practice.files[0].id;
    expect((await k.reporterA.request('GET', `${detailUrl()}/files/${fileId}`)).statusCode).toBe(403);
    expect((await me.request('GET', `${detailUrl()}/files/${fileId}`)).statusCode).toBe(401);
    // The reporter's list carries the appeal (their unit) but no record.
    const list = await k.reporterA.request('GET', `/api/contest-results/${k.contest.contestId}/appeals`);
    expect(list.json().total).toBe(1);
    expect(list.body).not.toContain('"events"');
  });
});
