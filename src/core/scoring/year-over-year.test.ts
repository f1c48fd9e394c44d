import { describe, expect, it } from 'vitest';
import type { Framework } from '../framework/model';
import { compileFramework } from './compile';
import { matchNodes } from './node-matching';
import { scoreUnit } from './score-unit';
import { sampleFramework } from './test-fixtures';
import type { LeafEntry } from './types';
import { yearOverYear } from './year-over-year';

const INPUTS: Record<string, LeafEntry> = {
  '1.1.1': { yes: true },
  '1.1.2': { value: 2 },
  '1.1.3': { points: 5 },
  '1.2.1': { a: 1, b: 2 },
  '1.2.2': { a: 1, b: 1 },
  '2.1.1': { value: 60 },
  '2.1.2': { value: 50 },
};

/** Next year's set: 1.1.3 renamed 1.1.4 (same definition), 2.1.2 gets a new maximum (10 → 15). */
function nextYear(): Framework {
  const f = sampleFramework();
  f.year = 2026;
  f.renamedFrom = { '1.1.3': '1.1.4' };
  const main11 = f.nodes[0]!.children![0]!;
  main11.children![2]!.code = '1.1.4';
  const main21 = f.nodes[1]!.children![0]!;
  main21.children![1]!.maxPoints = 15;
  main21.maxPoints = 35;
  f.nodes[1]!.maxPoints = 35;
  return f;
}

describe('so sánh với năm trước', () => {
  const prevF = sampleFramework();
  const curF = nextYear();
  const matches = matchNodes(curF, prevF);

  it('ghép chỉ số theo mã và theo danh sách đổi mã; đánh dấu chỉ số đổi định nghĩa', () => {
    expect(matches.get('1.1.4')).toEqual({ code: '1.1.4', previousCode: '1.1.3', comparable: true });
    expect(matches.get('1.1')!.comparable).toBe(true);
    expect(matches.get('2.1.2')).toMatchObject({
      comparable: false,
      reason: 'Điểm tối đa thay đổi (10 → 15)',
    });
    expect(matches.get('2.1')).toMatchObject({ comparable: false });
    expect(matches.get('2.1.1')!.comparable).toBe(true);
  });

  it('mã cũ đã đổi sang mã khác thì mã trùng tên năm nay là chỉ số mới', () => {
    const f = nextYear();
    f.nodes[0]!.children![0]!.children!.push({
      code: '1.1.3',
      kind: 'component',
      name: 'Chỉ số mới',
      maxPoints: 5,
      rule: { type: 'yes_no' },
    });
    const m = matchNodes(f, prevF);
    expect(m.get('1.1.3')).toMatchObject({ previousCode: null, comparable: false });
    expect(m.get('1.1')).toMatchObject({ comparable: false });
  });

  it('thay đổi tổng (điểm, giá trị, %), thứ hạng và từng chỉ số', () => {
    const prev = scoreUnit(compileFramework(prevF, 'so', 1), {
      unitId: 'u',
      level: 'so',
      group: 1,
      inputs: INPUTS,
    });
    const { '1.1.3': moved, ...rest } = INPUTS;
    const cur = scoreUnit(compileFramework(curF, 'so', 1), {
      unitId: 'u',
      level: 'so',
      group: 1,
      inputs: { ...rest, '1.1.4': { points: 9 }, '1.1.1': { yes: true } },
    });
    const ch = yearOverYear({ score: cur, rank: 3 }, { score: prev, rank: 13 }, matches);
    expect(ch.rank).toEqual({ current: 3, previous: 13, change: 10 });
    expect(ch.total.pointsChange).toBeCloseTo(cur.total.points - prev.total.points, 12);
    expect(ch.total.valueChange).toBeCloseTo(cur.total.value! - prev.total.value!, 12);
    expect(ch.total.percentChange).toBeCloseTo(
      ((cur.total.value! - prev.total.value!) / prev.total.value!) * 100,
      9,
    );
    expect(ch.nodes['1.1.4']).toMatchObject({
      previousCode: '1.1.3',
      value: 0.9,
      previousValue: 0.5,
      comparable: true,
    });
    expect(ch.nodes['1.1.4']!.change).toBeCloseTo(0.4, 12);
    expect(ch.nodes['2.1.2']).toMatchObject({ comparable: false, reason: 'Điểm tối đa thay đổi (10 → 15)' });
  });

  it('đơn vị chưa có kết quả năm trước: không so sánh được', () => {
    const cur = scoreUnit(compileFramework(curF, 'so', 1), {
      unitId: 'u',
      level: 'so',
      group: 1,
      inputs: {},
    });
    const ch = yearOverYear({ score: cur, rank: 1 }, null, matches);
    expect(ch.total).toMatchObject({ previousValue: null, valueChange: null, percentChange: null });
    expect(ch.rank.change).toBeNull();
    expect(ch.nodes['1.1']).toMatchObject({ comparable: false, reason: 'Năm trước chưa có kết quả' });
  });
});
