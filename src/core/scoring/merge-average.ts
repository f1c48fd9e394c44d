import type { NodeKind } from '../framework/model';
import { AppError } from '../shared/app-error';
import { ABSENT, EXCLUDED, makeUnitScore, nodeValue } from './compact';
import type { CompiledFramework } from './compile';
import type { UnitScore } from './types';

export interface Predecessor {
  score: UnitScore;
  /** Used by the 'weighted' method (e.g. population); must be positive. */
  weight?: number;
}

export interface MergeOptions {
  /** 'mean' as the national DTI 2024 did for merged provinces; 'weighted' by `weight`. */
  method?: 'mean' | 'weighted';
  /** Level of the averaged nodes (default main indices); nodes above are rebuilt as sums. */
  kind?: NodeKind;
}

/**
 * The history of a merged unit: for each node of `kind`, the (weighted) mean of its predecessors'
 * values where the node applies to them, turned back into points on the node's maximum; parents are
 * summed from there. Nodes below `kind` are not carried (there is no meaningful average of evidence).
 * With the plain mean and all nodes applicable, the total equals the mean of the predecessors' totals.
 */
export function mergeAverage(
  c: CompiledFramework,
  unitId: string,
  predecessors: Predecessor[],
  opts: MergeOptions = {},
): UnitScore {
  const method = opts.method ?? 'mean';
  const kind = opts.kind ?? 'main';
  if (predecessors.length === 0) {
    throw new AppError('validation_failed', 'Cần ít nhất một đơn vị tiền thân để tính trung bình');
  }
  if (method === 'weighted' && predecessors.some((p) => !(p.weight !== undefined && p.weight > 0))) {
    throw new AppError('validation_failed', 'Trọng số của mỗi đơn vị tiền thân phải là số dương');
  }
  const n = c.nodes.length;
  const points = new Float64Array(n);
  const max = new Float64Array(n);
  const applicable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const node = c.nodes[i]!;
    if (node.kind !== kind) continue;
    let sum = 0;
    let weights = 0;
    for (const p of predecessors) {
      const v = nodeValue(p.score, node.code);
      if (v === null) continue;
      const w = method === 'weighted' ? p.weight! : 1;
      sum += v * w;
      weights += w;
    }
    if (weights === 0) continue;
    points[i] = (sum / weights) * node.maxPoints;
    max[i] = node.maxPoints;
    applicable[i] = 1;
  }
  let totalPoints = 0;
  let totalMax = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (!applicable[i]) continue;
    const p = c.nodes[i]!.parent;
    if (p < 0) {
      totalPoints += points[i]!;
      totalMax += max[i]!;
      continue;
    }
    points[p]! += points[i]!;
    max[p]! += max[i]!;
    applicable[p] = 1;
  }
  const flags = new Uint8Array(n);
  const excluded: string[] = [];
  for (let i = 0; i < n; i++) {
    const node = c.nodes[i]!;
    if (hasKindAbove(c, i, kind)) flags[i] = ABSENT;
    else if (!applicable[i]) {
      flags[i] = EXCLUDED;
      if (node.parent < 0 || applicable[node.parent]) excluded.push(node.code);
    }
  }
  const first = predecessors[0]!.score;
  const total: UnitScore['total'] = {
    points: totalPoints,
    max: totalMax,
    value: totalMax > 0 ? totalPoints / totalMax : null,
  };
  if (c.policy.notApplicable === 'rescale') {
    total.scaled = totalMax > 0 ? (totalPoints * c.nominalMax) / totalMax : 0;
  }
  return makeUnitScore(
    { unitId, level: first.level, group: first.group, total, excluded: excluded.sort(), issues: [] },
    { c, points, max, flags, reasons: [] },
  );
}

function hasKindAbove(c: CompiledFramework, i: number, kind: NodeKind): boolean {
  for (let p = c.nodes[i]!.parent; p >= 0; p = c.nodes[p]!.parent) if (c.nodes[p]!.kind === kind) return true;
  return false;
}
