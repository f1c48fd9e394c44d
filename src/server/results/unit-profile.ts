import { inArray } from 'drizzle-orm';
import type { TTrendMethod, TUnitProfile } from '../../contracts/results';
import { evidenceCompleteness } from '../../core/results/improvement';
import { peerKey } from '../../core/results/peer-groups';
import { radarSeries } from '../../core/results/radar';
import { type UnitStrengths, unitStrengths } from '../../core/results/strengths';
import { unitTrend } from '../../core/results/trend';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { units } from '../db/schema';
import { historyOf, yearOf } from './history';
import { memoOf, type ResultsModel } from './results-model';

/**
 * A unit's profile as JSON: its three totals, rank and band, the radar of its main indices against its
 * level and group, its strengths and weaknesses with the indicators behind them, its trend over the
 * published years (merged units on their predecessors' history, averaged by `trendMethod`: the plain
 * mean, or weighted by each predecessor's applicable maximum points that year) and its evidence
 * completeness.
 */
export async function unitProfileJson(
  db: Db,
  model: ResultsModel,
  unitId: string,
  trendMethod: TTrendMethod = 'mean',
): Promise<string> {
  const u = model.byId.get(unitId);
  const score = model.scoreById.get(unitId);
  if (!u || !score) throw new AppError('unit_not_found', 'Đơn vị không có trong kết quả này', { unitId });
  const history = await historyOf(db, model);
  const viewKey = `unit|${history.signature}|${trendMethod}|${unitId}`;
  const hit = model.views.get(viewKey);
  if (hit) return hit;

  const group = peerKey(score);
  const peers = memoOf(model, `peers|${group}`, () => model.scores.filter((s) => peerKey(s) === group));
  const strengths = memoOf(
    model,
    `strengths|${group}`,
    () => new Map<string, UnitStrengths>(unitStrengths(model.frameworks, peers).map((s) => [s.unitId, s])),
  ).get(unitId)!;
  const radar = radarSeries(model.frameworks, peers, unitId);
  const years = [...history.years, yearOf(model)];
  // A predecessor's weight: the maximum points it was scored on that year (what applied to it).
  const weightOf = (id: string, year: number) =>
    years.find((y) => y.year === year)?.scores.find((s) => s.unitId === id)?.total.max;
  const trend = unitTrend(unitId, years, history.links, { method: trendMethod, weightOf });
  const others = [...new Set(trend.flatMap((p) => p.sources))].filter((id) => id !== unitId);
  const predecessors = others.length
    ? await db
        .select({ unitId: units.id, code: units.code, name: units.name })
        .from(units)
        .where(inArray(units.id, others))
        .orderBy(units.code)
    : [];
  const ev = model.evidence.get(unitId) ?? { required: 0, provided: 0 };
  const [evidence] = evidenceCompleteness([{ unitId, ...ev }]);
  const body: TUnitProfile = {
    ...model.meta,
    trendMethod,
    unit: { unitId, code: u.code, name: u.name, level: u.level, groupNo: u.groupNo },
    scores: { self: u.self, appraised: u.appraised, final: u.final },
    rank: u.rank,
    rankOf: u.rankOf,
    band: u.band,
    radar: { axes: radar.axes, unit: radar.unit, groupAverage: radar.groupAverage },
    strengths: strengths.strengths,
    weaknesses: strengths.weaknesses,
    trend,
    predecessors,
    evidence: {
      required: evidence!.required,
      provided: evidence!.provided,
      missing: evidence!.missing,
      share: evidence!.share,
    },
  };
  const json = JSON.stringify(body);
  model.views.set(viewKey, json);
  return json;
}
