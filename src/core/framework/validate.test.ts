import { describe, expect, it } from 'vitest';
import { sampleSoFramework } from './fixtures';
import type { Framework, FrameworkNode } from './model';
import { findNode } from './tree';
import { validateFramework } from './validate';

function withChange(change: (f: Framework) => void): Framework {
  const f = sampleSoFramework();
  change(f);
  return f;
}
const node = (f: Framework, code: string): FrameworkNode => findNode(f, code)!;
const errorsOf = (f: Framework) => validateFramework(f).errors;

describe('a sound set', () => {
  it('has no errors; smaller group maxima are warnings', () => {
    const { errors, warnings } = validateFramework(sampleSoFramework());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        path: '$nominalMax',
        message: 'Nhóm 2: tổng điểm các chỉ số con là 30, thấp hơn tổng điểm tối đa của bộ chỉ số 40',
      },
      {
        path: '$nominalMax',
        message: 'Nhóm 3: tổng điểm các chỉ số con là 30, thấp hơn tổng điểm tối đa của bộ chỉ số 40',
      },
      { path: '1', message: 'Nhóm 3: tổng điểm các chỉ số con là 10, thấp hơn điểm tối đa 20' },
    ]);
  });
  it('a national-style set may start at main indices and has no groups', () => {
    const f = withChange((f) => {
      f.level = 'huyen';
      delete f.groups;
      f.nodes = f.nodes[0]!.children!;
      f.nominalMax = 30;
      delete node(f, '1.3').applicability;
    });
    expect(validateFramework(f)).toEqual({ errors: [], warnings: [] });
  });
});

describe('structure', () => {
  it('codes must be unique and well formed', () => {
    const f = withChange((f) => {
      node(f, '2.2').code = '2.1';
      node(f, '3.1').code = '3 1';
    });
    expect(errorsOf(f)).toEqual([
      { path: '2.1', message: 'Mã "2.1" bị trùng' },
      { path: '3 1', message: 'Mã "3 1" chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự)' },
    ]);
  });
  it('kinds nest pillar → main → component → criterion', () => {
    const f = withChange((f) => {
      node(f, '2').kind = 'component';
      node(f, '1.2.1').children = [
        { code: 'x', kind: 'criterion', name: 'X', maxPoints: 2, rule: { type: 'yes_no' } },
      ];
      delete node(f, '1.2.1').rule;
    });
    expect(errorsOf(f)).toEqual([
      { path: '1.2.1', message: 'Tiêu chí không được có nút con' },
      { path: '2', message: 'Dưới trụ cột phải là chỉ số chính, không phải chỉ số thành phần' },
      { path: '2.1', message: 'Dưới chỉ số thành phần phải là tiêu chí, không phải chỉ số thành phần' },
      { path: '2.2', message: 'Dưới chỉ số thành phần phải là tiêu chí, không phải chỉ số thành phần' },
    ]);
  });
  it('the top level is all pillars or all main indices', () => {
    const f = withChange((f) => {
      f.nodes[1] = { ...f.nodes[1]!.children![0]!, applicability: { groups: [1] } };
    });
    expect(errorsOf(f)).toEqual([
      { path: '$nodes', message: 'Cấp trên cùng phải toàn là trụ cột, hoặc toàn là chỉ số chính' },
    ]);
  });
  it('leaves have a valid rule, inner nodes none, maxima are positive', () => {
    const f = withChange((f) => {
      delete node(f, '2.1').rule;
      node(f, '1.2').rule = { type: 'yes_no' };
      node(f, '2.2').rule = { type: 'count', cap: 0 };
      node(f, '3.1').maxPoints = 0;
      node(f, '3.2').maxPoints = 4;
    });
    expect(errorsOf(f)).toEqual([
      { path: '1.2', message: 'Chỉ số có chỉ số con không được có quy tắc tính điểm riêng' },
      { path: '2.1', message: 'Chỉ số lá phải có quy tắc tính điểm' },
      { path: '2.2', message: 'Quy tắc: Số lượng tối đa được tính điểm phải là số nguyên dương' },
      { path: '3.1', message: 'Điểm tối đa phải là số dương' },
      { path: '3', message: 'Tổng điểm các chỉ số con là 4, chưa bằng điểm tối đa 10' },
    ]);
  });
  it('an empty set is refused', () => {
    expect(errorsOf(withChange((f) => (f.nodes = [])))).toEqual([
      { path: '$nodes', message: 'Bộ chỉ số chưa có chỉ số nào' },
    ]);
  });
});

describe('maxima', () => {
  it('children above the parent in any group is an error; decimals are compared without float noise', () => {
    const f = withChange((f) => {
      node(f, '2.1').maxPoints = 6.1;
      node(f, '2.2').maxPoints = 3.9;
      node(f, '1.1').maxPoints = 6;
    });
    expect(errorsOf(f)).toEqual([
      { path: '1', message: 'Tổng điểm các chỉ số con (nhóm 1) là 21, vượt điểm tối đa 20' },
      { path: '1', message: 'Tổng điểm các chỉ số con (nhóm 2) là 21, vượt điểm tối đa 20' },
    ]);
  });
  it('the nominal maximum must be reached by the fullest group', () => {
    expect(errorsOf(withChange((f) => (f.nominalMax = 45)))).toEqual([
      {
        path: '$nominalMax',
        message: 'Tổng điểm các chỉ số con là 40, chưa bằng tổng điểm tối đa của bộ chỉ số 45',
      },
    ]);
  });
  it('alternative indicators per group add up per group', () => {
    const f = withChange((f) => {
      node(f, '1.3').applicability = { groups: [1] };
      node(f, '1').children!.push({
        code: '1.4',
        kind: 'component',
        name: 'Chỉ số thay thế cho nhóm 2',
        maxPoints: 10,
        applicability: { groups: [2] },
        rule: { type: 'yes_no' },
      });
    });
    expect(errorsOf(f)).toEqual([]);
  });
  it('groups must be declared and used sensibly', () => {
    const f = withChange((f) => {
      node(f, '1.3').applicability = { groups: [4] };
      node(f, '2.2').applicability = { groups: [] };
    });
    expect(errorsOf(f)).toEqual([
      { path: '1.3', message: 'Nhóm 4 chưa được khai báo trong bộ chỉ số' },
      { path: '2.2', message: 'Danh sách nhóm áp dụng đang trống: bỏ danh sách nếu áp dụng mọi nhóm' },
      { path: '1', message: 'Tổng điểm các chỉ số con là 10, chưa bằng điểm tối đa 20' },
      { path: '2', message: 'Tổng điểm các chỉ số con là 6, chưa bằng điểm tối đa 10' },
    ]);
  });
});

describe('set-level fields', () => {
  it('bands are ordered, within [0, 1], with unique codes', () => {
    const f = withChange((f) => {
      f.policy.bands = [
        { code: 'a', label: 'A', minValue: 0.5 },
        { code: 'a', label: 'B', minValue: 0.9 },
        { code: 'c', label: 'C', minValue: 1.2 },
        { code: 'd', label: 'D', minValue: 0.1 },
      ];
    });
    const { errors, warnings } = validateFramework(f);
    expect(errors).toEqual([
      { path: '$policy.bands', message: 'Mức xếp loại 2: mã "a" bị trùng' },
      { path: '$policy.bands', message: 'Mức xếp loại 3: ngưỡng dưới phải từ 0 đến 1' },
      {
        path: '$policy.bands',
        message: 'Các mức xếp loại phải xếp theo ngưỡng tăng dần hoặc giảm dần, không trùng ngưỡng',
      },
    ]);
    expect(warnings).toContainEqual({
      path: '$policy.bands',
      message: 'Không có mức xếp loại bắt đầu từ 0: điểm thấp sẽ không có xếp loại',
    });
  });
  it('renames point to codes of this version, from codes no longer in it', () => {
    const f = withChange((f) => {
      f.renamedFrom = { '1.4': '1.3', '2.3': '2.2', '9.9': 'gone', '2.1': '2.1b' };
    });
    expect(errorsOf(f)).toEqual([
      { path: '$renamedFrom', message: 'Đổi mã "9.9" → "gone": mã mới không có trong bộ chỉ số' },
      { path: '$renamedFrom', message: 'Đổi mã "2.1" → "2.1b": mã mới không có trong bộ chỉ số' },
      { path: '2.1', message: 'Mã cũ "2.1" vẫn còn trong bộ chỉ số nên không thể là mã đã đổi' },
    ]);
  });
  it('basic fields and policy', () => {
    const f = withChange((f) => {
      f.year = 1999;
      f.name = ' ';
      f.policy.rounding = { decimals: 9, mode: 'half_up' };
    });
    expect(errorsOf(f)).toEqual([
      { path: '$name', message: 'Nhập tên bộ chỉ số' },
      { path: '$year', message: 'Năm đánh giá phải là số nguyên từ 2000 đến 2100' },
      { path: '$policy', message: 'Số chữ số thập phân khi làm tròn phải là số nguyên từ 0 đến 6' },
    ]);
  });
});
