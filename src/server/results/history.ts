import { eq, sql } from 'drizzle-orm';
import type { UnitLink, YearResults } from '../../core/results/types';
import type { Db } from '../db/client';
import { cycleSnapshots, cycles, unitLinks } from '../db/schema';
import { publishedModel } from './load-results';
import type { ResultsModel } from './results-model';

/** Earlier years' published results (latest version of each cycle) and the register's links. */
export interface History {
  /** Identifies the versions used, so views built on them are recomputed after a correction. */
  signature: string;
  years: YearResults[];
  links: UnitLink[];
}

/** Every cycle's latest published version of years before `year`. */
async function earlierSnapshots(db: Db, year: number) {
  return db
    .select({
      cycleId: cycleSnapshots.cycleId,
      year: cycles.year,
      version: sql<number>`max(${cycleSnapshots.version})::int`,
    })
    .from(cycleSnapshots)
    .innerJoin(cycles, eq(cycles.id, cycleSnapshots.cycleId))
    .where(sql`${cycles.year} < ${year}`)
    .groupBy(cycleSnapshots.cycleId, cycles.year);
}

/**
 * The published years before the model's, one `YearResults` per year (cycles of one year merged), for
 * the previous-year change and the trend. Only snapshots with details count (older ones carry totals
 * only, which the results core cannot restate for merged units).
 */
export async function historyOf(db: Db, model: ResultsModel): Promise<History> {
  const [snaps, links] = await Promise.all([
    earlierSnapshots(db, model.meta.year),
    db
      .select({
        predecessorId: unitLinks.predecessorId,
        successorId: unitLinks.successorId,
        kind: unitLinks.kind,
        effectiveDate: unitLinks.effectiveDate,
      })
      .from(unitLinks),
  ]);
  snaps.sort((a, b) => a.year - b.year || a.cycleId.localeCompare(b.cycleId));
  const byYear = new Map<number, YearResults>();
  for (const s of snaps) {
    const m = await publishedModel(db, s.cycleId, s.version);
    if (m.scores.length === 0) continue;
    const y = byYear.get(s.year) ?? { year: s.year, frameworks: [], scores: [] };
    for (const f of m.frameworks) if (!y.frameworks.some((x) => x.level === f.level)) y.frameworks.push(f);
    y.scores.push(...m.scores.filter((x) => y.frameworks.some((f) => f.level === x.level)));
    byYear.set(s.year, y);
  }
  return {
    signature: `${snaps.map((s) => `${s.cycleId}@${s.version}`).join(',')}|${links.length}`,
    years: [...byYear.values()],
    links,
  };
}

/** The current year as `YearResults`. */
export function yearOf(model: ResultsModel): YearResults {
  return { year: model.meta.year, frameworks: model.frameworks, scores: model.scores };
}
