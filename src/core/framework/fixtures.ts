import type { Framework } from './model';

/**
 * A small sở set with the shapes real sets have: pillars, a group-only pillar (KTS for group 1), an
 * indicator that group 3 lacks (online public services), criteria under a component, and every rule type.
 */
export function sampleSoFramework(): Framework {
  return {
    formatVersion: 1,
    code: 'mau-so',
    name: 'Bộ chỉ số mẫu cấp sở 2024',
    year: 2024,
    level: 'so',
    nominalMax: 40,
    illustrative: true,
    groups: [
      { no: 1, name: 'Nhóm 1' },
      { no: 2, name: 'Nhóm 2' },
      { no: 3, name: 'Nhóm 3' },
    ],
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [
        { code: 'tot', label: 'Tốt', minValue: 0.8 },
        { code: 'kha', label: 'Khá', minValue: 0.65 },
        { code: 'tb', label: 'Trung bình', minValue: 0.5 },
        { code: 'yeu', label: 'Yếu', minValue: 0 },
      ],
    },
    nodes: [
      {
        code: 'CQS',
        kind: 'pillar',
        name: 'Chính quyền số',
        maxPoints: 30,
        children: [
          {
            code: '1',
            kind: 'main',
            name: 'Nhận thức số',
            maxPoints: 20,
            children: [
              {
                code: '1.1',
                kind: 'component',
                name: 'Văn bản chỉ đạo do người đứng đầu ký',
                maxPoints: 5,
                rule: { type: 'ratio', whenDenominatorZero: 'not_applicable' },
              },
              {
                code: '1.2',
                kind: 'component',
                name: 'Hoạt động của Ban Chỉ đạo',
                maxPoints: 5,
                children: [
                  {
                    code: '1.2.1',
                    kind: 'criterion',
                    name: 'Có Ban Chỉ đạo',
                    maxPoints: 2,
                    rule: { type: 'yes_no' },
                  },
                  {
                    code: '1.2.2',
                    kind: 'criterion',
                    name: 'Số cuộc họp trong năm',
                    maxPoints: 3,
                    rule: { type: 'count', cap: 4 },
                  },
                ],
              },
              {
                code: '1.3',
                kind: 'component',
                name: 'Dịch vụ công trực tuyến toàn trình',
                maxPoints: 10,
                applicability: { groups: [1, 2] },
                rule: { type: 'linear', worst: 0, best: 80 },
              },
            ],
          },
          {
            code: '2',
            kind: 'main',
            name: 'Thể chế số',
            maxPoints: 10,
            children: [
              {
                code: '2.1',
                kind: 'component',
                name: 'Số lần tổ chức họp Ban Chỉ đạo',
                maxPoints: 6,
                rule: {
                  type: 'steps',
                  steps: [
                    { min: 1, points: 1.5 },
                    { min: 2, points: 3 },
                    { min: 3, points: 4.5 },
                    { min: 4, points: 6 },
                  ],
                },
              },
              {
                code: '2.2',
                kind: 'component',
                name: 'Trưởng Ban Chỉ đạo',
                maxPoints: 4,
                rule: {
                  type: 'option',
                  options: [
                    { code: 'head', label: 'Người đứng đầu', fraction: 1 },
                    { code: 'deputy', label: 'Cấp phó', fraction: 0.5 },
                    { code: 'none', label: 'Chưa có' },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        code: 'KTS',
        kind: 'pillar',
        name: 'Kinh tế số',
        maxPoints: 10,
        applicability: { groups: [1] },
        children: [
          {
            code: '3',
            kind: 'main',
            name: 'Hoạt động kinh tế số',
            maxPoints: 10,
            children: [
              {
                code: '3.1',
                kind: 'component',
                name: 'Đánh giá của hội đồng',
                maxPoints: 4,
                rule: { type: 'manual' },
              },
              {
                code: '3.2',
                kind: 'component',
                name: 'Tỷ lệ giao dịch không dùng tiền mặt',
                maxPoints: 6,
                rule: {
                  type: 'expression',
                  inputs: [
                    { code: 'so_gd', label: 'Số giao dịch không dùng tiền mặt' },
                    { code: 'tong_gd', label: 'Tổng số giao dịch' },
                  ],
                  formula: 'if(tong_gd == 0, 0, min(so_gd / tong_gd, 1) * toi_da)',
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Small seeded generator (mulberry32) so every failure can be replayed from its seed. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  /** Numbers real data has, plus the edges: zero, tiny, huge, non-integers. */
  const amount = (): number =>
    pick([0, 1, 2, 3, 10, 0.5, 1e-9, 1e12, Number.MAX_SAFE_INTEGER, int(0, 100), next() * 1000]);
  return { next, int, pick, amount };
}
