import { describe, expect, it } from 'vitest';
import {
  analyseItems,
  groupWeights,
  type ItemResponse,
  type ItemVersionInfo,
  randomGuessScore,
} from './item-stats';

const single = (versionId: string, correct: string): ItemVersionInfo => ({
  versionId,
  type: 'single',
  options: ['a', 'b', 'c', 'd'],
  correct: [correct],
});

/** One attempt from its selections; 1 point per item, right iff the selection is the key. */
function attempt(keys: Record<string, string>, picks: Record<string, string | null>): ItemResponse[] {
  return Object.entries(picks).map(([versionId, pick]) => ({
    versionId,
    points: pick === keys[versionId] ? 1 : 0,
    max: 1,
    selected: pick ? [pick] : [],
  }));
}

/*
 * Worked example: 6 candidates × 4 single-choice items (4 options, 1 point each), keys I1 a, I2 b,
 * I3 c, I4 d; "—" is no answer. Score matrix (1 = right) and totals T:
 *
 *        I1    I2    I3    I4     T
 *   P1   a 1   b 1   c 1   d 1    4
 *   P2   a 1   a 0   c 1   — 0    2
 *   P3   a 1   b 1   a 0   — 0    2
 *   P4   a 1   c 0   c 1   a 0    2
 *   P5   a 1   — 0   d 0   b 0    1
 *   P6   a 1   a 0   d 0   c 0    1
 *
 * Facility = right ÷ 6: I1 6/6 = 100 %, I2 2/6 = 33.33 %, I3 3/6 = 50 %, I4 1/6 = 16.67 %.
 * Item sample variance = n·p(1−p) ÷ (n−1): I1 0; I2 6·⅓·⅔ ÷ 5 = 4/15; I3 6·½·½ ÷ 5 = 3/10;
 *   I4 6·⅙·⅚ ÷ 5 = 1/6. SD % = 100·√var: I2 51.64, I3 54.77, I4 40.82. Σσ²ᵢ = 0 + 8/30 + 9/30 + 5/30 = 11/15.
 * Totals 4,2,2,2,1,1: mean 2; deviations 2,0,0,0,−1,−1 → Σ² = 6 → σ²ₜ = 6/5, SD = √1.2 = 1.0954.
 * α = 4/3 · (1 − (11/15)/(6/5)) = 4/3 · (1 − 11/18) = 4/3 · 7/18 = 14/27 = 0.5185.
 * Error ratio = 100·√(13/27) = 69.39; SEM = √(6/5 · 13/27) = √(26/45) = 0.7601.
 *
 * Rest score R = T − item. Point-biserial r = Σ(x−x̄)(R−R̄) ÷ √(Σ(x−x̄)² · Σ(R−R̄)²):
 *   I2: x 1,0,1,0,0,0 (x̄ ⅓); R 3,2,1,2,1,1 (R̄ 5/3). Products: (⅔)(4/3) + (−⅓)(⅓) + (⅔)(−⅔)
 *       + (−⅓)(⅓) + (−⅓)(−⅔)·2 = (8 − 1 − 4 − 1 + 2 + 2)/9 = 2/3. Σx² = 4/3, ΣR² = (16+1+4+1+4+4)/9 = 10/3.
 *       r = (2/3) ÷ √(40/9) = 2/√40 = 0.3162.
 *   I3: x 1,1,0,1,0,0 (x̄ ½); R 3,1,2,1,1,1 (R̄ 3/2). Products: ¾ − ¼ − ¼ − ¼ + ¼ + ¼ = ½.
 *       Σx² = 3/2, ΣR² = 9/4 + 5·¼ = 7/2. r = ½ ÷ √(21/4) = 1/√21 = 0.2182.
 *   I4: x 1,0,0,0,0,0 (x̄ ⅙); R 3,2,2,2,1,1 (R̄ 11/6). Products: 35/36 − 1/36·3 + 5/36·2 = 42/36 = 7/6.
 *       Σx² = 5/6, ΣR² = (49 + 1+1+1 + 25+25)/36 = 17/6. r = (7/6) ÷ √(85/36) = 7/√85 = 0.7593.
 *   I1 does not vary: r undefined (null).
 * Discriminative efficiency = Σ products ÷ Σ products with x and R both sorted:
 *   I2: sorted x 1,1,0,0,0,0 with R 3,2,2,1,1,1 → (8 + 2 − 1 + 2·3)/9 = 5/3; (2/3)/(5/3) = 40 %.
 *   I3: sorted x 1,1,1,0,0,0 with R 3,2,1,1,1,1 → ¾ + ¼ − ¼ + ¼·3 = 3/2; ½ ÷ 3/2 = 33.33 %.
 *   I4: already in the same order → 100 %.
 *
 * Upper/lower 27 %: g = 0.27 · 6 = 1.62 places.
 *   Upper: P1 (T 4) weight 1; 0.62 places left for P2, P3, P4 tied at 2 → 0.62/3 each.
 *   Lower: P5, P6 tied at 1 want 2 places but there are 1.62 → 0.81 each.
 *   p_upper = (x_P1 + 0.62/3 · (x_P2 + x_P3 + x_P4)) ÷ 1.62;  p_lower = 0.81 · (x_P5 + x_P6) ÷ 1.62.
 *   I1: (1 + 0.62) ÷ 1.62 = 1;  lower 1.62 ÷ 1.62 = 1 → D = 0.
 *   I2: (1 + 0.62/3) ÷ 1.62 = 1.206667 ÷ 1.62 = 0.744856; lower 0 → D = 0.7449.
 *   I3: (1 + 0.62·2/3) ÷ 1.62 = 1.413333 ÷ 1.62 = 0.872428; lower 0 → D = 0.8724.
 *   I4: 1 ÷ 1.62 = 0.617284; lower 0 → D = 0.6173.
 *
 * Flags (thresholds 90 %, 20 %, 0.2): I1 too easy (100 > 90) and poor (D = 0 < 0.2); I2 none
 * (D 0.74, r 0.32); I3 none (r 0.218 ≥ 0.2); I4 too hard (16.67 < 20).
 *
 * Distractors (count, % of 6): I2: a 2 (33.3), b 2 (33.3, key), c 1 (16.7), d 0, none 1 (16.7).
 *   I4: a, b, c, d 1 each (16.7), none 2 (33.3). I2 option a: P2 upper 0.62/3, P6 lower 0.81
 *   → upper share 0.206667 ÷ 1.62 = 0.127572, lower share 0.81 ÷ 1.62 = 0.5.
 * Random guess of a 4-option single-choice item: 1/4 = 25 %.
 */
describe('item statistics: the worked example', () => {
  const keys = { I1: 'a', I2: 'b', I3: 'c', I4: 'd' };
  const rows: [string, string | null, string | null, string | null][] = [
    ['a', 'b', 'c', 'd'],
    ['a', 'a', 'c', null],
    ['a', 'b', 'a', null],
    ['a', 'c', 'c', 'a'],
    ['a', null, 'd', 'b'],
    ['a', 'a', 'd', 'c'],
  ];
  const attempts = rows.map(([i1, i2, i3, i4]) => attempt(keys, { I1: i1, I2: i2, I3: i3, I4: i4 }));
  const versions = Object.entries(keys).map(([id, key]) => single(id, key));
  const result = analyseItems(attempts, versions, 'all_or_nothing');
  const item = (id: string) => result.items.find((i) => i.versionId === id)!;

  it('facility, standard deviation, random guess', () => {
    expect(result.items.map((i) => i.responses)).toEqual([6, 6, 6, 6]);
    expect(item('I1').facility).toBeCloseTo(100, 6);
    expect(item('I2').facility).toBeCloseTo(33.3333, 3);
    expect(item('I3').facility).toBeCloseTo(50, 6);
    expect(item('I4').facility).toBeCloseTo(16.6667, 3);
    expect(item('I1').sd).toBeCloseTo(0, 6);
    expect(item('I2').sd).toBeCloseTo(51.64, 2);
    expect(item('I3').sd).toBeCloseTo(54.77, 2);
    expect(item('I4').sd).toBeCloseTo(40.82, 2);
    expect(item('I2').randomGuess).toBeCloseTo(25, 6);
  });

  it('point-biserial with the rest of the test, and discriminative efficiency', () => {
    expect(item('I1').pointBiserial).toBeNull();
    expect(item('I2').pointBiserial).toBeCloseTo(0.3162, 4);
    expect(item('I3').pointBiserial).toBeCloseTo(0.2182, 4);
    expect(item('I4').pointBiserial).toBeCloseTo(0.7593, 4);
    expect(item('I2').discriminationIndex).toBeCloseTo(31.62, 2);
    expect(item('I2').discriminativeEfficiency).toBeCloseTo(40, 6);
    expect(item('I3').discriminativeEfficiency).toBeCloseTo(33.3333, 3);
    expect(item('I4').discriminativeEfficiency).toBeCloseTo(100, 6);
  });

  it('upper/lower 27 % with tied totals sharing the edge places', () => {
    expect(item('I1').upperLower).toBeCloseTo(0, 6);
    expect(item('I2').pUpper).toBeCloseTo(0.744856, 5);
    expect(item('I2').pLower).toBeCloseTo(0, 6);
    expect(item('I2').upperLower).toBeCloseTo(0.7449, 4);
    expect(item('I3').upperLower).toBeCloseTo(0.8724, 4);
    expect(item('I4').upperLower).toBeCloseTo(0.6173, 4);
  });

  it('distractor frequencies, including no answer, with the groups who chose them', () => {
    const i2 = item('I2').options;
    expect(i2.map((o) => [o.key, o.count, o.correct])).toEqual([
      ['a', 2, false],
      ['b', 2, true],
      ['c', 1, false],
      ['d', 0, false],
      [null, 1, false],
    ]);
    expect(i2[0]!.percent).toBeCloseTo(33.333, 2);
    expect(i2[4]!.percent).toBeCloseTo(16.667, 2);
    expect(i2[0]!.upper).toBeCloseTo(0.127572, 5);
    expect(i2[0]!.lower).toBeCloseTo(0.5, 6);
    expect(item('I4').options.map((o) => o.count)).toEqual([1, 1, 1, 1, 2]);
  });

  it('flags', () => {
    expect(item('I1').flags).toEqual(['too_easy', 'poor_discrimination']);
    expect(item('I2').flags).toEqual([]);
    expect(item('I3').flags).toEqual([]);
    expect(item('I4').flags).toEqual(['too_hard']);
  });

  it("test level: k, mean, SD, Cronbach's α, error ratio, SEM", () => {
    const t = result.test;
    expect(t).toMatchObject({ attempts: 6, k: 4, maxTotal: 4, commonItems: true });
    expect(t.mean).toBeCloseTo(2, 6);
    expect(t.sd).toBeCloseTo(1.0954, 4);
    expect(t.alpha).toBeCloseTo(14 / 27, 6);
    expect(t.errorRatio).toBeCloseTo(69.39, 2);
    expect(t.sem).toBeCloseTo(0.7601, 4);
  });
});

/*
 * Different papers (random selection), 2 items each, 1 point:
 *   P1: A 1, B 1 → 2;  P2: A 1, C 1 → 2;  P3: B 0, C 0 → 0;  P4: A 0, B 0 → 0.
 * Per version over the attempts that had it: A 3 responses (1,1,0) facility 66.67 %; B 3 (1,0,0)
 * 33.33 %; C 2 (1,0) 50 %. Sample variances: A (2/3)/2 = 1/3, B 1/3, C (1/2)/1 = 1/2.
 * Mean item variance weighted by responses = (3·⅓ + 3·⅓ + 2·½) ÷ 8 = 3/8; Σσ²ᵢ ≈ k · 3/8 = 3/4 (k = 2).
 * Totals 2,2,0,0: mean 1, Σ² = 4 → σ²ₜ = 4/3. α = 2/1 · (1 − (3/4)/(4/3)) = 2 · 7/16 = 7/8.
 */
describe('item statistics over different papers', () => {
  const keys = { A: 'a', B: 'a', C: 'a' };
  const attempts = [
    attempt(keys, { A: 'a', B: 'a' }),
    attempt(keys, { A: 'a', C: 'a' }),
    attempt(keys, { B: 'b', C: 'c' }),
    attempt(keys, { A: 'd', B: null }),
  ];
  const result = analyseItems(
    attempts,
    ['A', 'B', 'C'].map((id) => single(id, 'a')),
    'all_or_nothing',
  );

  it('counts each version over the attempts that had it', () => {
    expect(result.items.map((i) => i.responses)).toEqual([3, 3, 2]);
    expect(result.items[0]!.facility).toBeCloseTo(66.667, 2);
    expect(result.items[1]!.facility).toBeCloseTo(33.333, 2);
    expect(result.items[2]!.facility).toBeCloseTo(50, 6);
    // Below 5 responses nothing is flagged, however extreme.
    expect(result.items.every((i) => i.flags.length === 0)).toBe(true);
  });

  it('estimates α from the mean item variance', () => {
    expect(result.test).toMatchObject({ attempts: 4, k: 2, commonItems: false });
    expect(result.test.alpha).toBeCloseTo(7 / 8, 6);
  });
});

/*
 * An item right only for the weakest: 5 candidates × 3 items.
 *   P1 1 1 0 (T 2); P2 1 1 0 (2); P3 1 0 0 (1); P4 0 0 1 (1); P5 0 0 1 (1).
 * g = 0.27·5 = 1.35. Upper: P1, P2 tied at 2 share 1.35 → 0.675 each; item 3 = 0 for both → p_u 0.
 * Lower: P3, P4, P5 tied at 1 share 1.35 → 0.45 each; item 3 right for P4, P5 → p_l = 0.9 ÷ 1.35 = ⅔.
 * D = −⅔. Rest of item 3: R = 2,2,1,0,0 (R̄ 1), x = 0,0,0,1,1 (x̄ 2/5): products −⅖·1·2 + 0 + ⅗·(−1)·2
 * = −2; Σx² = 6/5, ΣR² = 4 → r = −2/√(24/5) = −0.9129.
 */
describe('an item that discriminates the wrong way', () => {
  const keys = { X: 'a', Y: 'a', Z: 'a' };
  const rows = ['aab', 'aab', 'abb', 'bba', 'bba'];
  const attempts = rows.map((r) => attempt(keys, { X: r[0]!, Y: r[1]!, Z: r[2]! }));
  const z = analyseItems(
    attempts,
    ['X', 'Y', 'Z'].map((id) => single(id, 'a')),
    'all_or_nothing',
  ).items[2]!;

  it('is flagged poor and negative', () => {
    expect(z.upperLower).toBeCloseTo(-2 / 3, 6);
    expect(z.pointBiserial).toBeCloseTo(-0.9129, 4);
    expect(z.flags).toEqual(['poor_discrimination', 'negative_discrimination']);
  });
});

describe('an item everyone got right', () => {
  // 12 candidates, totals 5,4,4,4,3,3,3,2,2,1,1,0 from five varied items plus X, right for all.
  // g = 3.24: both groups hold 3.24 places of people who all got X right, so p_upper = p_lower = 1 and
  // D = 0 exactly; summing fractional weights must not leave −1e-16 that would flag it as negative.
  const totals = [5, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1, 0];
  const attempts = totals.map((t) => [
    { versionId: 'X', points: 1, max: 1, selected: ['a'] },
    ...[0, 1, 2, 3, 4].map((j) => ({
      versionId: `Y${j}`,
      points: j < t ? 1 : 0,
      max: 1,
      selected: [j < t ? 'a' : 'b'],
    })),
  ]);
  const versions = ['X', 'Y0', 'Y1', 'Y2', 'Y3', 'Y4'].map((id) => ({
    versionId: id,
    type: 'single' as const,
    options: ['a', 'b'],
    correct: ['a'],
  }));
  const x = analyseItems(attempts, versions, 'all_or_nothing').items[0]!;

  it('has a discrimination of exactly 0 and is not flagged negative', () => {
    expect(x.upperLower).toBe(0);
    expect(x.pointBiserial).toBeNull();
    expect(x.flags).toEqual(['too_easy', 'poor_discrimination']);
  });
});

describe('group weights and random guessing', () => {
  it('shares a tied edge equally and never exceeds the capacity', () => {
    expect(groupWeights([4, 2, 2, 2, 1, 1], 1.62, true).map((w) => Number(w.toFixed(6)))).toEqual([
      1, 0.206667, 0.206667, 0.206667, 0, 0,
    ]);
    expect(groupWeights([4, 2, 2, 2, 1, 1], 1.62, false)).toEqual([0, 0, 0, 0, 0.81, 0.81]);
  });

  it('a several-answer item guessed over every non-empty selection', () => {
    // 3 options, key {a, b}, all-or-nothing: 7 non-empty selections, one right → 1/7 = 14.29 %.
    const v: ItemVersionInfo = {
      versionId: 'M',
      type: 'multiple',
      options: ['a', 'b', 'c'],
      correct: ['a', 'b'],
    };
    expect(randomGuessScore(v, 'all_or_nothing')).toBeCloseTo(100 / 7, 6);
    // Partial: +½ per right option, −1 per wrong one, floored at 0. Selections: a ½, b ½, c 0, ab 1,
    // ac 0, bc 0, abc 0 → Σ 2 ÷ 7 = 28.57 %.
    expect(randomGuessScore(v, 'partial')).toBeCloseTo(200 / 7, 6);
  });
});
