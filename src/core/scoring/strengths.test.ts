import { describe, expect, it } from 'vitest';
import { compileFramework } from './compile';
import { scoreUnit } from './score-unit';
import { strengthsAndWeaknesses } from './strengths';
import { sampleFramework } from './test-fixtures';
import type { LeafEntry } from './types';

const c = compileFramework(sampleFramework(), 'so', 1);
const unit = (unitId: string, inputs: Record<string, LeafEntry>) =>
  scoreUnit(c, { unitId, level: 'so', group: 1, inputs });

describe('điểm mạnh, điểm yếu so với đơn vị cùng cấp, cùng nhóm', () => {
  // 1.1 (30), 1.2 (40), 2.1 (30)
  const a = unit('a', { '1.1.1': { yes: true }, '1.1.2': { value: 4 }, '1.1.3': { points: 10 } });
  const b = unit('b', { '1.2.1': { a: 1, b: 1 }, '1.2.2': { a: 1, b: 1 }, '2.1.1': { value: 90 } });
  const [sa, sb] = strengthsAndWeaknesses(c, [a, b]);

  it('đo khoảng cách bằng phần trăm điểm tối đa của chỉ số so với trung bình nhóm', () => {
    // a: 1.1 = 1, 1.2 = 0, 2.1 = 0; b: 1.1 = 0, 1.2 = 1, 2.1 = 20/30. Averages 0.5, 0.5, 1/3.
    expect(sa!.strengths).toEqual([
      { code: '1.1', name: 'Nhận thức số', value: 1, peerAverage: 0.5, gap: 0.5 },
    ]);
    expect(sa!.weaknesses.map((g) => [g.code, g.gap])).toEqual([
      ['1.2', -0.5],
      ['2.1', -1 / 3],
    ]);
    expect(sb!.strengths.map((g) => g.code)).toEqual(['1.2', '2.1']);
    expect(sb!.weaknesses.map((g) => g.code)).toEqual(['1.1']);
  });

  it('giới hạn số lượng và chọn được loại nút', () => {
    const [x] = strengthsAndWeaknesses(c, [a, b], { top: 1 });
    expect(x!.weaknesses.map((g) => g.code)).toEqual(['1.2']);
    const [p] = strengthsAndWeaknesses(c, [a, b], { kind: 'pillar' });
    // a's pillar 1 is 30/70 against b's 40/70, and pillar 2 is 0 against 20/30
    expect(p!.strengths).toEqual([]);
    expect(p!.weaknesses.map((g) => g.code)).toEqual(['2', '1']);
  });

  it('đơn vị bằng trung bình ở mọi chỉ số không có điểm mạnh hay điểm yếu', () => {
    const [only] = strengthsAndWeaknesses(c, [a]);
    expect(only).toEqual({ unitId: 'a', strengths: [], weaknesses: [] });
  });
});
