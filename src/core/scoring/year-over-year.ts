import type { NodeMatch } from './node-matching';
import type { UnitScore } from './types';

export interface NodeChange {
  code: string;
  previousCode: string | null;
  value: number | null;
  previousValue: number | null;
  /** value − previousValue; null when either is missing. Shown only when `comparable`. */
  change: number | null;
  comparable: boolean;
  reason?: string;
}

export interface UnitChange {
  unitId: string;
  total: {
    value: number | null;
    previousValue: number | null;
    /** Change of the value (0–1 scale); × 100 = percentage points. */
    valueChange: number | null;
    pointsChange: number | null;
    /** Growth of the value in percent of last year's value ("tăng 12,5%"); null from a zero base. */
    percentChange: number | null;
  };
  /** Positive = moved up ("tăng 10 bậc"): previous rank − current rank. */
  rank: { current: number | null; previous: number | null; change: number | null };
  nodes: Record<string, NodeChange>;
}

export interface YearSide {
  score: UnitScore;
  rank?: number | null;
}

/**
 * A unit's change since the previous year. Nodes are matched through `matches` (see `matchNodes`);
 * `previous` is null for a unit with no history (use `mergeAverage` first for a merged unit).
 */
export function yearOverYear(
  current: YearSide,
  previous: YearSide | null,
  matches: Map<string, NodeMatch>,
): UnitChange {
  const cur = current.score;
  const prev = previous?.score;
  const value = cur.total.value;
  const previousValue = prev ? prev.total.value : null;
  const both = value !== null && previousValue !== null;
  const curRank = current.rank ?? null;
  const prevRank = previous?.rank ?? null;
  const nodes: Record<string, NodeChange> = {};
  for (const [code, node] of Object.entries(cur.nodes)) {
    const m = matches.get(code);
    const previousCode = m?.previousCode ?? null;
    const p = prev && previousCode !== null ? prev.nodes[previousCode] : undefined;
    const v = node.applicable ? node.value : null;
    const pv = p?.applicable ? p.value : null;
    let reason = m?.reason;
    if (!prev) reason = 'Năm trước chưa có kết quả';
    else if (!reason && !p) reason = 'Năm trước đơn vị không được đánh giá chỉ số này';
    else if (!reason && (v === null || pv === null)) reason = 'Không áp dụng ở một trong hai năm';
    nodes[code] = {
      code,
      previousCode,
      value: v,
      previousValue: pv,
      change: v !== null && pv !== null ? v - pv : null,
      comparable: reason === undefined,
      ...(reason ? { reason } : {}),
    };
  }
  return {
    unitId: cur.unitId,
    total: {
      value,
      previousValue,
      valueChange: both ? value - previousValue : null,
      pointsChange: prev ? cur.total.points - prev.total.points : null,
      percentChange: both && previousValue > 0 ? ((value - previousValue) / previousValue) * 100 : null,
    },
    rank: {
      current: curRank,
      previous: prevRank,
      change: curRank !== null && prevRank !== null ? prevRank - curRank : null,
    },
    nodes,
  };
}
