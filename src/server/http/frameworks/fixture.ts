import type { Framework } from '../../../core/framework/model';

/** A small commune-level set: two pillars, one main index with three scored leaves. */
export function sampleFramework(over: Partial<Framework> = {}): Framework {
  return {
    formatVersion: 1,
    code: 'thu-xa',
    name: 'Bộ chỉ số thử nghiệm cấp xã',
    year: 2025,
    level: 'xa',
    nominalMax: 100,
    illustrative: true,
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [],
    },
    nodes: [
      {
        code: '1',
        kind: 'pillar',
        name: 'Chính quyền số',
        maxPoints: 60,
        children: [
          {
            code: '1.1',
            kind: 'main',
            name: 'Nhận thức số',
            maxPoints: 60,
            children: [
              {
                code: '1.1.1',
                kind: 'component',
                name: 'Ban Chỉ đạo họp định kỳ',
                maxPoints: 20,
                rule: {
                  type: 'steps',
                  steps: [
                    { min: 1, points: 5 },
                    { min: 4, points: 20 },
                  ],
                },
              },
              {
                code: '1.1.2',
                kind: 'component',
                name: 'Tỷ lệ văn bản chỉ đạo do người đứng đầu ký',
                maxPoints: 20,
                rule: { type: 'ratio', whenDenominatorZero: 'zero' },
              },
              {
                code: '1.1.3',
                kind: 'component',
                name: 'Có chuyên mục chuyển đổi số',
                maxPoints: 20,
                rule: { type: 'yes_no' },
              },
            ],
          },
        ],
      },
      {
        code: '2',
        kind: 'pillar',
        name: 'Xã hội số',
        maxPoints: 40,
        children: [
          {
            code: '2.1',
            kind: 'main',
            name: 'Tổ công nghệ số cộng đồng',
            maxPoints: 40,
            rule: { type: 'manual' },
          },
        ],
      },
    ],
    ...over,
  };
}
