import type { TUnitProfile } from '../../contracts/results';
import { evidenceCompleteness } from '../../core/results/improvement';
import { peerKey } from '../../core/results/peer-groups';
import { radarSeries } from '../../core/results/radar';
import { type UnitStrengths, unitStrengths } from '../../core/results/strengths';
import { unitTrend } from '../../core/results/trend';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { historyOf, yearOf } from './history';
import { memoOf, type ResultsModel } from './results-model';

/**
 * A unit's profile as JSON: its three totals, rank and band, the radar of its main indices against its
 * level and group, its strengths and weaknesses with the indicators behind them, its trend over the
 * published years (merged units on their predecessors' history) and its evidence completeness.
 */
export async function unitProfileJson(db: Db, model: ResultsModel, unitId: string): Promise<string> {
  const u = model.byId.get(unitId);
  const score = model.scoreById.get(unitId);
  if (!u || !score) throw new AppError('unit_not_found', 'Đơn vị không có trong kết quả này', { unitId });
  const history = await historyOf(db, model);
  const viewKey = `unit|${history.signature}|${unitId}`;
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
  const ev = model.evidence.get(unitId) ?? { required: 0, provided: 0 };
  const [evidence] = evidenceCompleteness([{ unitId, ...ev }]);
  const body: TUnitProfile = {
    ...model.meta,
    unit: { unitId, code: u.code, name: u.name, level: u.level, groupNo: u.groupNo },
    scores: { self: u.self, appraised: u.appraised, final: u.final },
    rank: u.rank,
    rankOf: u.rankOf,
    band: u.band,
    radar: { axes: radar.axes, unit: radar.unit, groupAverage: radar.groupAverage },
    strengths: strengths.strengths,
    weaknesses: strengths.weaknesses,
    trend: unitTrend(unitId, [...history.years, yearOf(model)], history.links),
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
