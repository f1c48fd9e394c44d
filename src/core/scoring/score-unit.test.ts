import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { compileFramework } from './compile';
import { scoreUnit, scoreUnits } from './score-unit';
import { sampleFramework } from './test-fixtures';
import type { LeafEntry, UnitData } from './types';

const FULL: Record<string, LeafEntry> = {
  '1.1.1': { yes: true },
  '1.1.2': { value: 3 },
  '1.1.3': { points: 8.333 },
  '1.2.1': { a: 2, b: 3 },
  '1.2.2': { a: 1, b: 1 },
  '2.1.1': { value: 60 },
  '2.1.2': { value: 26.75 },
};

const unit = (inputs: Record<string, LeafEntry>, group = 1): UnitData => ({
  unitId: `u${group}`,
  level: 'so',
  group,
  inputs,
});

const score = (inputs: Record<string, LeafEntry>, group = 1, policy = {}) =>
  scoreUnit(compileFramework(sampleFramework(policy), 'so', group), unit(inputs, group));

describe('chấm điểm một đơn vị', () => {
  it('cộng điểm lá đã làm tròn lên từng nút, giá trị = điểm ÷ tối đa ở mọi nút', () => {
    const s = score(FULL);
    // 1.1: 10 + 3 × 2.5 + 8.33; 1.2: 13.33 (2/3 × 20 rounded) + 20; 2.1: 10 + 2.68 (2.675 half up)
    expect(s.nodes['1.1.3']!.points).toBe(8.33);
    expect(s.nodes['1.2.1']!.points).toBe(13.33);
    expect(s.nodes['2.1.2']!.points).toBe(2.68);
    expect(s.nodes['1.1']!).toMatchObject({ max: 30, applicable: true });
    expect(s.nodes['1.1']!.points).toBeCloseTo(25.83, 10);
    expect(s.nodes['1.1']!.value).toBeCloseTo(25.83 / 30, 12);
    expect(s.nodes['1']!.points).toBeCloseTo(59.16, 10);
    expect(s.nodes['2']!.points).toBeCloseTo(12.68, 10);
    expect(s.total.points).toBeCloseTo(71.84, 10);
    expect(s.total.max).toBe(100);
    expect(s.total.value).toBeCloseTo(0.7184, 12);
    expect(s.total.scaled).toBeCloseTo(71.84, 10);
    expect(s.issues).toEqual([]);
    expect(s.excluded).toEqual([]);
  });

  it('trụ cột không áp dụng cho nhóm 2 vắng mặt cả ở điểm lẫn điểm tối đa; tổng được quy đổi về 100', () => {
    const s = score(FULL, 2);
    expect(s.nodes['2']).toBeUndefined();
    expect(s.nodes['2.1.1']).toBeUndefined();
    expect(s.total.max).toBe(70);
    expect(s.total.points).toBeCloseTo(59.16, 10);
    expect(s.total.scaled).toBeCloseTo((59.16 * 100) / 70, 10);
    expect(s.issues).toEqual([]);
  });

  it('đơn vị khai báo không áp dụng ở chỉ số cho phép: chỉ số rời khỏi điểm và điểm tối đa', () => {
    const s = score({ ...FULL, '1.1.3': { notApplicable: true, reason: 'Không có đơn vị trực thuộc' } });
    expect(s.nodes['1.1.3']).toMatchObject({
      applicable: false,
      reason: 'Không có đơn vị trực thuộc',
      value: null,
    });
    expect(s.nodes['1.1']!.max).toBe(20);
    expect(s.nodes['1.1']!.points).toBe(17.5);
    expect(s.total.max).toBe(90);
    expect(s.excluded).toEqual(['1.1.3']);
  });

  it('khai báo không áp dụng ở chỉ số không cho phép: tính 0 điểm và báo lỗi tiếng Việt', () => {
    const s = score({ ...FULL, '1.1.1': { notApplicable: true, reason: 'x' } });
    expect(s.nodes['1.1.1']).toMatchObject({ points: 0, max: 10, applicable: true, invalid: true });
    expect(s.total.max).toBe(100);
    expect(s.issues).toEqual([
      {
        code: '1.1.1',
        kind: 'not_applicable_refused',
        message: 'Chỉ số 1.1.1 – Chỉ số 1.1.1: chỉ số này không được khai báo là không áp dụng',
      },
    ]);
  });

  it('quy tắc trả về không áp dụng (mẫu số 0): chỉ số rời khỏi điểm tối đa', () => {
    const s = score({ ...FULL, '1.2.2': { a: 0, b: 0 } });
    expect(s.nodes['1.2.2']).toMatchObject({ applicable: false, reason: 'Mẫu số bằng 0' });
    expect(s.nodes['1.2']!.max).toBe(20);
    expect(s.total.max).toBe(80);
  });

  it('tất cả chỉ số con không áp dụng thì chỉ số cha cũng không áp dụng', () => {
    const s = score({ ...FULL, '1.2.1': { a: 0, b: 0 }, '1.2.2': { a: 0, b: 0 } }, 1, {});
    // 1.2.1 scores 0 on b = 0 ('zero'), so 1.2 stays
    expect(s.nodes['1.2']!.applicable).toBe(true);
    const t = score({ ...FULL, '1.2.1': { notApplicable: true, reason: 'x' } }, 1, {});
    expect(t.issues).toHaveLength(1);
    const f = sampleFramework();
    f.nodes[0]!.children![1]!.children![0]!.mayBeNotApplicable = true;
    const u = scoreUnit(
      compileFramework(f, 'so', 1),
      unit({ ...FULL, '1.2.1': { notApplicable: true, reason: 'x' }, '1.2.2': { a: 1, b: 0 } }),
    );
    expect(u.nodes['1.2']).toMatchObject({ applicable: false, points: 0, max: 0, value: null });
    expect(u.excluded).toEqual(['1.2']);
    expect(u.total.max).toBe(60);
  });

  it('thiếu số liệu: chính sách "zero" tính 0 điểm, chính sách "not_applicable" loại khỏi điểm tối đa', () => {
    const { '1.1.2': _, ...rest } = FULL;
    const zero = score(rest);
    expect(zero.nodes['1.1.2']).toMatchObject({ points: 0, max: 10, missing: true, applicable: true });
    expect(zero.total.max).toBe(100);
    const na = score(rest, 1, { missing: 'not_applicable' });
    expect(na.nodes['1.1.2']).toMatchObject({ applicable: false, missing: true });
    expect(na.total.max).toBe(90);
    expect(na.excluded).toEqual(['1.1.2']);
  });

  it('số liệu không hợp lệ: chỉ số được 0 điểm và được liệt kê trong danh sách lỗi', () => {
    const s = score({ ...FULL, '1.2.1': { a: -1, b: 'mười' } });
    expect(s.nodes['1.2.1']).toMatchObject({ points: 0, max: 20, invalid: true, applicable: true });
    expect(s.issues.map((i) => i.message)).toEqual([
      'Chỉ số 1.2.1 – Chỉ số 1.2.1: Tử số (a) không được âm',
      'Chỉ số 1.2.1 – Chỉ số 1.2.1: Mẫu số (b) phải là một số',
    ]);
    expect(s.total.points).toBeCloseTo(71.84 - 13.33, 10);
  });

  it('mã chỉ số lạ được báo; mã của nhánh không áp dụng cho nhóm thì bỏ qua', () => {
    const s = score({ ...FULL, '9.9': { yes: true } }, 2);
    expect(s.issues).toEqual([
      { code: '9.9', kind: 'unknown_code', message: 'Mã chỉ số 9.9 không có trong bộ chỉ số' },
    ]);
  });

  it('không làm tròn khi chính sách là "none"; không có tổng quy đổi khi xếp hạng riêng', () => {
    const s = score(FULL, 1, { rounding: { decimals: 2, mode: 'none' }, notApplicable: 'rank_separately' });
    expect(s.nodes['1.2.1']!.points).toBe((2 / 3) * 20);
    expect(s.total.scaled).toBeUndefined();
  });

  it('từ chối đơn vị khác cấp hoặc nhóm với bộ chỉ số đã biên dịch', () => {
    const c = compileFramework(sampleFramework(), 'so', 1);
    expect(() => scoreUnit(c, unit(FULL, 2))).toThrow(AppError);
  });

  it('scoreUnits biên dịch một lần cho mỗi nhóm và chấm từng đơn vị theo nhóm của nó', () => {
    const [a, b] = scoreUnits(sampleFramework(), [unit(FULL, 1), unit(FULL, 2)]);
    expect(a!.total.max).toBe(100);
    expect(b!.total.max).toBe(70);
  });
});
