import type { ContestRules } from './contest';
import { creditFor } from './grade';
import type { QuestionType } from './question';

/**
 * Classical item analysis of the theory part (Moodle's definitions, domain §2.5), per question version
 * over the attempts that had it, since random selection gives candidates different papers.
 *
 * - Totals: an attempt's total is the sum of its item points over the versions that count in the total
 *   (a question dropped from the contest is analysed but left out of every total).
 * - Variances and standard deviations are sample ones (÷ n − 1), everywhere, as Moodle does.
 * - Upper/lower 27 % groups are formed among the attempts that had the version, by total: each group
 *   holds exactly 27 % of them (g = 0.27 · n, not rounded), filled from the top (bottom) score down (up);
 *   attempts tied at a group's edge share its remaining places equally (fractional weights), so the
 *   result never depends on the order of tied candidates. p = weighted mean of score ÷ max in the group.
 * - Discrimination index (Moodle) = 100 × the correlation of the item score with the rest of the test
 *   (total minus this item) = the corrected point-biserial for one-answer items.
 * - Discriminative efficiency = that covariance ÷ the largest covariance the same two score lists could
 *   have (both sorted the same way), as %.
 * - Cronbach's α = k/(k−1) · (1 − Σσ²ᵢ / σ²ₜ). Papers differ, so Σσ²ᵢ of a paper is estimated as k times
 *   the mean item variance (weighted by responses); when every attempt had the same items this is
 *   exactly the textbook α. k = items counted per attempt (their mean if papers differ).
 *   Error ratio = 100 · √(1 − α); SEM = SD of totals · √(1 − α).
 */

/** Facility above this (%) flags an item as too easy. */
export const TOO_EASY_FACILITY = 90;
/** Facility below this (%) flags an item as too hard. */
export const TOO_HARD_FACILITY = 20;
/** Either discrimination (upper − lower, or the point-biserial) below this flags poor discrimination. */
export const POOR_DISCRIMINATION = 0.2;
/** Share of the attempts in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;
/** Fewer responses than this: statistics are shown but no item is flagged. */
export const MIN_RESPONSES_FOR_FLAGS = 5;

export type ItemFlag = 'too_easy' | 'too_hard' | 'poor_discrimination' | 'negative_discrimination';

/** One item of one attempt: points earned and its maximum, and the options selected (raw answer). */
export interface ItemResponse {
  versionId: string;
  points: number;
  max: number;
  selected: string[];
}

export interface ItemVersionInfo {
  versionId: string;
  type: QuestionType;
  /** Option keys in the bank's order. */
  options: string[];
  /** The key graded with (after corrections). */
  correct: string[];
  /** False for a question dropped from the contest: analysed, but not in any total. */
  inTotal?: boolean;
}

export interface OptionFrequency {
  /** Null: no answer. */
  key: string | null;
  correct: boolean;
  count: number;
  /** % of responses. */
  percent: number;
  /** Share of the upper and lower groups who chose it (0…1); null without groups. */
  upper: number | null;
  lower: number | null;
}

export interface ItemStats {
  versionId: string;
  responses: number;
  inTotal: boolean;
  /** Mean score ÷ max, %. */
  facility: number | null;
  /** Standard deviation of score ÷ max, %. */
  sd: number | null;
  /** Expected score of a blind guess, %. */
  randomGuess: number;
  pUpper: number | null;
  pLower: number | null;
  /** p_upper − p_lower (−1…1). */
  upperLower: number | null;
  /** Correlation with the rest of the test (−1…1). */
  pointBiserial: number | null;
  /** Moodle's discrimination index: 100 × pointBiserial. */
  discriminationIndex: number | null;
  /** %; null when the item or the rest does not vary. */
  discriminativeEfficiency: number | null;
  options: OptionFrequency[];
  flags: ItemFlag[];
}

export interface TestStats {
  attempts: number;
  k: number;
  mean: number | null;
  sd: number | null;
  /** Mean of the attempts' maximum totals. */
  maxTotal: number;
  alpha: number | null;
  errorRatio: number | null;
  sem: number | null;
  /** Every attempt had the same counted items (α is then the textbook one). */
  commonItems: boolean;
}

export interface ItemAnalysis {
  test: TestStats;
  items: ItemStats[];
}

/** Float noise (1e-16) must not turn an index of exactly 0 into a negative one, and a flag with it. */
const tidy = (x: number | null): number | null => (x === null ? null : Math.abs(x) < 1e-9 ? 0 : x);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : 0);
const sqDev = (xs: number[]) => {
  const m = mean(xs);
  return sum(xs.map((x) => (x - m) ** 2));
};
const variance = (xs: number[]) => (xs.length > 1 ? sqDev(xs) / (xs.length - 1) : null);
const coDev = (xs: number[], ys: number[]) => {
  const mx = mean(xs);
  const my = mean(ys);
  return sum(xs.map((x, i) => (x - mx) * (ys[i]! - my)));
};

/** Pearson correlation; null when either list does not vary. */
function correlation(xs: number[], ys: number[]): number | null {
  const d = Math.sqrt(sqDev(xs) * sqDev(ys));
  return xs.length > 1 && d > 1e-12 ? coDev(xs, ys) / d : null;
}

/** Covariance ÷ the largest covariance of the same values sorted alike, %. */
function efficiency(xs: number[], ys: number[]): number | null {
  const best = coDev(
    [...xs].sort((a, b) => a - b),
    [...ys].sort((a, b) => a - b),
  );
  return xs.length > 1 && best > 1e-12 ? (100 * coDev(xs, ys)) / best : null;
}

/**
 * Weights of the upper (or lower) group: `capacity` places filled from the best (worst) total, the
 * places left at a tied edge shared equally by the tied attempts.
 */
export function groupWeights(totals: number[], capacity: number, upper: boolean): number[] {
  const weights = totals.map(() => 0);
  const levels = [...new Set(totals)].sort((a, b) => (upper ? b - a : a - b));
  let left = capacity;
  for (const level of levels) {
    if (left <= 1e-12) break;
    const tied = totals.flatMap((t, i) => (t === level ? [i] : []));
    const each = Math.min(1, left / tied.length);
    for (const i of tied) weights[i] = each;
    left -= each * tied.length;
  }
  return weights;
}

/** Expected credit of a blind guess: one option at random, or for several answers any non-empty subset. */
export function randomGuessScore(v: ItemVersionInfo, scoring: ContestRules['multipleScoring']): number {
  const key = { type: v.type, correct: v.correct };
  const n = v.options.length;
  if (n === 0) return 0;
  if (v.type !== 'multiple' || n > 12) {
    return (100 * sum(v.options.map((o) => creditFor(key, v.options, [o], scoring)))) / n;
  }
  let total = 0;
  for (let mask = 1; mask < 2 ** n; mask++) {
    total += creditFor(
      key,
      v.options,
      v.options.filter((_, i) => mask & (2 ** i)),
      scoring,
    );
  }
  return (100 * total) / (2 ** n - 1);
}

function flagsOf(s: Omit<ItemStats, 'flags'>): ItemFlag[] {
  if (s.responses < MIN_RESPONSES_FOR_FLAGS) return [];
  const flags: ItemFlag[] = [];
  if (s.facility !== null && s.facility > TOO_EASY_FACILITY) flags.push('too_easy');
  if (s.facility !== null && s.facility < TOO_HARD_FACILITY) flags.push('too_hard');
  const indices = [s.upperLower, s.pointBiserial].filter((x): x is number => x !== null);
  if (indices.some((x) => x < POOR_DISCRIMINATION)) flags.push('poor_discrimination');
  if (indices.some((x) => x < 0)) flags.push('negative_discrimination');
  return flags;
}

/** Item and test statistics of the theory part from every attempt's graded items and raw selections. */
export function analyseItems(
  attempts: ItemResponse[][],
  versions: ItemVersionInfo[],
  scoring: ContestRules['multipleScoring'],
): ItemAnalysis {
  const counted = new Set(versions.filter((v) => v.inTotal !== false).map((v) => v.versionId));
  const inTotal = (r: ItemResponse) => counted.has(r.versionId);
  const totals = attempts.map((items) => sum(items.filter(inTotal).map((r) => r.points)));
  const items = versions.map((v): ItemStats => {
    const who = attempts.flatMap((items, i) => {
      const r = items.find((x) => x.versionId === v.versionId);
      return r ? [{ r, total: totals[i]! }] : [];
    });
    const n = who.length;
    const frac = who.map(({ r }) => (r.max > 0 ? r.points / r.max : 0));
    const rest = who.map(({ r, total }) => total - (counted.has(v.versionId) ? r.points : 0));
    const points = who.map(({ r }) => r.points);
    const g = GROUP_SHARE * n;
    const up =
      n > 1
        ? groupWeights(
            who.map((w) => w.total),
            g,
            true,
          )
        : null;
    const low =
      n > 1
        ? groupWeights(
            who.map((w) => w.total),
            g,
            false,
          )
        : null;
    const share = (weights: number[] | null, pick: (i: number) => number) =>
      weights ? sum(weights.map((w, i) => w * pick(i))) / g : null;
    const pUpper = share(up, (i) => frac[i]!);
    const pLower = share(low, (i) => frac[i]!);
    const r = tidy(correlation(points, rest));
    const v2 = variance(frac);
    const choices: (string | null)[] = [...v.options, null];
    const options = choices.map((key): OptionFrequency => {
      const chose = (i: number) => {
        const sel = who[i]!.r.selected;
        return (key === null ? sel.length === 0 : sel.includes(key)) ? 1 : 0;
      };
      const count = sum(who.map((_, i) => chose(i)));
      return {
        key,
        correct: key !== null && v.correct.includes(key),
        count,
        percent: n ? (100 * count) / n : 0,
        upper: share(up, chose),
        lower: share(low, chose),
      };
    });
    const stats = {
      versionId: v.versionId,
      responses: n,
      inTotal: counted.has(v.versionId),
      facility: n ? 100 * mean(frac) : null,
      sd: v2 === null ? null : 100 * Math.sqrt(v2),
      randomGuess: randomGuessScore(v, scoring),
      pUpper,
      pLower,
      upperLower: pUpper !== null && pLower !== null ? tidy(pUpper - pLower) : null,
      pointBiserial: r,
      discriminationIndex: r === null ? null : 100 * r,
      discriminativeEfficiency: tidy(efficiency(points, rest)),
      options,
    };
    return { ...stats, flags: flagsOf(stats) };
  });
  return { test: testStats(attempts, totals, counted), items };
}

function testStats(attempts: ItemResponse[][], totals: number[], counted: Set<string>): TestStats {
  const papers = attempts.map((items) => items.filter((r) => counted.has(r.versionId)));
  const k = mean(papers.map((p) => p.length));
  const signature = (p: ItemResponse[]) =>
    p
      .map((r) => r.versionId)
      .sort()
      .join(',');
  const commonItems = papers.every((p) => signature(p) === signature(papers[0] ?? []));
  // The mean item variance, each version weighted by its responses.
  const byVersion = new Map<string, number[]>();
  for (const p of papers) {
    for (const r of p) byVersion.set(r.versionId, [...(byVersion.get(r.versionId) ?? []), r.points]);
  }
  let weighted = 0;
  let responses = 0;
  for (const scores of byVersion.values()) {
    const v = variance(scores);
    if (v === null) continue;
    weighted += scores.length * v;
    responses += scores.length;
  }
  const itemVarSum = responses ? (k * weighted) / responses : null;
  const vt = variance(totals);
  const alpha =
    k > 1 && vt !== null && vt > 1e-12 && itemVarSum !== null ? (k / (k - 1)) * (1 - itemVarSum / vt) : null;
  const sd = vt === null ? null : Math.sqrt(vt);
  const errorRatio = alpha !== null && alpha <= 1 ? 100 * Math.sqrt(1 - alpha) : null;
  return {
    attempts: attempts.length,
    k,
    mean: attempts.length ? mean(totals) : null,
    sd,
    maxTotal: mean(papers.map((p) => sum(p.map((r) => r.max)))),
    alpha,
    errorRatio,
    sem: errorRatio !== null && sd !== null ? (errorRatio / 100) * sd : null,
    commonItems,
  };
}
