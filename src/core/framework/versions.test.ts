import { describe, expect, it } from 'vitest';
import { sampleSoFramework } from './fixtures';
import type { Framework, FrameworkNode } from './model';
import { findNode } from './tree';
import { validateFramework } from './validate';
import { cloneForYear, comparable, diffFrameworks } from './versions';

const node = (f: Framework, code: string): FrameworkNode => findNode(f, code)!;

describe('cloneForYear', () => {
  it('copies the whole set for a new year without touching the original', () => {
    const original = sampleSoFramework();
    original.renamedFrom = { '1.0': '1.1' };
    const copy = cloneForYear(original, 2025);
    expect(copy.year).toBe(2025);
    expect(copy.name).toBe('Bộ chỉ số mẫu cấp sở 2025');
    expect(copy.renamedFrom).toBeUndefined();
    expect(copy.nodes).toEqual(original.nodes);
    node(copy, '1.1').maxPoints = 99;
    expect(node(original, '1.1').maxPoints).toBe(5);
    expect(original.renamedFrom).toEqual({ '1.0': '1.1' });
    expect(validateFramework(cloneForYear(sampleSoFramework(), 2025)).errors).toEqual([]);
  });
  it('leaves other numbers in the name alone', () => {
    const f = { ...sampleSoFramework(), name: 'Bộ 12024 theo QĐ 2024/2088' };
    expect(cloneForYear(f, 2025).name).toBe('Bộ 12024 theo QĐ 2025/2088');
  });
});

describe('diffFrameworks', () => {
  it('an unchanged copy differs only in its year and is comparable everywhere', () => {
    const a = sampleSoFramework();
    const diff = diffFrameworks(a, cloneForYear(a, 2025));
    expect(diff).toMatchObject({ added: [], removed: [], renamed: [], changed: [], setFields: ['name'] });
    expect(Object.values(diff.comparability).every((c) => c.comparable)).toBe(true);
    expect(Object.keys(diff.comparability)).toHaveLength(14);
  });
  it('finds added, removed, renamed and changed nodes, and which fields changed', () => {
    const a = sampleSoFramework();
    const b = cloneForYear(a, 2025);
    node(b, '2.2').name = 'Trưởng Ban Chỉ đạo chuyển đổi số';
    node(b, '2.2').method = 'Theo quyết định thành lập';
    node(b, '1.1').code = '1.1a';
    b.renamedFrom = { '1.1': '1.1a' };
    node(b, '3').children = [node(b, '3.2')];
    node(b, '3.2').maxPoints = 10;
    node(b, '1').children!.push({
      code: '1.4',
      kind: 'component',
      name: 'Mới',
      maxPoints: 1,
      rule: { type: 'yes_no' },
    });
    b.nominalMax = 41;
    const diff = diffFrameworks(a, b);
    expect(diff.added).toEqual(['1.4']);
    expect(diff.removed).toEqual(['3.1']);
    expect(diff.renamed).toEqual([{ from: '1.1', to: '1.1a' }]);
    expect(diff.changed).toEqual([
      { code: '2.2', previousCode: '2.2', fields: ['name', 'method'] },
      { code: '3.2', previousCode: '3.2', fields: ['maxPoints'] },
    ]);
    expect(diff.setFields).toEqual(['name', 'nominalMax']);
  });
  it('a node moved to another parent is a change of parent, a renamed parent is not', () => {
    const a = sampleSoFramework();
    const b = cloneForYear(a, 2025);
    const moved = node(b, '2.2');
    node(b, '2').children = [node(b, '2.1')];
    node(b, '3').children!.push(moved);
    node(b, '1').code = '01';
    b.renamedFrom = { '1': '01' };
    const diff = diffFrameworks(a, b);
    expect(diff.changed).toEqual([{ code: '2.2', previousCode: '2.2', fields: ['parent'] }]);
  });
  it('rules compare by meaning: key order, default target and formula spacing do not count', () => {
    const a = sampleSoFramework();
    const b = cloneForYear(a, 2025);
    node(b, '1.1').rule = { whenDenominatorZero: 'not_applicable', target: 1, type: 'ratio' };
    const formula = node(b, '3.2').rule as { formula: string };
    formula.formula = 'if((tong_gd==0),0,min(so_gd/tong_gd,1)*toi_da)';
    expect(diffFrameworks(a, b).changed).toEqual([]);
    node(b, '2.1').rule = { type: 'steps', steps: [{ min: 4, points: 6 }] };
    expect(diffFrameworks(a, b).changed).toEqual([{ code: '2.1', previousCode: '2.1', fields: ['rule'] }]);
  });
});

describe('comparability year over year', () => {
  it('a changed maximum or rule breaks comparability up to the top; wording does not', () => {
    const a = sampleSoFramework();
    const b = cloneForYear(a, 2025);
    node(b, '2.1').rule = { type: 'steps', steps: [{ min: 4, points: 6 }] };
    node(b, '1.2.1').name = 'Đã thành lập Ban Chỉ đạo';
    const diff = diffFrameworks(a, b);
    expect(comparable(diff, '2.1')).toBe(false);
    expect(diff.comparability['2.1']!.reasons).toEqual(['Quy tắc tính điểm đã thay đổi']);
    expect(comparable(diff, '2')).toBe(false);
    expect(diff.comparability.CQS!.reasons).toEqual(['Có chỉ số con không so sánh được']);
    expect(comparable(diff, '2.2')).toBe(true);
    expect(comparable(diff, '1.2.1')).toBe(true);
    expect(comparable(diff, '1')).toBe(true);
    expect(comparable(diff, 'KTS')).toBe(true);
    expect(comparable(diff, 'unknown')).toBe(false);
  });
  it('a renamed node stays comparable with its old code; new nodes and dropped children are not', () => {
    const a = sampleSoFramework();
    const b = cloneForYear(a, 2025);
    node(b, '2.2').code = '2.9';
    b.renamedFrom = { '2.2': '2.9' };
    node(b, '3').children = [node(b, '3.1'), { ...node(b, '3.2'), code: '3.3' }];
    const diff = diffFrameworks(a, b);
    expect(diff.comparability['2.9']).toEqual({ comparable: true, previousCode: '2.2', reasons: [] });
    expect(diff.comparability['3.3']).toEqual({
      comparable: false,
      reasons: ['Chỉ số mới, năm trước chưa có'],
    });
    expect(diff.comparability['3']!.reasons).toEqual([
      'Có chỉ số con đã bị bỏ',
      'Có chỉ số con không so sánh được',
    ]);
    expect(comparable(diff, '2')).toBe(true);
  });
});
