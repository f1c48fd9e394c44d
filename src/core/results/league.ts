import type { Band, Framework } from '../framework/model';
import { findNode } from '../framework/tree';
import { bandFor } from '../scoring/bands';
import { nodeValue } from '../scoring/compact';
import { type Rank, rankUnits } from '../scoring/rank';
import type { UnitScore } from '../scoring/types';
import { AppError } from '../shared/app-error';
import { frameworkFor } from './peer-groups';
import type { Standing, UnitStanding } from './standings';
import type { HistoryBasis } from './types';

/** What a table is ranked by: the total (DTI), or one pillar or main index (the public page's tabs). */
export type SortKey = { by: 'total' } | { by: 'node'; code: string };

export interface LeagueRow {
  unitId: string;
  /** Shared rank ("1, 2, 2, 4"); null when the unit has no value for the key. */
  rank: number | null;
  value: number | null;
  points: number | null;
  max: number | null;
  /** Band of the total (null for a pillar or main index, or below every band). */
  band: Band | null;
  /** Last year's standing on the same key (own or predecessors'), null for a unit with no history. */
  previous: Standing | null;
  previousBasis: HistoryBasis | null;
  /** value − previous value (0–1 scale). */
  valueChange: number | null;
  /** Growth in percent of last year's value ("tăng 8,6%"); null from a zero base. */
  percentChange: number | null;
  /** previous rank − rank: positive = up ("tăng 10 bậc"). */
  rankChange: number | null;
}

export interface LeagueTable {
  level: UnitScore['level'];
  group: number | null;
  /** The engine's ranking partition (level, group and, under `rank_separately`, the unit's shape). */
  partition: string;
  sortKey: SortKey;
  /** Number of ranked units. */
  of: number;
  rows: LeagueRow[];
}

export interface LeagueOptions {
  sortBy?: SortKey;
  /** Last year's standings restated for today's units (`previousStandings`). */
  previous?: ReadonlyMap<string, UnitStanding>;
  /** Bands of the total; default the set's own. */
  bands?: readonly Band[];
  /** Unit names, to order tied units alphabetically (Vietnamese collation); else by id. */
  names?: ReadonlyMap<string, string>;
}

/**
 * League tables, one per ranking partition (level and group): ranks from the scoring engine (shared
 * ranks on unrounded values), the value and points on the chosen key, the band, and the change since
 * last year. Rows are in rank order; unranked units come last.
 */
export function leagueTables(
  frameworks: readonly Framework[],
  scores: readonly UnitScore[],
  opts: LeagueOptions = {},
): LeagueTable[] {
  const sortKey = opts.sortBy ?? { by: 'total' };
  const byLevel = new Map<string, UnitScore[]>();
  for (const s of scores) {
    const list = byLevel.get(s.level);
    if (list) list.push(s);
    else byLevel.set(s.level, [s]);
  }
  const tables: LeagueTable[] = [];
  for (const list of byLevel.values()) {
    const f = frameworkFor(frameworks, list[0]!.level);
    tables.push(...levelTables(f, list, sortKey, opts));
  }
  return tables;
}

function levelTables(f: Framework, scores: UnitScore[], key: SortKey, opts: LeagueOptions): LeagueTable[] {
  let kind: 'pillar' | 'main' | 'component' | 'criterion' | undefined;
  if (key.by === 'node') {
    const node = findNode(f, key.code);
    if (!node) throw new AppError('validation_failed', `Không có chỉ số mã ${key.code}`, { code: key.code });
    kind = node.kind;
  }
  const ranks = rankUnits(scores, f, { kinds: kind ? [kind] : [] });
  const bands = opts.bands ?? f.policy.bands;
  const tables = new Map<string, LeagueTable>();
  scores.forEach((s, i) => {
    const r: Rank = key.by === 'total' ? ranks[i]!.total : ranks[i]!.nodes[key.code]!;
    let t = tables.get(r.partition);
    if (!t) {
      t = { level: s.level, group: s.group, partition: r.partition, sortKey: key, of: r.of, rows: [] };
      tables.set(r.partition, t);
    }
    t.rows.push(row(s, r, key, bands, opts.previous?.get(s.unitId)));
  });
  const name = (id: string) => opts.names?.get(id) ?? id;
  for (const t of tables.values()) {
    t.rows.sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) || name(a.unitId).localeCompare(name(b.unitId), 'vi'),
    );
  }
  return [...tables.values()];
}

function row(
  s: UnitScore,
  r: Rank,
  key: SortKey,
  bands: readonly Band[],
  prevStanding: UnitStanding | undefined,
): LeagueRow {
  let value: number | null;
  let points: number | null;
  let max: number | null;
  let previous: Standing | null = null;
  if (key.by === 'total') {
    value = s.total.value;
    points = s.total.points;
    max = s.total.max;
    if (prevStanding) previous = prevStanding.total;
  } else {
    value = nodeValue(s, key.code);
    const n = value === null ? undefined : s.nodes[key.code];
    points = n ? n.points : null;
    max = n ? n.max : null;
    if (prevStanding) previous = prevStanding.nodes[key.code] ?? null;
  }
  const pv = previous?.value ?? null;
  const change = value !== null && pv !== null ? value - pv : null;
  return {
    unitId: s.unitId,
    rank: r.rank,
    value,
    points,
    max,
    band: key.by === 'total' ? bandFor(value, bands) : null,
    previous: previous ? { value: previous.value, rank: previous.rank, of: previous.of } : null,
    previousBasis: prevStanding?.basis ?? null,
    valueChange: change,
    percentChange: change !== null && pv !== null && pv > 0 ? (change / pv) * 100 : null,
    rankChange: r.rank !== null && previous?.rank != null ? previous.rank - r.rank : null,
  };
}
