import type { CompiledFramework } from './compile';
import type { NodeScore, ScoreIssue, UnitScore } from './types';

export const EXCLUDED = 1;
export const MISSING = 2;
export const INVALID = 4;
/** Not carried in this score at all (below the averaged level of a merged unit). */
export const ABSENT = 8;

/** Per-node arrays in compiled order: what scoring produces before any object is built. */
export interface Compact {
  c: CompiledFramework;
  points: Float64Array;
  max: Float64Array;
  flags: Uint8Array;
  reasons: (string | undefined)[];
}

/** Hidden from JSON and from `Object.keys`: bulk readers (ranking, storage) use it instead of `nodes`. */
export const COMPACT: unique symbol = Symbol('scoring.compact');

type WithCompact = UnitScore & { [COMPACT]?: Compact };

/**
 * A score whose `nodes` record is built on first read. Ranking and storing 10,000 units read the arrays
 * directly; building ~115 objects per unit up front cost more than scoring itself. A class (not an
 * object literal with a getter) keeps one shape for every score, so property reads stay fast.
 */
class LazyUnitScore implements UnitScore {
  readonly unitId: string;
  readonly level: UnitScore['level'];
  readonly group: number | null;
  readonly total: UnitScore['total'];
  readonly excluded: string[];
  readonly issues: ScoreIssue[];
  readonly [COMPACT]: Compact;
  #nodes: Record<string, NodeScore> | undefined;

  constructor(base: Omit<UnitScore, 'nodes'>, compact: Compact) {
    this.unitId = base.unitId;
    this.level = base.level;
    this.group = base.group;
    this.total = base.total;
    this.excluded = base.excluded;
    this.issues = base.issues;
    this[COMPACT] = compact;
  }

  get nodes(): Record<string, NodeScore> {
    this.#nodes ??= buildNodes(this[COMPACT]);
    return this.#nodes;
  }

  toJSON(): UnitScore {
    const { unitId, level, group, total, nodes, excluded, issues } = this;
    return { unitId, level, group, total, nodes, excluded, issues };
  }
}

/** Builds a score from the arrays scoring produced (see `LazyUnitScore`). */
export function makeUnitScore(base: Omit<UnitScore, 'nodes'>, compact: Compact): UnitScore {
  return new LazyUnitScore(base, compact);
}

function buildNodes({ c, points, max, flags, reasons }: Compact): Record<string, NodeScore> {
  const out: Record<string, NodeScore> = {};
  for (let i = 0; i < c.nodes.length; i++) {
    const f = flags[i]!;
    if (f & ABSENT) continue;
    const applicable = (f & EXCLUDED) === 0;
    const m = max[i]!;
    const s: NodeScore = {
      points: points[i]!,
      max: m,
      value: applicable && m > 0 ? points[i]! / m : null,
      applicable,
    };
    if (f & MISSING) s.missing = true;
    if (f & INVALID) s.invalid = true;
    if (reasons[i] !== undefined) s.reason = reasons[i];
    out[c.nodes[i]!.code] = s;
  }
  return out;
}

/** A node's value (null when absent or not applicable), fast on scores made by this module. */
export function nodeValue(s: UnitScore, code: string): number | null {
  const k = (s as WithCompact)[COMPACT];
  if (!k) {
    const n = s.nodes[code];
    return n?.applicable ? n.value : null;
  }
  const i = k.c.index.get(code);
  if (i === undefined || k.flags[i]! & (EXCLUDED | ABSENT)) return null;
  const m = k.max[i]!;
  return m > 0 ? k.points[i]! / m : null;
}

/** Node code → [points, max] for every node carried (max 0 = left out): the stored form. */
export function nodePairs(s: UnitScore): Record<string, [number, number]> {
  const k = (s as WithCompact)[COMPACT];
  const out: Record<string, [number, number]> = {};
  if (!k) {
    for (const [code, n] of Object.entries(s.nodes)) out[code] = [n.points, n.applicable ? n.max : 0];
    return out;
  }
  for (let i = 0; i < k.c.nodes.length; i++) {
    const f = k.flags[i]!;
    if (f & ABSENT) continue;
    out[k.c.nodes[i]!.code] = [k.points[i]!, f & EXCLUDED ? 0 : k.max[i]!];
  }
  return out;
}

export const NO_ISSUES: readonly ScoreIssue[] = Object.freeze([]);
