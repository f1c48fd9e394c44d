import type { UnitLevel } from '../units/unit';
import { roundPoints } from './points';
import type { AttemptResult } from './result';

/** What ranking needs of a candidate; a null result (absent, ungraded) is not ranked. */
export interface RankInput {
  candidateId: string;
  number: string;
  fullName: string;
  level: UnitLevel;
  /** Groups the unit ranking: the registry unit id, or the unit name when there is none. */
  unitKey: string;
  result: AttemptResult | null;
}

export interface Place {
  /** Shared competition rank ("1, 2, 2, 4"), null when not ranked. */
  rank: number | null;
  /** Number of ranked candidates in the same table. */
  of: number;
}

export interface RankedCandidate<T extends RankInput> {
  item: T;
  overall: Place;
  level: Place;
  unit: Place;
}

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** The given name: the last word of a Vietnamese full name ("Nguyễn Văn An" → "An"). */
export function givenName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * Vietnamese list order: by given name, then the whole name, in Vietnamese collation
 * (a < ă < â, d < đ, tones after the base letter), then số báo danh so the order is total.
 */
export function compareVietnameseNames(
  a: { fullName: string; number: string },
  b: { fullName: string; number: string },
): number {
  return (
    collator.compare(givenName(a.fullName), givenName(b.fullName)) ||
    collator.compare(a.fullName.normalize('NFC'), b.fullName.normalize('NFC')) ||
    collator.compare(a.number, b.number)
  );
}

/** Competition ranks of totals, highest first: equal totals (to 6 decimals) share a rank. */
export function sharedRanks(totals: readonly (number | null)[]): (number | null)[] {
  const order = totals
    .map((t, i) => ({ t: t === null ? null : roundPoints(t), i }))
    .filter((x): x is { t: number; i: number } => x.t !== null)
    .sort((a, b) => b.t - a.t);
  const ranks = new Array<number | null>(totals.length).fill(null);
  order.forEach((x, k) => {
    const prev = order[k - 1];
    ranks[x.i] = prev && prev.t === x.t ? ranks[prev.i]! : k + 1;
  });
  return ranks;
}

function placesWithin<T extends RankInput>(items: readonly T[], key: (t: T) => string): Place[] {
  const groups = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  const places = new Array<Place>(items.length);
  for (const idx of groups.values()) {
    const ranks = sharedRanks(idx.map((i) => items[i]!.result?.total ?? null));
    const of = ranks.filter((r) => r !== null).length;
    idx.forEach((i, k) => {
      places[i] = { rank: ranks[k]!, of };
    });
  }
  return places;
}

/**
 * Ranks candidates by total overall, within their level (sở / huyện / xã) and within their unit,
 * with shared ranks for equal totals. Rows come highest total first; tied and unranked candidates
 * in Vietnamese name order (unranked last).
 */
export function rankCandidates<T extends RankInput>(items: readonly T[]): RankedCandidate<T>[] {
  const overall = placesWithin(items, () => '');
  const level = placesWithin(items, (t) => t.level);
  const unit = placesWithin(items, (t) => `${t.level}|${t.unitKey}`);
  const rows = items.map((item, i) => ({ item, overall: overall[i]!, level: level[i]!, unit: unit[i]! }));
  return rows.sort(
    (a, b) =>
      (a.overall.rank ?? Number.POSITIVE_INFINITY) - (b.overall.rank ?? Number.POSITIVE_INFINITY) ||
      compareVietnameseNames(a.item, b.item),
  );
}
