import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Framework } from '../../src/core/framework/model';
import type { UnitData } from '../../src/core/scoring/types';
import { type Database, openDatabase, openPostgres } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { recomputeRun } from '../../src/server/scoring/recompute-run';
import { createRun, storeInputs } from '../../src/server/scoring/score-store';
import { withDatabase } from '../../src/server/testing/pg-url';
import { GcWatch, MemoryWatch, mainThreadSched } from './memory';

/** One full recompute: load, score, store. */
export interface RecomputeSample {
  wallMs: number;
  /** CPU time of this process (PGlite runs in it; a PostgreSQL server does not, see `serverCpuMs`). */
  cpuMs: number;
  /** CPU time of the PostgreSQL backends serving the benchmark (null on PGlite or when unreadable). */
  serverCpuMs: number | null;
  steps: { loadMs: number; scoreMs: number; storeMs: number };
  stepsCpu: { load: number; score: number; store: number } | null;
  /** Main thread runnable but waiting for a CPU taken by other processes (null off Linux). */
  cpuWaitMs: number | null;
  /** Main-thread garbage-collection pauses during the recompute (part of `cpuMs`). */
  gcMs: number;
  /** Highest heap and RSS seen during the recompute (sampled every 5 ms and after it). */
  heapPeakMb: number;
  rssPeakMb: number;
}

export interface EndToEnd {
  database: 'PGlite' | 'PostgreSQL';
  /** Writing the 10,000 units' inputs (set-up, not part of the recompute). */
  seedMs: number;
  seedCpuMs: number;
  /** Heap and RSS once the inputs are stored and the generated units released, before the first run. */
  heapBeforeMb: number;
  rssBeforeMb: number;
  runs: RecomputeSample[];
}

const gc = (globalThis as { gc?: () => void }).gc;
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const mb = (bytes: number) => bytes / 2 ** 20;

/** User + system time per process from /proc (clock ticks of 10 ms); null when not readable. */
function procCpuMs(pids: number[]): Map<number, number> | null {
  const out = new Map<number, number>();
  try {
    for (const pid of pids) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    return null;
  }
  return out;
}

/** CPU spent between two readings; a backend opened in between counts from zero. */
function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after || after.size === 0) return null;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

async function timeRecomputes(
  database: Database,
  framework: Framework,
  makeUnits: () => UnitData[],
  name: EndToEnd['database'],
  times: number,
  serverPids: () => Promise<number[]>,
): Promise<EndToEnd> {
  const runId = await createRun(database.db, 'Đo hiệu năng');
  let units: UnitData[] | null = makeUnits();
  const s0 = performance.now();
  const sc0 = cpuNow();
  await storeInputs(database.db, runId, units);
  units = null;
  const seedCpuMs = cpuNow() - sc0;
  const seedMs = performance.now() - s0;
  gc?.();
  const before = process.memoryUsage();
  const runs: RecomputeSample[] = [];
  for (let i = 0; i < times; i++) {
    gc?.();
    const server0 = procCpuMs(await serverPids());
    const watch = new MemoryWatch();
    const gcWatch = new GcWatch();
    const q0 = mainThreadSched();
    const c0 = cpuNow();
    const t0 = performance.now();
    const t = await recomputeRun(database.db, runId, framework);
    const wallMs = performance.now() - t0;
    const cpuMs = cpuNow() - c0;
    const q1 = mainThreadSched();
    const peak = watch.stop();
    const gcMs = await gcWatch.stop();
    const server1 = procCpuMs(await serverPids());
    runs.push({
      wallMs,
      cpuMs,
      serverCpuMs: cpuBetween(server0, server1),
      steps: { loadMs: t.loadMs, scoreMs: t.scoreMs, storeMs: t.storeMs },
      stepsCpu: (t as { cpuMs?: RecomputeSample['stepsCpu'] }).cpuMs ?? null,
      gcMs,
      cpuWaitMs: q0 && q1 ? q1.waitMs - q0.waitMs : null,
      heapPeakMb: mb(peak.heap),
      rssPeakMb: mb(peak.rss),
    });
  }
  return {
    database: name,
    seedMs,
    seedCpuMs,
    heapBeforeMb: mb(before.heapUsed),
    rssBeforeMb: mb(before.rss),
    runs,
  };
}

/** On an embedded PGlite in a fresh temporary directory (on disk, as in production). */
export async function endToEndPglite(framework: Framework, makeUnits: () => UnitData[], times: number) {
  const dir = mkdtempSync(join(tmpdir(), 'thuocdo-bench-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateDatabase(database);
    return await timeRecomputes(database, framework, makeUnits, 'PGlite', times, async () => []);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** On PostgreSQL: creates its own database on the server at `serverUrl` and drops it afterwards. */
export async function endToEndPostgres(
  serverUrl: string,
  framework: Framework,
  makeUnits: () => UnitData[],
  times: number,
) {
  const name = `thuocdo_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = openPostgres(url, 4);
  const pids = async () =>
    (await admin.query('select pid from pg_stat_activity where datname = $1', [name])).rows.map(
      (r: { pid: number }) => r.pid,
    );
  try {
    await migrateDatabase(database, url);
    return await timeRecomputes(database, framework, makeUnits, 'PostgreSQL', times, pids);
  } finally {
    await database.close();
    await dropWhenIdle(admin, name);
    await admin.end();
  }
}

/** The pool may still be closing its last connection: a forced drop would kill it mid-goodbye. */
async function dropWhenIdle(admin: pg.Client, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006') throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}
