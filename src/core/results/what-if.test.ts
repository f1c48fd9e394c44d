import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { resultsFramework, THIS_YEAR, unitData } from './test-fixtures';
import { whatIf } from './what-if';

const f = resultsFramework();
const units = ['A', 'B', 'C', 'D'].map((id) => unitData(id, THIS_YEAR[id]!));

/*
 * X: 1.1 = 40/40 (1.0), 1.2 = 30/60 (0.5): 70/100 → 1st
 * Y: 1.1 = 10/40 (0.25), 1.2 = 54/60 (0.9): 64/100 → 2nd
 * Z: 1.1 = 20/40 (0.5),  1.2 = 12/60 (0.2): 32/100 → 3rd
 */
const xyz = [
  unitData('X', { '1.1.1': 20, '1.1.2': 20, '1.2.1': 15, '1.2.2': 15 }),
  unitData('Y', { '1.1.1': 5, '1.1.2': 5, '1.2.1': 27, '1.2.2': 27 }),
  unitData('Z', { '1.1.1': 10, '1.1.2': 10, '1.2.1': 6, '1.2.2': 6 }),
];
const byId = (r: ReturnType<typeof whatIf>, id: string) => r.units.find((u) => u.unitId === id)!;

describe('mô phỏng "nếu như": đổi điểm tối đa chỉ số chính hoặc chính sách không áp dụng', () => {
  it('giữ nguyên điểm tối đa: không đơn vị nào đổi hạng, Spearman = 1 (kể cả khi có đồng hạng)', () => {
    for (const scenario of [{}, { mainMax: { '1.1': 40, '1.2': 60 } }]) {
      const r = whatIf(f, units, scenario);
      // A and B tie at 0.7: ranks 1, 1, 3, 4 on both sides
      expect(r.units.map((u) => [u.unitId, u.baseline.rank, u.scenario.rank, u.rankChange])).toEqual([
        ['A', 1, 1, 0],
        ['B', 1, 1, 0],
        ['C', 3, 3, 0],
        ['D', 4, 4, 0],
      ]);
      expect(r.groups).toEqual([{ level: 'so', group: 1, compared: 4, moved: 0, share: 0, spearman: 1 }]);
      expect(r.moved).toBe(0);
    }
  });

  it('hạ điểm tối đa của 1.1 từ 40 xuống 10 làm X và Y đổi chỗ (tính tay)', () => {
    const r = whatIf(f, xyz, { mainMax: { '1.1': 10 } });
    // every 1.1 indicator × 10/40: X 40 → 10, Y 10 → 2.5, Z 20 → 5; 1.2 unchanged; maximum 10 + 60 = 70
    // X (10 + 30)/70 = 0.5714, Y (2.5 + 54)/70 = 0.8071, Z (5 + 12)/70 = 0.2429
    expect(byId(r, 'X').scenario).toMatchObject({ points: 40, max: 70, rank: 2, of: 3 });
    expect(byId(r, 'Y').scenario).toMatchObject({ points: 56.5, max: 70, rank: 1 });
    expect(byId(r, 'Y').scenario.value).toBeCloseTo(56.5 / 70, 12);
    expect(byId(r, 'Z').scenario).toMatchObject({ points: 17, rank: 3 });
    expect(r.units.map((u) => u.rankChange)).toEqual([-1, 1, 0]);
    // 2 of 3 units move; ranks (1,2,3) → (2,1,3): Σd² = 2, ρ = 1 − 6·2/(3·8) = 0.5
    expect(r.groups[0]).toMatchObject({ compared: 3, moved: 2 });
    expect(r.groups[0]!.share).toBeCloseTo(2 / 3, 12);
    expect(r.groups[0]!.spearman).toBeCloseTo(0.5, 12);
    // baseline untouched
    expect(r.units.map((u) => [u.baseline.points, u.baseline.rank])).toEqual([
      [70, 1],
      [64, 2],
      [32, 3],
    ]);
    // moving one place is not "more than 1 place"
    expect(whatIf(f, xyz, { mainMax: { '1.1': 10 }, places: 1 }).moved).toBe(0);
  });

  it('điểm tối đa 0 bỏ hẳn chỉ số khỏi tổng', () => {
    const r = whatIf(f, xyz, { mainMax: { '1.1': 0 } });
    // only 1.2 counts: X 30/60, Y 54/60, Z 12/60
    expect(r.units.map((u) => [u.unitId, u.scenario.points, u.scenario.max, u.scenario.rank])).toEqual([
      ['X', 30, 60, 2],
      ['Y', 54, 60, 1],
      ['Z', 12, 60, 3],
    ]);
  });

  it('chuyển từ "quy đổi" sang "xếp riêng": đơn vị có chỉ số không áp dụng ra bảng riêng', () => {
    // B (1.1.2 not applicable, 56/80 = 0.7) ties A under rescale; ranked apart, A, C, D close ranks
    const r = whatIf(f, units, { policy: { notApplicable: 'rank_separately' } });
    expect(r.units.map((u) => [u.unitId, u.baseline.rank, u.scenario.rank, u.scenario.of])).toEqual([
      ['A', 1, 1, 3],
      ['B', 1, 1, 1],
      ['C', 3, 2, 3],
      ['D', 4, 3, 3],
    ]);
    expect(r.moved).toBe(2);
  });

  it('thiếu số liệu tính là "không áp dụng" thay vì 0 điểm làm hai đơn vị đổi chỗ', () => {
    // U: 80/100 = 0.8. V has no data for 1.2.2: as zero 70/100 = 0.7; left out 70/70 = 1.0
    const uv = [
      unitData('U', { '1.1.1': 20, '1.1.2': 20, '1.2.1': 20, '1.2.2': 20 }),
      unitData('V', { '1.1.1': 20, '1.1.2': 20, '1.2.1': 30 }),
    ];
    const r = whatIf(f, uv, { policy: { missing: 'not_applicable' } });
    expect(r.units.map((u) => [u.unitId, u.baseline.rank, u.scenario.rank, u.scenario.value])).toEqual([
      ['U', 1, 2, 0.8],
      ['V', 2, 1, 1],
    ]);
    // two units swapping: ρ = −1
    expect(r.groups[0]!.spearman).toBeCloseTo(-1, 12);
  });

  it('không áp dụng ở cấp lá được giữ nguyên khi đổi điểm tối đa', () => {
    // B: 1.1.2 not applicable; 1.1 at 80 doubles 1.1.1 (20 → 40 of 40): 40 + 36 = 76 of 100
    const r = whatIf(f, units, { mainMax: { '1.1': 80 } });
    expect(byId(r, 'B').scenario).toMatchObject({ points: 76, max: 100 });
  });

  it('không có đơn vị; mã lạ hoặc điểm âm bị từ chối', () => {
    expect(whatIf(f, [], { mainMax: { '1.1': 10 } })).toEqual({
      units: [],
      groups: [],
      compared: 0,
      moved: 0,
      share: null,
    });
    expect(() => whatIf(f, xyz, { mainMax: { '9': 10 } })).toThrow(AppError);
    expect(() => whatIf(f, xyz, { mainMax: { '1': 10 } })).toThrow('Không có chỉ số chính mã 1');
    expect(() => whatIf(f, xyz, { mainMax: { '1.1': -1 } })).toThrow(AppError);
  });
});
