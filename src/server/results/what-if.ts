import type { TWhatIfResult } from '../../contracts/results';
import type { FrameworkLevel } from '../../core/framework/model';
import { flattenNodes, isLeaf } from '../../core/framework/tree';
import { whatIf } from '../../core/results/what-if';
import type { LeafEntry, UnitData } from '../../core/scoring/types';
import { AppError } from '../../core/shared/app-error';
import { levelSet, type ResultsModel } from './results-model';

export interface WhatIfQuery {
  level?: FrameworkLevel;
  mainMax?: Record<string, number>;
  notApplicable?: 'rescale' | 'rank_separately';
  missing?: 'zero' | 'not_applicable';
  places: number;
}

/**
 * Reranks one level's published (or previewed) results under other main-index maxima or another
 * not-applicable policy. Pure computation on the loaded results: nothing is written.
 */
export function whatIfResult(model: ResultsModel, q: WhatIfQuery): TWhatIfResult {
  const level = q.level ?? model.frameworks[0]?.level;
  if (!level) throw new AppError('not_found', 'Kết quả chưa có đơn vị nào');
  const f = levelSet(model, level);
  const leaves = flattenNodes(f.nodes)
    .filter((v) => isLeaf(v.node))
    .map((v) => v.node.code);
  // The engine's inputs again, from each indicator's final result: decided points or "not applicable".
  const units: UnitData[] = model.scores
    .filter((s) => s.level === level)
    .map((s) => {
      const inputs: Record<string, LeafEntry> = {};
      for (const code of leaves) {
        const x = s.nodes[code];
        if (!x || x.missing) continue;
        inputs[code] = x.applicable ? { points: x.points } : { notApplicable: true, reason: x.reason ?? '' };
      }
      return { unitId: s.unitId, level: s.level, group: s.group, inputs };
    });
  const policy: { notApplicable?: 'rescale' | 'rank_separately'; missing?: 'zero' | 'not_applicable' } = {};
  if (q.notApplicable) policy.notApplicable = q.notApplicable;
  if (q.missing) policy.missing = q.missing;
  const r = whatIf(f, units, {
    ...(q.mainMax ? { mainMax: q.mainMax } : {}),
    policy,
    places: q.places,
  });
  return {
    ...model.meta,
    level: level as 'so' | 'huyen' | 'xa',
    units: r.units.map((x) => {
      const u = model.byId.get(x.unitId)!;
      return {
        unitId: x.unitId,
        code: u.code,
        name: u.name,
        group: x.group,
        baseline: x.baseline,
        scenario: x.scenario,
        rankChange: x.rankChange,
        moved: x.moved,
      };
    }),
    groups: r.groups.map((g) => ({ ...g, level: g.level as 'so' | 'huyen' | 'xa' })),
    compared: r.compared,
    moved: r.moved,
    share: r.share,
  };
}
