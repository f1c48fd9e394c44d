import { sql } from 'drizzle-orm';
import type { TDashboard } from '../../contracts/contest-results';
import { roundPoints } from '../../core/exam/points';
import { practiceSectionPoints } from '../../core/exam/rules';
import { groupFigures, levelFigures } from '../../core/exam/unit-summary';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';
import { type ContestResults, loadContestResults } from './load-results';
import { contestHead, unitKeyOf } from './results-view';
import { contestUnitSummaries } from './unit-summary-export';

/** Earlier contests shown beside this one, most recent first. */
const HISTORY_YEARS = 4;
const BINS = 10;

/** Totals in ten bins of a tenth of the scale each, [from, to), the last one closed at the scale. */
export function distribution(totals: number[], scale: number): TDashboard['distribution'] {
  const width = scale / BINS;
  const bins = Array.from({ length: BINS }, (_, i) => ({
    from: roundPoints(i * width),
    to: roundPoints((i + 1) * width),
    count: 0,
  }));
  for (const t of totals) {
    const i = Math.min(BINS - 1, Math.max(0, Math.floor(roundPoints(t / width))));
    bins[i]!.count++;
  }
  return bins;
}

const graded = (r: ContestResults) => r.candidates.filter((c) => c.state === 'graded');

/**
 * The contest's dashboard: distribution of totals, pass rate and averages by level and unit, section
 * averages, and each unit's average and pass rate in the earlier contests (older years, the latest
 * contest of each year), matched by registry unit, else by unit name.
 */
export async function contestDashboard(db: Db, contestId: string): Promise<TDashboard> {
  const results = await loadContestResults(db, contestId);
  const inputs = results.candidates.map((c) => ({
    unitKey: unitKeyOf(c),
    unitId: c.unitId,
    unitCode: c.unitCode,
    unitName: c.unitName,
    level: c.level,
    sat: c.sat,
    result: c.state === 'graded' ? c.result : null,
  }));
  const overall = groupFigures(inputs);
  const units = contestUnitSummaries(results);
  const rules = results.contest.rules;

  const earlier = await queryRows<{ id: string; year: number; name: string }>(
    db,
    sql`select distinct on (year) id, year, name from contests
        where year < ${results.contest.year} and status <> 'draft'
        order by year desc, created_at desc limit ${HISTORY_YEARS}`,
  );
  const years = earlier.reverse();
  const past = await Promise.all(years.map((y) => loadContestResults(db, y.id)));
  const pastUnits = past.map((p) => {
    const byKey = new Map<string, { average: number | null; passRate: number | null }>();
    for (const u of contestUnitSummaries(p)) {
      const value = { average: u.averageTotal, passRate: u.passRate };
      byKey.set(u.unitKey, value);
      byKey.set(`name:${u.unitName}`, byKey.get(`name:${u.unitName}`) ?? value);
    }
    return byKey;
  });
  const find = (
    m: Map<string, { average: number | null; passRate: number | null }>,
    u: (typeof units)[number],
  ) => m.get(u.unitKey) ?? m.get(`name:${u.unitName}`) ?? null;

  return {
    contest: contestHead(results),
    overall,
    distribution: distribution(
      graded(results).map((c) => c.result!.total),
      rules.scale,
    ),
    levels: levelFigures(inputs),
    units,
    sections: [
      {
        code: 'theory',
        name: rules.sections.find((s) => s.code === 'theory')?.name ?? 'Lý thuyết',
        max: rules.sections.find((s) => s.code === 'theory')?.points ?? 0,
        average: overall.averageTheory,
      },
      {
        code: 'practice',
        name: rules.sections.find((s) => s.code === 'practice')?.name ?? 'Thực hành',
        max: practiceSectionPoints(rules),
        average: overall.averagePractice,
      },
    ],
    history: {
      years: years.map((y) => ({ contestId: y.id, year: Number(y.year), name: y.name })),
      units: units.map((u) => ({
        unitKey: u.unitKey,
        unitName: u.unitName,
        level: u.level,
        averages: [...pastUnits.map((m) => find(m, u)?.average ?? null), u.averageTotal],
        passRates: [...pastUnits.map((m) => find(m, u)?.passRate ?? null), u.passRate],
      })),
    },
  };
}
