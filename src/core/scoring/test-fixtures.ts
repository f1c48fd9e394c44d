import type { Framework, FrameworkNode, Rule, ScoringPolicy } from '../framework/model';

const leaf = (
  code: string,
  maxPoints: number,
  rule: Rule,
  extra: Partial<FrameworkNode> = {},
): FrameworkNode => ({
  code,
  kind: 'component',
  name: `Chỉ số ${code}`,
  maxPoints,
  rule,
  ...extra,
});

/**
 * A small sở-level set with two pillars: pillar 2 applies to group 1 only, leaf 1.1.3 may be declared
 * not applicable, leaf 1.2.2 is a ratio that leaves the set when its denominator is 0. Maximum 100.
 */
export function sampleFramework(policy: Partial<ScoringPolicy> = {}): Framework {
  return {
    formatVersion: 1,
    code: 'mau',
    name: 'Bộ chỉ số mẫu',
    year: 2025,
    level: 'so',
    nominalMax: 100,
    illustrative: true,
    groups: [
      { no: 1, name: 'Nhóm 1' },
      { no: 2, name: 'Nhóm 2' },
    ],
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [],
      ...policy,
    },
    nodes: [
      {
        code: '1',
        kind: 'pillar',
        name: 'Chính quyền số',
        maxPoints: 70,
        children: [
          {
            code: '1.1',
            kind: 'main',
            name: 'Nhận thức số',
            maxPoints: 30,
            children: [
              leaf('1.1.1', 10, { type: 'yes_no' }),
              leaf('1.1.2', 10, { type: 'count', cap: 4 }),
              leaf('1.1.3', 10, { type: 'manual' }, { mayBeNotApplicable: true }),
            ],
          },
          {
            code: '1.2',
            kind: 'main',
            name: 'Dịch vụ công',
            maxPoints: 40,
            children: [
              leaf('1.2.1', 20, { type: 'ratio', whenDenominatorZero: 'zero' }),
              leaf('1.2.2', 20, { type: 'ratio', whenDenominatorZero: 'not_applicable' }),
            ],
          },
        ],
      },
      {
        code: '2',
        kind: 'pillar',
        name: 'Kinh tế số',
        maxPoints: 30,
        applicability: { groups: [1] },
        children: [
          {
            code: '2.1',
            kind: 'main',
            name: 'Thanh toán số',
            maxPoints: 30,
            children: [
              leaf('2.1.1', 20, {
                type: 'steps',
                steps: [
                  { min: 0, points: 0 },
                  { min: 50, points: 10 },
                  { min: 80, points: 20 },
                ],
              }),
              leaf('2.1.2', 10, { type: 'linear', worst: 0, best: 100 }),
            ],
          },
        ],
      },
    ],
  };
}
