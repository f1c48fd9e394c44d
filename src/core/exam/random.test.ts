import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from './random';

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const take = (seed: string) => {
      const r = seededRandom(seed);
      return Array.from({ length: 50 }, () => r());
    };
    expect(take('abc')).toEqual(take('abc'));
    expect(take('abc')).not.toEqual(take('abd'));
    expect(take('').every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('spreads values roughly evenly', () => {
    const r = seededRandom('spread');
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(r() * 10)]++;
    for (const b of buckets) expect(b).toBeGreaterThan(850);
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffled(input, seededRandom('s'));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out).not.toEqual(input);
  });
});
