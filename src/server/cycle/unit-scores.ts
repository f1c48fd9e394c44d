import { selfOutcome } from '../../core/cycle/entry-score';
import type { ReviewState } from '../../core/cycle/states';
import {
  type LeafScores,
  pointsFramework,
  type ScoreStage,
  stageUnitData,
} from '../../core/cycle/three-scores';
import type { Framework } from '../../core/framework/model';
import { flattenNodes, isLeaf } from '../../core/framework/tree';
import { scoreUnits } from '../../core/scoring/score-unit';
import type { UnitScore } from '../../core/scoring/types';
import type { cycleEntries } from '../db/schema';

type EntryRow = typeof cycleEntries.$inferSelect;

export interface ScoredUnit {
  unitId: string;
  level: Framework['level'];
  group: number | null;
}

/** Each leaf's three scores from the stored entries (self recomputed from the inputs by the set's rules). */
export function leafScores(f: Framework, rows: readonly EntryRow[]): Map<string, LeafScores> {
  const leaves = new Map(
    flattenNodes(f.nodes)
      .filter((v) => isLeaf(v.node))
      .map((v) => [v.node.code, v.node]),
  );
  const out = new Map<string, LeafScores>();
  for (const r of rows) {
    const node = leaves.get(r.code);
    if (!node) continue;
    const central = r.central ? { inputs: r.central.inputs, source: r.central.source } : null;
    out.set(r.code, {
      self: selfOutcome(node, f.policy, { inputs: r.inputs, notApplicable: r.notApplicable, central }),
      review: (r.review as ReviewState | null) ?? null,
      appraisedPoints: r.appraisedPoints,
      finalPoints: r.finalPoints,
    });
  }
  return out;
}

const converted = new WeakMap<Framework, Framework>();

/** The set scored from decided points, converted once per loaded set. */
export function pointsSet(f: Framework): Framework {
  let p = converted.get(f);
  if (!p) {
    p = pointsFramework(f);
    converted.set(f, p);
  }
  return p;
}

/** Scores many units at one stage on one set. */
export function scoreStage(
  f: Framework,
  units: readonly ScoredUnit[],
  leaves: ReadonlyMap<string, ReadonlyMap<string, LeafScores>>,
  stage: ScoreStage,
): UnitScore[] {
  return scoreUnits(
    pointsSet(f),
    units.map((u) => stageUnitData(u, leaves.get(u.unitId) ?? new Map(), stage)),
  );
}

/**
 * A unit's totals at the three stages; appraised and final are null until every submitted indicator has
 * its appraisal.
 */
export function stageTotals(f: Framework, unit: ScoredUnit, rows: readonly EntryRow[]) {
  const leaves = new Map([[unit.unitId, leafScores(f, rows)]]);
  const appraisedAll = rows.length > 0 && rows.every((r) => r.review === 'agreed' || r.review === 'adjusted');
  // A draft form is saved on every pause in typing: score only the stages that exist yet.
  const total = (stage: ScoreStage) => scoreStage(f, [unit], leaves, stage)[0]!.total;
  const self = total('self');
  return {
    self: self.points,
    appraised: appraisedAll ? total('appraised').points : null,
    final: appraisedAll ? total('final').points : null,
    max: self.max,
  };
}
