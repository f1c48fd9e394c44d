import type { Framework, NodeKind } from '../framework/model';
import { nodeValue } from '../scoring/compact';
import { compileFramework } from '../scoring/compile';
import type { UnitScore } from '../scoring/types';
import { frameworkFor, peerGroups } from './peer-groups';
import { mean } from './stats';

export interface HeatmapColumn {
  code: string;
  name: string;
  /** The node's maximum in the set. */
  maxPoints: number;
}

export interface HeatmapRow {
  unitId: string;
  /** Value (0–1) per column; null where the node does not apply to the unit. */
  values: (number | null)[];
}

/** Units × main indices of one level and group. */
export interface Heatmap {
  level: UnitScore['level'];
  group: number | null;
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
  /** Mean value per column over the units where it applies; null where it applies to none. */
  averages: (number | null)[];
}

/**
 * The units × main-index matrix (or pillars with `kind`), one per level and group: columns are the
 * nodes of that kind that apply to the group, in the set's order; each column carries the group average.
 */
export function heatmaps(
  frameworks: readonly Framework[],
  scores: readonly UnitScore[],
  opts: { kind?: NodeKind } = {},
): Heatmap[] {
  const kind = opts.kind ?? 'main';
  return peerGroups(scores).map((g) => {
    const c = compileFramework(frameworkFor(frameworks, g.level), g.level, g.group);
    const columns = c.nodes
      .filter((n) => n.kind === kind)
      .map((n) => ({ code: n.code, name: n.name, maxPoints: n.maxPoints }));
    const rows = g.members.map((s) => ({
      unitId: s.unitId,
      values: columns.map((col) => nodeValue(s, col.code)),
    }));
    const averages = columns.map((_, k) => {
      const present: number[] = [];
      for (const r of rows) if (r.values[k] !== null) present.push(r.values[k]!);
      return mean(present);
    });
    return { level: g.level, group: g.group, columns, rows, averages };
  });
}
