import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { createTestContest } from '../../src/server/contests/testing';
import { openDatabase } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { attempts, candidates } from '../../src/server/db/schema';
import { seedMissingSandboxes } from '../../src/server/exam/seed-sandboxes';
import { closePdfPool, configurePdfWorkers, pdfWorkerCount } from '../../src/server/office/pdf-pool-run';
import { loadShippedScenarios } from '../../src/server/office/scenario-store';

/**
 * One measurement, in its own process (run.ts starts it): a session of N candidates on a fresh PGlite
 * gets its practice sandboxes seeded, as preparing the session does, while the main thread's event
 * loop delay is recorded and a probe stands in for the saves of another room's candidates (a small
 * query arriving every 100 ms, timed from its arrival to its answer).
 * Usage: node --import tsx bench/practice-seed/seed.ts <attempts>; THUOCDO_PDF_WORKERS=0 renders in-process.
 */
const SCENARIO = 'cantho-2022-quan';
const PROBE_EVERY_MS = 100;
const RESOLUTION_MS = 10;
const attemptsWanted = Number(process.argv[2] ?? 100);
const workersEnv = process.env.THUOCDO_PDF_WORKERS;
await configurePdfWorkers(workersEnv === undefined || workersEnv === '' ? undefined : Number(workersEnv));

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;

const dir = mkdtempSync(join(tmpdir(), 'thuocdo-bench-seed-'));
const database = await openDatabase({ dataDir: dir });
try {
  await migrateDatabase(database);
  const db = database.db;
  await loadShippedScenarios(db);
  const now = new Date();
  const made = await createTestContest(db, {
    now,
    candidatesPerSession: attemptsWanted,
    rules: { practiceScenario: SCENARIO },
  });
  const sessionId = made.sessionIds[0]!;
  // Distinct names, as in a real room: every candidate's draft is rendered, none comes from the cache.
  for (const [i, c] of made.candidates.entries()) {
    await db
      .update(candidates)
      .set({ fullName: `Thí Sinh Số ${i + 1}` })
      .where(eq(candidates.id, c.id));
  }
  await db.insert(attempts).values(
    made.candidates.map((c) => ({
      candidateId: c.id,
      sessionId,
      paper: [],
      seed: 'bench',
      status: 'ready' as const,
    })),
  );

  // Saves arrive at a steady rate whatever the server is doing: each one's wait is counted from when
  // it arrived, so a save that arrives while the thread is held waits until it is let go.
  const probes: number[] = [];
  let probing = true;
  const probe = (async () => {
    let due = performance.now();
    while (probing) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const sent = performance.now();
      await db.execute(sql`select 1`);
      const answered = performance.now();
      for (; due <= sent; due += PROBE_EVERY_MS) probes.push(answered - due);
    }
  })();
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  // Its first tick only sets where it counts from: let it run before the thread gets busy.
  await new Promise((r) => setTimeout(r, 50));
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const result = await seedMissingSandboxes(db, { sessionId }, now);
  const totalMs = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu).utilization;
  // The histogram records a delay when its timer finally runs: give it that turn before reading it.
  await new Promise((r) => setTimeout(r, 30));
  delay.disable();
  probing = false;
  await probe;
  if (result.failed.length > 0)
    throw new Error(`seeding failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
  const sortedProbes = [...probes].sort((a, b) => a - b);
  // The histogram counts the whole interval between its ticks: the delay is what exceeds it.
  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  console.log(
    `RESULT ${JSON.stringify({
      workers: pdfWorkerCount(),
      attempts: result.seeded,
      totalMs,
      perAttemptMs: totalMs / result.seeded,
      loopDelay: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
      mainThreadBusy: busy,
      probe: {
        count: probes.length,
        p50: quantile(sortedProbes, 0.5),
        p99: quantile(sortedProbes, 0.99),
        max: sortedProbes.at(-1) ?? 0,
      },
    })}`,
  );
} finally {
  await closePdfPool();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
