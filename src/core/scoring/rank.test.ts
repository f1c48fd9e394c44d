import { describe, expect, it } from 'vitest';
import { compileFramework } from './compile';
import { competitionRanks, rankUnits } from './rank';
import { scoreUnit } from './score-unit';
import { sampleFramework } from './test-fixtures';
import type { LeafEntry, UnitScore } from './types';

describe('xếp hạng kiểu thi đấu', () => {
  it('giá trị bằng nhau cùng hạng và hạng kế tiếp bị bỏ qua (15, 15, 17)', () => {
    expect(competitionRanks([0.5, 0.7, 0.7, 0.2, 0.9])).toEqual([4, 2, 2, 5, 1]);
    expect(competitionRanks([0.3, 0.3, 0.3])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('giá trị null không được xếp hạng', () => {
    expect(competitionRanks([null, 0.4, 0.6])).toEqual([null, 2, 1]);
  });

  it('cùng điểm cộng theo thứ tự khác nhau vẫn đồng hạng; khác biệt thật ở chữ số thứ 8 vẫn phân hạng', () => {
    const a = 0.1 + 0.2;
    const b = 0.3;
    expect(a === b).toBe(false);
    expect(competitionRanks([a, b])).toEqual([1, 1]);
    expect(competitionRanks([0.30000001, 0.3])).toEqual([1, 2]);
  });
});

const FULL: Record<string, LeafEntry> = {
  '1.1.1': { yes: true },
  '1.1.2': { value: 4 },
  '1.1.3': { points: 10 },
  '1.2.1': { a: 1, b: 1 },
  '1.2.2': { a: 1, b: 1 },
  '2.1.1': { value: 90 },
  '2.1.2': { value: 100 },
};

function scores(
  policy: 'rescale' | 'rank_separately',
  rows: [id: string, group: number, patch: Record<string, LeafEntry>][],
) {
  const f = sampleFramework({ notApplicable: policy });
  const out: UnitScore[] = rows.map(([id, group, patch]) =>
    scoreUnit(compileFramework(f, 'so', group), {
      unitId: id,
      level: 'so',
      group,
      inputs: { ...FULL, ...patch },
    }),
  );
  return { f, out };
}

describe('xếp hạng đơn vị', () => {
  it('mỗi nhóm xếp hạng riêng; xếp hạng tổng, theo trụ cột và theo chỉ số chính', () => {
    const { f, out } = scores('rescale', [
      ['a', 1, { '1.1.1': { yes: false } }],
      ['b', 1, {}],
      ['c', 2, { '1.2.1': { a: 1, b: 2 } }],
      ['d', 2, {}],
      ['e', 1, { '2.1.2': { value: 50 } }],
    ]);
    const r = Object.fromEntries(rankUnits(out, f).map((x) => [x.unitId, x]));
    expect([r.b!.total.rank, r.e!.total.rank, r.a!.total.rank]).toEqual([1, 2, 3]);
    expect([r.d!.total.rank, r.c!.total.rank]).toEqual([1, 2]);
    expect(r.a!.total.of).toBe(3);
    expect(r.c!.total.partition).not.toBe(r.a!.total.partition);
    // main 1.1: a lost 10 points there, b and e share rank 1
    expect([r.b!.nodes['1.1']!.rank, r.e!.nodes['1.1']!.rank, r.a!.nodes['1.1']!.rank]).toEqual([1, 1, 3]);
    expect(r.e!.nodes['2']!.rank).toBe(3);
    expect(r.c!.nodes['2']!.rank).toBeNull();
  });

  it('"rescale": đơn vị có chỉ số không áp dụng xếp hạng chung trên giá trị đã quy đổi', () => {
    const { f, out } = scores('rescale', [
      ['full', 1, { '1.1.3': { points: 5 } }],
      ['na', 1, { '1.1.3': { notApplicable: true, reason: 'x' } }],
    ]);
    const r = rankUnits(out, f);
    expect(r.map((x) => x.total.rank)).toEqual([2, 1]);
    expect(r[0]!.total.partition).toBe(r[1]!.total.partition);
  });

  it('"rank_separately": phân vùng theo tập chỉ số bị loại, cả ở tổng lẫn ở nút chứa chúng', () => {
    const { f, out } = scores('rank_separately', [
      ['full', 1, { '1.1.3': { points: 5 } }],
      ['na', 1, { '1.1.3': { notApplicable: true, reason: 'x' } }],
      ['na2', 1, { '1.1.3': { notApplicable: true, reason: 'y' }, '1.1.1': { yes: false } }],
    ]);
    const r = Object.fromEntries(rankUnits(out, f).map((x) => [x.unitId, x]));
    expect(r.full!.total).toMatchObject({ rank: 1, of: 1 });
    expect(r.na!.total).toMatchObject({ rank: 1, of: 2 });
    expect(r.na2!.total).toMatchObject({ rank: 2, of: 2 });
    expect(r.na!.nodes['1.1']!.partition).toBe('so|1|1.1.3');
    // node 1.2 does not contain 1.1.3: everybody is compared there
    expect(r.full!.nodes['1.2']).toMatchObject({ rank: 1, of: 3 });
    expect(r.na2!.nodes['1.2']).toMatchObject({ rank: 1, of: 3 });
  });
});
