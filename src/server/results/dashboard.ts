import type { TDashboard, TLeagueRow } from '../../contracts/results';
import type { Framework, FrameworkLevel } from '../../core/framework/model';
import { flattenNodes } from '../../core/framework/tree';
import { distribution } from '../../core/results/distribution';
import { heatmaps } from '../../core/results/heatmap';
import { mostImproved, selfAppraisedGaps } from '../../core/results/improvement';
import { type LeagueRow, leagueTables, type SortKey } from '../../core/results/league';
import { previousStandings } from '../../core/results/standings';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { historyOf } from './history';
import { levelSet, memoOf, type ResultsModel } from './results-model';

export interface DashboardQuery {
  level?: 'so' | 'huyen' | 'xa';
  group?: number;
  by: string;
}

/** `total`, `pillar:<code>` or `main:<code>` as the core's sort key, refusing a code of another kind. */
export function sortKeyOf(f: Framework, by: string): SortKey {
  if (by === 'total') return { by: 'total' };
  const [kind, code] = by.split(':') as [string, string];
  const node = flattenNodes(f.nodes).find((v) => v.node.code === code)?.node;
  if (!node || node.kind !== kind) {
    throw new AppError(
      'validation_failed',
      `Bộ chỉ số không có ${kind === 'pillar' ? 'trụ cột' : 'chỉ số chính'} mã ${code}`,
      {
        by,
      },
    );
  }
  return { by: 'node', code };
}

/** Levels present in the results, each with its groups (null for communes, which have none). */
function levelsOf(model: ResultsModel) {
  return memoOf(model, 'levels', () => {
    const out = new Map<FrameworkLevel, Set<number | null>>();
    for (const u of model.units) {
      const g = out.get(u.level) ?? new Set();
      g.add(u.groupNo);
      out.set(u.level, g);
    }
    return [...out].map(([level, groups]) => ({
      level: level as 'so' | 'huyen' | 'xa',
      groups: [...groups].sort((a, b) => (a ?? 0) - (b ?? 0)),
    }));
  });
}

function tabsOf(f: Framework) {
  return [
    { by: 'total', code: null, name: 'Chỉ số DTI (tổng điểm)' },
    ...flattenNodes(f.nodes)
      .filter((v) => v.node.kind === 'pillar' || v.node.kind === 'main')
      .map((v) => ({ by: `${v.node.kind}:${v.node.code}`, code: v.node.code, name: v.node.name })),
  ];
}

/**
 * The leaders' dashboard of one level (and group) ranked by the total, a pillar or a main index, as
 * JSON: league tables with last year's change, distribution and band counts, the units × main-index
 * heatmap, the most improved units and the self vs appraised gaps. Rendered once per version, level,
 * group, key and set of earlier years, then served from memory.
 */
export async function dashboardJson(db: Db, model: ResultsModel, q: DashboardQuery): Promise<string> {
  const levels = levelsOf(model);
  const level = q.level ?? levels[0]?.level;
  if (!level) throw new AppError('not_found', 'Kết quả chưa có đơn vị nào');
  const f = levelSet(model, level);
  const key = sortKeyOf(f, q.by);
  const history = await historyOf(db, model);
  const viewKey = `dash|${history.signature}|${level}|${q.group ?? ''}|${q.by}`;
  const hit = model.views.get(viewKey);
  if (hit) return hit;

  const all = model.scores.filter((s) => s.level === level);
  const scores = q.group === undefined ? all : all.filter((s) => s.group === q.group);
  const last = history.years.find((y) => y.year === model.meta.year - 1);
  const previous = last
    ? memoOf(model, `previous|${history.signature}|${level}`, () =>
        previousStandings(
          last,
          all.map((s) => s.unitId),
          history.links,
        ),
      )
    : undefined;
  const names = memoOf(model, 'names', () => new Map(model.units.map((u) => [u.unitId, u.name])));
  const tables = leagueTables([f], scores, { sortBy: key, previous, names });
  const unit = (id: string) => model.byId.get(id)!;
  const row = (r: LeagueRow): TLeagueRow => ({
    unitId: r.unitId,
    code: unit(r.unitId).code,
    name: unit(r.unitId).name,
    rank: r.rank,
    value: r.value,
    points: r.points,
    max: r.max,
    band: r.band?.label ?? null,
    previous: r.previous,
    previousBasis: r.previousBasis,
    valueChange: r.valueChange,
    percentChange: r.percentChange,
    rankChange: r.rankChange,
  });
  const allRows = tables.flatMap((t) => t.rows);
  const body: TDashboard = {
    ...model.meta,
    level,
    group: q.group ?? null,
    by: q.by,
    levels,
    tabs: tabsOf(f),
    tables: tables.map((t) => ({
      level: t.level as 'so' | 'huyen' | 'xa',
      group: t.group,
      partition: t.partition,
      of: t.of,
      rows: t.rows.map(row),
    })),
    distribution: distribution(scores, { key, bands: f.policy.bands }),
    heatmaps: heatmaps([f], scores).map((h) => ({ ...h, level: h.level as 'so' | 'huyen' | 'xa' })),
    mostImproved: mostImproved(allRows).map(row),
    gaps: selfAppraisedGaps(
      scores.map((s) => {
        const u = unit(s.unitId);
        return { unitId: u.unitId, self: u.self, appraised: u.appraised };
      }),
    ).map((g) => ({ ...g, code: unit(g.unitId).code, name: unit(g.unitId).name })),
  };
  const json = JSON.stringify(body);
  model.views.set(viewKey, json);
  return json;
}
