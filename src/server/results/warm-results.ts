import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import { dashboardJson } from './dashboard';
import { publishedModel } from './load-results';
import { publishedHeads, publishedYear } from './public-page/published-year';
import { levelTables, TOTAL_TAB, unitRanks } from './public-page/rankings';
import { publicYearJson } from './public-results';

/** Published years warmed at start: this year's dashboard compares with last year's, so two. */
const START_YEARS = 2;

/** One warm-up at a time: a second one waits, so two never compete for the database and the CPU. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Loads a published version into the results cache and renders what its first visitors open: the
 * dashboard of every level ranked by the total (which also loads the earlier years it compares with),
 * the public year as JSON and the public page's rankings. Each step is followed by a turn of the event
 * loop, so requests arriving meanwhile are served between steps; the longest step is scoring the year
 * (see docs/benchmarks.md).
 */
export async function warmVersion(db: Db, cycleId: string, version: number): Promise<void> {
  const model = await publishedModel(db, cycleId, version);
  await nextTurn();
  for (const f of model.frameworks) {
    await dashboardJson(db, model, { level: f.level as 'so' | 'huyen' | 'xa', by: 'total' });
    await nextTurn();
  }
  await publicYearJson(db, model.meta.year);
  await nextTurn();
  const year = await publishedYear(db, model.meta.year);
  for (const pl of year?.levels ?? []) {
    levelTables(pl, TOTAL_TAB);
    await nextTurn();
    unitRanks(pl);
    await nextTurn();
  }
}

/** Queues a warm-up; failures are logged, never thrown (a cold request still works). */
export function warmInBackground(
  db: Db,
  log: FastifyBaseLogger,
  what: () => Promise<{ cycleId: string; version: number }[]>,
): Promise<void> {
  const run = queue.then(async () => {
    for (const { cycleId, version } of await what()) {
      const t0 = performance.now();
      await warmVersion(db, cycleId, version);
      log.info({ cycleId, version, ms: Math.round(performance.now() - t0) }, 'results cache warmed');
    }
  });
  const done = run.catch((e: unknown) => log.warn({ err: e }, 'results cache warm-up failed'));
  queue = done;
  return done;
}

/** Resolves once every queued warm-up has finished (tests and benchmarks wait for it). */
export function warmIdle(): Promise<unknown> {
  return queue;
}

/** After a publication or correction: warms the new version (call it once the transaction is committed). */
export function warmAfterPublish(app: FastifyInstance, cycleId: string, version: number): Promise<void> {
  return warmInBackground(app.db, app.log, async () => [{ cycleId, version }]);
}

/** The latest version of every cycle of the most recent published years, oldest year first. */
export async function latestPublished(db: Db, years = START_YEARS) {
  const heads = await publishedHeads(db);
  const recent = [...new Set(heads.map((h) => h.year))].slice(0, years);
  return heads
    .filter((h) => recent.includes(h.year))
    .reverse()
    .map((h) => ({ cycleId: h.cycleId, version: h.version }));
}

/** At start, once the server is ready: warms the latest published versions in the background. */
export function installResultsWarmup(app: FastifyInstance): void {
  app.addHook('onReady', async () => {
    void warmInBackground(app.db, app.log, () => latestPublished(app.db));
  });
}
