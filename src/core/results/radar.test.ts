import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { radarSeries } from './radar';
import { GROUPS, resultsFramework, scored, THIS_YEAR } from './test-fixtures';

const f = resultsFramework();
const scores = scored(f, THIS_YEAR, GROUPS);

describe('biểu đồ radar', () => {
  it('giá trị các chỉ số chính của đơn vị và trung bình nhóm của nó', () => {
    const r = radarSeries([f], scores, 'C');
    expect(r.axes.map((a) => a.code)).toEqual(['1.1', '1.2']);
    expect(r.unit).toEqual([0.25, 0.9]);
    // group 1 averages (A, B, C, D): 0.6875 and 0.55; E of group 2 is not mixed in
    expect(r.groupAverage[0]).toBeCloseTo(0.6875, 12);
    expect(r.groupAverage[1]).toBeCloseTo(0.55, 12);
    expect(radarSeries([f], scores, 'E').groupAverage).toEqual([0.5, 0.5]);
  });

  it('đơn vị không có kết quả bị từ chối', () => {
    expect(() => radarSeries([f], scores, 'Z')).toThrow(AppError);
  });
});
