import type { ScoringPolicy } from '../framework/model';

export type Rounding = ScoringPolicy['rounding'];

/**
 * Rounds leaf points to `decimals` places.
 *
 * - `half_up`: a half goes away from zero (2.675 → 2.68, 0.125 → 0.13);
 * - `half_even`: a half goes to the even neighbour (0.125 → 0.12, 0.135 → 0.14);
 * - `none`: unchanged.
 *
 * A binary double cannot hold 2.675; it holds 2.67499999999999982236431605997495353221893310546875, and a
 * naive `Math.round(x * 100) / 100` gives 2.67. We round the number as it is written in decimal: x × 10^d
 * is snapped to 15 significant digits (the precision a double guarantees) before deciding whether it is a
 * half, so 267.49999999999997 counts as 267.5. The snap is applied only when the scaled value is within
 * 1e-6 of a half, which keeps the common case to a multiplication and a `Math.round`.
 */
export function roundPoints(x: number, r: Rounding): number {
  if (r.mode === 'none' || !Number.isFinite(x)) return x;
  const p = POW10[r.decimals] ?? 10 ** r.decimals;
  const sign = x < 0 ? -1 : 1;
  let n = Math.abs(x) * p;
  const floor = Math.floor(n);
  const frac = n - floor;
  if (Math.abs(frac - 0.5) > 1e-6) {
    const q = frac > 0.5 ? floor + 1 : floor;
    return q === 0 ? 0 : (sign * q) / p;
  }
  n = Number(n.toPrecision(15));
  const f = Math.floor(n);
  const half = n - f === 0.5;
  let out: number;
  if (!half) out = Math.round(n);
  else if (r.mode === 'half_up') out = f + 1;
  else out = f % 2 === 0 ? f : f + 1;
  return out === 0 ? 0 : (sign * out) / p;
}

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
