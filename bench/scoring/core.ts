import type { Framework } from '../../src/core/framework/model';
import { compileFramework } from '../../src/core/scoring/compile';
import { scoreRun } from '../../src/core/scoring/score-run';
import { strengthsAndWeaknesses } from '../../src/core/scoring/strengths';
import type { UnitData } from '../../src/core/scoring/types';
import { mainThreadSched } from './memory';

export interface Measure {
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system): less sensitive to other load on the machine. */
  cpuMs: number;
  heapDeltaMb: number;
  /** Main thread runnable but waiting for a CPU taken by other processes (null off Linux). */
  cpuWaitMs: number | null;
  /** Garbage-collection pauses during the step (part of `cpuMs`), when measured. */
  gcMs?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Times a synchronous step; the heap delta is measured after a collection when `--expose-gc` is on. */
export function measure<T>(fn: () => T): { result: T; m: Measure } {
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const q0 = mainThreadSched();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const q1 = mainThreadSched();
  const cpuMs = (c.user + c.system) / 1000;
  const heapDeltaMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const cpuWaitMs = q0 && q1 ? q1.waitMs - q0.waitMs : null;
  return { result, m: { ms, cpuMs, heapDeltaMb, cpuWaitMs } };
}

/** The full recompute in the core: score, rank, band every unit, plus strengths and weaknesses. */
export function coreRecompute(f: Framework, units: UnitData[]) {
  const results = scoreRun(f, units);
  for (const g of [1, 2, 3]) {
    const scores = results.filter((r) => r.score.group === g).map((r) => r.score);
    strengthsAndWeaknesses(compileFramework(f, 'so', g), scores);
  }
  return results;
}
