import type { Framework } from '../../core/framework/model';
import { scoreRun } from '../../core/scoring/score-run';
import type { Db } from '../db/client';
import { loadInputs, storeResults } from './score-store';

/** Wall time per step; `cpuMs` is this process's CPU time (with PGlite it includes the database's). */
export interface RecomputeTimings {
  loadMs: number;
  scoreMs: number;
  storeMs: number;
  cpuMs: { load: number; score: number; store: number };
  units: number;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Full recompute of a run: load every unit's inputs, score, rank and band them, store the results. */
export async function recomputeRun(db: Db, runId: string, framework: Framework): Promise<RecomputeTimings> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const units = await loadInputs(db, runId);
  const c1 = cpuNow();
  const t1 = performance.now();
  const results = scoreRun(framework, units);
  const c2 = cpuNow();
  const t2 = performance.now();
  await storeResults(db, runId, results, t2 - t0);
  const c3 = cpuNow();
  const t3 = performance.now();
  return {
    loadMs: t1 - t0,
    scoreMs: t2 - t1,
    storeMs: t3 - t2,
    cpuMs: { load: c1 - c0, score: c2 - c1, store: c3 - c2 },
    units: units.length,
  };
}
