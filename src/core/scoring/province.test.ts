import { describe, expect, it } from 'vitest';
import { FRAMEWORK_LEVELS, type Framework, type FrameworkLevel } from '../framework/model';
import { applicableNodes } from '../framework/tree';
import { validateFramework } from '../framework/validate';
import { AppError } from '../shared/app-error';
import { UNIT_LEVELS } from '../units/unit';
import { bandFor } from './bands';
import { compileFramework } from './compile';
import { rankUnits } from './rank';
import { scoreRun } from './score-run';
import { scoreUnit, scoreUnits } from './score-unit';
import type { UnitData } from './types';

/**
 * A small province-level set: two main indices of 100 points, the second split into a component every
 * province answers and one that applies only where the set is scored for sở (to check that a level list
 * naming 'tinh' and one not naming it both work).
 */
function provinceSet(): Framework {
  return {
    formatVersion: 1,
    code: 'tinh-thu',
    name: 'Bộ chỉ số cấp tỉnh thử',
    year: 2024,
    level: 'tinh',
    nominalMax: 200,
    illustrative: true,
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [
        { code: 'tot', label: 'Tốt', minValue: 0.8 },
        { code: 'kha', label: 'Khá', minValue: 0.5 },
        { code: 'yeu', label: 'Yếu', minValue: 0 },
      ],
    },
    nodes: [
      { code: '1', kind: 'main', name: 'Nhận thức số', maxPoints: 100, rule: { type: 'manual' } },
      {
        code: '2',
        kind: 'main',
        name: 'Hạ tầng số',
        maxPoints: 100,
        children: [
          {
            code: '2.1',
            kind: 'component',
            name: 'Tỷ lệ hộ gia đình có cáp quang',
            maxPoints: 100,
            applicability: { levels: ['tinh'] },
            rule: { type: 'ratio', whenDenominatorZero: 'zero' },
          },
          {
            code: '2.2',
            kind: 'component',
            name: 'Chỉ dành cho sở',
            maxPoints: 40,
            applicability: { levels: ['so'] },
            rule: { type: 'yes_no' },
          },
        ],
      },
    ],
  };
}

const province = (unitId: string, manual: number, a: number, b: number): UnitData => ({
  unitId,
  level: 'tinh',
  group: null,
  inputs: { '1': { points: manual }, '2.1': { a, b } },
});

describe('bộ chỉ số cấp tỉnh', () => {
  it('cấp của bộ chỉ số gồm cấp tỉnh và ba cấp đơn vị; cấp đơn vị vẫn chỉ có ba', () => {
    expect(FRAMEWORK_LEVELS).toEqual(['tinh', 'so', 'huyen', 'xa']);
    const unitLevels: readonly FrameworkLevel[] = UNIT_LEVELS;
    expect(unitLevels).toEqual(['so', 'huyen', 'xa']);
    expect(UNIT_LEVELS).not.toContain('tinh');
  });

  it('bộ chỉ số cấp tỉnh hợp lệ; một cấp lạ bị từ chối bằng thông báo tiếng Việt', () => {
    expect(validateFramework(provinceSet()).errors).toEqual([]);
    const bad = { ...provinceSet(), level: 'quoc_gia' as FrameworkLevel };
    expect(validateFramework(bad).errors).toContainEqual({
      path: '$level',
      message: 'Cấp của bộ chỉ số phải là tinh, so, huyen hoặc xa',
    });
  });

  it('chỉ số ghi "Cấp: tỉnh" áp dụng cho tỉnh, chỉ số chỉ dành cho sở thì không', () => {
    const codes = applicableNodes(provinceSet(), 'tinh').map((n) => n.code);
    expect(codes).toEqual(['1', '2', '2.1']);
    const c = compileFramework(provinceSet(), 'tinh', null);
    expect(c.inapplicable).toEqual(new Set(['2.2']));
    expect(c.level).toBe('tinh');
  });

  it('một tỉnh được chấm trên bộ chỉ số quốc gia: điểm, giá trị, xếp loại', () => {
    const c = compileFramework(provinceSet(), 'tinh', null);
    const s = scoreUnit(c, province('Cần Thơ', 72.5, 3, 4));
    expect(s.level).toBe('tinh');
    expect(s.nodes['2.1']).toMatchObject({ points: 75, max: 100 });
    expect(s.nodes['2.2']).toBeUndefined();
    expect(s.total).toMatchObject({ points: 147.5, max: 200 });
    expect(s.total.value).toBeCloseTo(0.7375, 12);
    expect(bandFor(s.total.value, provinceSet().policy.bands)?.code).toBe('kha');
    expect(s.issues).toEqual([]);
  });

  it('các tỉnh được xếp hạng với nhau, đồng hạng khi bằng điểm', () => {
    const results = scoreRun(provinceSet(), [
      province('Đà Nẵng', 90, 9, 10),
      province('Cần Thơ', 72.5, 3, 4),
      province('Huế', 72.5, 3, 4),
      province('Hậu Giang', 40, 1, 4),
    ]);
    expect(results.map((r) => [r.score.unitId, r.rank.rank, r.rank.of, r.band?.code])).toEqual([
      ['Đà Nẵng', 1, 4, 'tot'],
      ['Cần Thơ', 2, 4, 'kha'],
      ['Huế', 2, 4, 'kha'],
      ['Hậu Giang', 4, 4, 'yeu'],
    ]);
  });

  it('tỉnh và sở không bao giờ được xếp hạng chung, kể cả trên cùng một bộ chỉ số', () => {
    const f = provinceSet();
    const so: UnitData = { unitId: 'Sở A', level: 'so', group: null, inputs: { '1': { points: 100 } } };
    const scores = scoreUnits(f, [province('Cần Thơ', 72.5, 3, 4), so]);
    expect(scores[1]!.nodes['2.2']).toBeDefined();
    expect(scores[1]!.nodes['2.1']).toBeUndefined();
    const ranks = rankUnits(scores, f);
    expect(ranks.map((r) => [r.total.rank, r.total.of])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(ranks[0]!.total.partition).not.toBe(ranks[1]!.total.partition);
  });

  it('một đơn vị cấp huyện không được chấm bằng bản biên dịch cho cấp tỉnh', () => {
    const c = compileFramework(provinceSet(), 'tinh', null);
    const district: UnitData = { unitId: 'H-1', level: 'huyen', group: null, inputs: {} };
    expect(() => scoreUnit(c, district)).toThrow(AppError);
  });
});
