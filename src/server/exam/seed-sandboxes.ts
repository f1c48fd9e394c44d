import { performance } from 'node:perf_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isoParam, queryRows } from '../db/sql-rows';
import { pdfWorkerCount } from '../office/pdf-pool-run';
import { seedPracticeSandbox } from '../office/seed-practice-sandbox';

export interface SeedSandboxesResult {
  seeded: number;
  /** Attempts left without a sandbox (a scenario that cannot be read, a rendering that failed). */
  failed: { attemptId: string; error: string }[];
  elapsedMs: number;
}

/**
 * Seeds the practice sandbox of every attempt that has none yet, in an open contest whose rules name
 * a practice scenario (attempts of one session, or of every session with `limit` per call). Attempts
 * already finalised are left alone: a sandbox after the end would be graded as an empty practice.
 * Each seeding renders the candidate's draft (about 0.3 s, on the PDF workers), so this runs outside
 * any transaction, a few attempts at a time: one per PDF worker and one more that reads and stores
 * while they render (one at a time when rendering is in-process, where more would only interleave).
 * A sandbox that exists is skipped, so calling again completes an interrupted run, and two instances
 * seeding the same attempt end with one sandbox. A failing attempt is reported and does not stop the
 * others.
 */
export async function seedMissingSandboxes(
  db: Db,
  scope: {
    sessionId?: string;
    limit?: number;
    /** Only attempts made before this (the job leaves a preparation still running to its request). */
    createdBefore?: Date;
  },
  now: Date,
): Promise<SeedSandboxesResult> {
  const started = performance.now();
  const conditions: SQL[] = [
    sql`p.attempt_id is null`,
    sql`a.status <> 'finalised'`,
    sql`k.status = 'open'`,
    sql`coalesce(k.rules->>'practiceScenario', '') <> ''`,
  ];
  if (scope.sessionId) conditions.push(sql`a.session_id = ${scope.sessionId}`);
  if (scope.createdBefore) conditions.push(sql`a.created_at < ${isoParam(scope.createdBefore)}::timestamptz`);
  const due = await queryRows<{ attemptId: string; scenarioCode: string }>(
    db,
    sql`select a.id as "attemptId", k.rules->>'practiceScenario' as "scenarioCode"
        from attempts a
          join exam_sessions s on s.id = a.session_id
          join contests k on k.id = s.contest_id
          left join practice_sandboxes p on p.attempt_id = a.id
        where ${sql.join(conditions, sql` and `)}
        order by a.created_at, a.id
        ${scope.limit === undefined ? sql`` : sql`limit ${scope.limit}`}`,
  );
  let seeded = 0;
  const failed: SeedSandboxesResult['failed'] = [];
  let next = 0;
  const seedNext = async () => {
    while (next < due.length) {
      const { attemptId, scenarioCode } = due[next++]!;
      try {
        const result = await seedPracticeSandbox(db, { attemptId, scenarioCode, now });
        if (result.created) seeded++;
      } catch (e) {
        failed.push({ attemptId, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  const workers = pdfWorkerCount();
  const concurrency = workers === 0 ? 1 : workers + 1;
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, seedNext));
  return { seeded, failed, elapsedMs: Math.round(performance.now() - started) };
}
