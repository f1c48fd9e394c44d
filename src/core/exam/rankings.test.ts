import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, givenName, type RankInput, rankCandidates, sharedRanks } from './rankings';
import type { AttemptResult } from './result';

const res = (total: number): AttemptResult => ({
  theory: total,
  practice: 0,
  total,
  flag: total >= 50 ? 'pass' : 'khong_xet_khen_thuong',
});

function cand(
  n: number,
  fullName: string,
  total: number | null,
  level: 'so' | 'xa',
  unitKey: string,
): RankInput {
  return {
    candidateId: `c${n}`,
    number: `TS${String(n).padStart(3, '0')}`,
    fullName,
    level,
    unitKey,
    result: total === null ? null : res(total),
  };
}

describe('sharedRanks', () => {
  it('gives equal totals the same rank and skips the places they take ("1, 2, 2, 4")', () => {
    expect(sharedRanks([70, 85, 70, 60, null])).toEqual([2, 1, 2, 4, null]);
  });

  it('ties totals equal to 6 decimals, even when float sums differ', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in doubles; both round to 0.3.
    expect(sharedRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
    expect(sharedRanks([50.000001, 50])).toEqual([1, 2]);
  });
});

describe('Vietnamese name order', () => {
  it('sorts by given name in Vietnamese collation: a < ă < â, d < đ < e, then the whole name', () => {
    const names = ['Trần Yến', 'Lê Đức', 'Phạm Ân', 'Nguyễn Anh', 'Võ Ăn', 'Bùi Dũng', 'An Ánh'];
    const sorted = names
      .map((fullName, i) => ({ fullName, number: String(i) }))
      .sort(compareVietnameseNames)
      .map((x) => x.fullName);
    // Given names: Anh, Ánh (tone after the base letter), Ăn (ă after a), Ân (â after ă), Dũng, Đức
    // (đ after d and before e), Yến. Code-point order would put Yến before Ánh and Đức last.
    expect(sorted).toEqual(['Nguyễn Anh', 'An Ánh', 'Võ Ăn', 'Phạm Ân', 'Bùi Dũng', 'Lê Đức', 'Trần Yến']);
  });

  it('breaks equal given names by the whole name, then by số báo danh', () => {
    expect(givenName('  Nguyễn   Văn An ')).toBe('An');
    const a = { fullName: 'Trần Văn An', number: 'TS002' };
    const b = { fullName: 'Lê Thị An', number: 'TS009' };
    const c = { fullName: 'Lê Thị An', number: 'TS001' };
    expect([a, b, c].sort(compareVietnameseNames)).toEqual([c, b, a]);
  });
});

describe('rankCandidates', () => {
  // Totals: Đức 80 (sở, unit S), Yến 80 (xã, unit X), Anh 80 (xã, unit X), Bình 72.5 (sở, S),
  // Cường 72.5 (xã, Y), Giang null (absent).
  const items = [
    cand(1, 'Lê Đức', 80, 'so', 'S'),
    cand(2, 'Trần Yến', 80, 'xa', 'X'),
    cand(3, 'Nguyễn Anh', 80, 'xa', 'X'),
    cand(4, 'Phạm Bình', 72.5, 'so', 'S'),
    cand(5, 'Võ Cường', 72.5, 'xa', 'Y'),
    cand(6, 'Đỗ Giang', null, 'xa', 'Y'),
  ];
  const ranked = rankCandidates(items);
  const by = (name: string) => ranked.find((r) => r.item.fullName === name)!;

  it('lists highest first, ties in Vietnamese name order, the unranked last', () => {
    // Three share 80 (rank 1): Anh, Đức, Yến; two share 72.5 (rank 4): Bình, Cường.
    expect(ranked.map((r) => [r.item.fullName, r.overall.rank])).toEqual([
      ['Nguyễn Anh', 1],
      ['Lê Đức', 1],
      ['Trần Yến', 1],
      ['Phạm Bình', 4],
      ['Võ Cường', 4],
      ['Đỗ Giang', null],
    ]);
    expect(ranked[0]!.overall.of).toBe(5);
  });

  it('ranks within the level and within the unit', () => {
    // Sở: Đức 80 → 1, Bình 72.5 → 2 (of 2). Xã: Yến, Anh 80 → 1; Cường 72.5 → 3 (of 3).
    expect([by('Lê Đức').level, by('Phạm Bình').level]).toEqual([
      { rank: 1, of: 2 },
      { rank: 2, of: 2 },
    ]);
    expect([by('Trần Yến').level.rank, by('Nguyễn Anh').level.rank, by('Võ Cường').level]).toEqual([
      1,
      1,
      { rank: 3, of: 3 },
    ]);
    // Unit Y: Cường alone ranked (Giang absent): 1 of 1.
    expect(by('Võ Cường').unit).toEqual({ rank: 1, of: 1 });
    expect(by('Đỗ Giang').unit).toEqual({ rank: null, of: 1 });
    expect(by('Trần Yến').unit).toEqual({ rank: 1, of: 2 });
  });
});
