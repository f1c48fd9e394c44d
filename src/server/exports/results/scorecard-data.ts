import type { TSnapshotUnit } from '../../../contracts/cycles';
import { flattenNodes } from '../../../core/framework/tree';
import { peerKey } from '../../../core/results/peer-groups';
import { radarSeries } from '../../../core/results/radar';
import { type StrengthItem, type UnitStrengths, unitStrengths } from '../../../core/results/strengths';
import { AppError } from '../../../core/shared/app-error';
import { levelSet, memoOf, type ResultsModel } from '../../results/results-model';

/** A main index of the unit against the average of its level and group. */
export interface ScorecardMain {
  code: string;
  name: string;
  points: number | null;
  max: number | null;
  value: number | null;
  groupAverage: number | null;
}

/** What the scorecard prints for one unit. */
export interface Scorecard {
  unit: TSnapshotUnit;
  frameworkName: string;
  /** Units of the same level and group. */
  peers: number;
  mains: ScorecardMain[];
  strengths: StrengthItem[];
  weaknesses: StrengthItem[];
  evidence: { required: number; provided: number };
}

/** A unit's scorecard figures from the results: the snapshot's totals, the engine's main indices. */
export function scorecardOf(model: ResultsModel, unitId: string): Scorecard {
  const unit = model.byId.get(unitId);
  const score = model.scoreById.get(unitId);
  if (!unit || !score) throw new AppError('unit_not_found', 'Đơn vị không có trong kết quả này', { unitId });
  const group = peerKey(score);
  const peers = memoOf(model, `report:peers|${group}`, () =>
    model.scores.filter((s) => peerKey(s) === group),
  );
  const strengths = memoOf(
    model,
    `report:strengths|${group}`,
    () => new Map<string, UnitStrengths>(unitStrengths(model.frameworks, peers).map((s) => [s.unitId, s])),
  ).get(unitId)!;
  const radar = radarSeries(model.frameworks, peers, unitId);
  const f = levelSet(model, score.level);
  const names = new Map(flattenNodes(f.nodes).map((v) => [v.node.code, v.node.name]));
  const mains = radar.axes.map((a, i): ScorecardMain => {
    const n = score.nodes[a.code];
    const applies = n?.applicable === true;
    return {
      code: a.code,
      name: names.get(a.code) ?? a.name,
      points: applies ? n.points : null,
      max: applies ? n.max : null,
      value: radar.unit[i] ?? null,
      groupAverage: radar.groupAverage[i] ?? null,
    };
  });
  return {
    unit,
    frameworkName: f.name,
    peers: peers.length,
    mains,
    strengths: strengths.strengths,
    weaknesses: strengths.weaknesses,
    evidence: model.evidence.get(unitId) ?? { required: 0, provided: 0 },
  };
}
