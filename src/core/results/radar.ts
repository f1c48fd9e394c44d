import type { Framework, NodeKind } from '../framework/model';
import type { UnitScore } from '../scoring/types';
import { AppError } from '../shared/app-error';
import { heatmaps } from './heatmap';
import { peerKey } from './peer-groups';

/** The radar chart of one unit: one axis per main index (0–1), the unit's series and its group's. */
export interface RadarSeries {
  unitId: string;
  axes: { code: string; name: string; max: 1 }[];
  unit: (number | null)[];
  groupAverage: (number | null)[];
}

/** A unit's main-index values against the average of its level and group (the heatmap's averages). */
export function radarSeries(
  frameworks: readonly Framework[],
  scores: readonly UnitScore[],
  unitId: string,
  opts: { kind?: NodeKind } = {},
): RadarSeries {
  const self = scores.find((s) => s.unitId === unitId);
  if (!self) throw new AppError('unit_not_found', 'Không có kết quả của đơn vị', { unitId });
  const key = peerKey(self);
  const [map] = heatmaps(
    frameworks,
    scores.filter((s) => peerKey(s) === key),
    opts,
  );
  const row = map!.rows.find((r) => r.unitId === unitId)!;
  return {
    unitId,
    axes: map!.columns.map((c) => ({ code: c.code, name: c.name, max: 1 as const })),
    unit: row.values,
    groupAverage: map!.averages,
  };
}
