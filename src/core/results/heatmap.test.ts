import { describe, expect, it } from 'vitest';
import { heatmaps } from './heatmap';
import { GROUPS, resultsFramework, scored, THIS_YEAR } from './test-fixtures';

const f = resultsFramework();

describe('bản đồ nhiệt đơn vị × chỉ số chính', () => {
  it('giá trị từng ô và trung bình nhóm theo từng chỉ số chính', () => {
    const [g1, g2] = heatmaps([f], scored(f, THIS_YEAR, GROUPS));
    expect(g1!.columns).toEqual([
      { code: '1.1', name: 'Nhận thức số', maxPoints: 40 },
      { code: '1.2', name: 'Hoạt động chính quyền số', maxPoints: 60 },
    ]);
    expect(g1!.rows).toEqual([
      { unitId: 'A', values: [1, 0.5] },
      { unitId: 'B', values: [1, 0.6] },
      { unitId: 'C', values: [0.25, 0.9] },
      { unitId: 'D', values: [0.5, 0.2] },
    ]);
    // 1.1: (1 + 1 + 0.25 + 0.5) / 4 = 0.6875; 1.2: (0.5 + 0.6 + 0.9 + 0.2) / 4 = 0.55
    expect(g1!.averages[0]).toBeCloseTo(0.6875, 12);
    expect(g1!.averages[1]).toBeCloseTo(0.55, 12);
    // group 2 is averaged on its own
    expect(g2).toMatchObject({ group: 2, rows: [{ unitId: 'E', values: [0.5, 0.5] }], averages: [0.5, 0.5] });
  });

  it('ô không áp dụng để trống và không vào trung bình; trụ cột khi chọn', () => {
    const [g] = heatmaps([f], scored(f, { A: THIS_YEAR.A!, X: { '1.1.1': 5, '1.1.2': 5, '1.2': 'na' } }));
    expect(g!.rows[1]!.values).toEqual([0.25, null]);
    // 1.1: (1 + 0.25) / 2; 1.2: A alone
    expect(g!.averages).toEqual([0.625, 0.5]);
    const [p] = heatmaps([f], scored(f, { A: THIS_YEAR.A! }), { kind: 'pillar' });
    expect(p!.columns.map((c) => c.code)).toEqual(['1']);
  });

  it('không có đơn vị thì không có bảng', () => {
    expect(heatmaps([f], [])).toEqual([]);
  });
});
