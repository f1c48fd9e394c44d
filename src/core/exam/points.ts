/** Decimal places kept in scores: enough for any fraction a grader shows, few enough to drop float noise. */
const PLACES = 1e6;

/**
 * Rounds a point value to 6 decimals. Item points are stored unrounded (60 ÷ 30 = 2, but 100 ÷ 30 is
 * not a finite decimal); sums are rounded once so 30 × (100 ÷ 30) is exactly 100.
 */
export function roundPoints(value: number): number {
  return Math.round(value * PLACES) / PLACES;
}
