import { compileFramework } from '../scoring/compile';
import { mergeAverage } from '../scoring/merge-average';
import type { UnitScore } from '../scoring/types';
import { frameworkFor } from './peer-groups';
import { historySources } from './predecessors';
import type { HistoryBasis, MergeHistoryOptions, UnitLink, YearResults } from './types';

/** A unit's result in a past year, restated for the unit as it is now. */
export interface RestatedScore {
  unitId: string;
  score: UnitScore;
  basis: HistoryBasis;
  /** Units whose results were used (the unit itself for 'own'). */
  sources: string[];
}

/**
 * The result `unitId` stands on in `year`: its own score, a predecessor's, or, for a merged unit, the
 * mean of its predecessors' main-index values turned back into points (the scoring engine's
 * `mergeAverage`, as the national DTI 2024 did for merged provinces). Null when neither the unit nor
 * any predecessor has a result that year.
 */
export function restateUnit(
  year: YearResults,
  unitId: string,
  links: readonly UnitLink[],
  opts: MergeHistoryOptions = {},
  index: Map<string, UnitScore> = scoreIndex(year),
): RestatedScore | null {
  const sources = historySources(unitId, links, (id) => index.has(id));
  if (sources.length === 0) return null;
  const first = index.get(sources[0]!)!;
  if (sources.length === 1) {
    if (sources[0] === unitId) return { unitId, score: first, basis: 'own', sources };
    return { unitId, score: relabel(first, unitId), basis: 'predecessor', sources };
  }
  const c = compileFramework(frameworkFor(year.frameworks, first.level), first.level, first.group);
  const weighted = opts.method === 'weighted';
  const score = mergeAverage(
    c,
    unitId,
    sources.map((id) => ({
      score: index.get(id)!,
      ...(weighted ? { weight: opts.weightOf?.(id, year.year) } : {}),
    })),
    { method: weighted ? 'weighted' : 'mean' },
  );
  return { unitId, score, basis: 'merged', sources };
}

/** `restateUnit` for many units of today, leaving out those with no result that year. */
export function restateYear(
  year: YearResults,
  unitIds: readonly string[],
  links: readonly UnitLink[],
  opts: MergeHistoryOptions = {},
): RestatedScore[] {
  const index = scoreIndex(year);
  const out: RestatedScore[] = [];
  for (const id of unitIds) {
    const r = restateUnit(year, id, links, opts, index);
    if (r) out.push(r);
  }
  return out;
}

function scoreIndex(year: YearResults): Map<string, UnitScore> {
  return new Map(year.scores.map((s) => [s.unitId, s]));
}

function relabel(s: UnitScore, unitId: string): UnitScore {
  return {
    unitId,
    level: s.level,
    group: s.group,
    total: s.total,
    nodes: s.nodes,
    excluded: s.excluded,
    issues: s.issues,
  };
}
