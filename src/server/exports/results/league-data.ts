import { FRAMEWORK_LEVELS, type Framework, type FrameworkLevel } from '../../../core/framework/model';
import { flattenNodes } from '../../../core/framework/tree';
import { type LeagueTable, leagueTables } from '../../../core/results/league';
import { previousStandings } from '../../../core/results/standings';
import type { Db } from '../../db/client';
import { historyOf } from '../../results/history';
import { memoOf, type ResultsModel } from '../../results/results-model';

/** One level's league tables (one per group) ranked by the total, with last year's change. */
export interface LevelLeague {
  level: FrameworkLevel;
  framework: Framework;
  /** Main indices of the set, for the "xếp hạng chi tiết" columns. */
  mains: { code: string; name: string }[];
  tables: LeagueTable[];
  /** Whether an earlier year was published (the change columns are empty otherwise). */
  hasPrevious: boolean;
}

/** Every level of the results with its league tables, as the dashboard computes them. */
export async function leagueByLevel(db: Db, model: ResultsModel): Promise<LevelLeague[]> {
  const history = await historyOf(db, model);
  const last = history.years.find((y) => y.year === model.meta.year - 1);
  const names = memoOf(model, 'report:names', () => new Map(model.units.map((u) => [u.unitId, u.name])));
  const sets = [...model.frameworks].sort(
    (a, b) => FRAMEWORK_LEVELS.indexOf(a.level) - FRAMEWORK_LEVELS.indexOf(b.level),
  );
  return sets.map((framework) => {
    const level = framework.level;
    const scores = model.scores.filter((s) => s.level === level);
    const previous = last
      ? memoOf(model, `report:previous|${history.signature}|${level}`, () =>
          previousStandings(
            last,
            scores.map((s) => s.unitId),
            history.links,
          ),
        )
      : undefined;
    const mains = flattenNodes(framework.nodes)
      .filter((v) => v.node.kind === 'main')
      .map((v) => ({ code: v.node.code, name: v.node.name }));
    const tables = leagueTables([framework], scores, { previous, names }).sort(
      (a, b) => (a.group ?? 0) - (b.group ?? 0) || a.partition.localeCompare(b.partition),
    );
    return { level, framework, mains, tables, hasPrevious: last !== undefined };
  });
}
