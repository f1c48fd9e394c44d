import type { Framework, FrameworkNode, Rule, RuleInput } from '../../src/core/framework/model';
import type { LeafEntry, UnitData } from '../../src/core/scoring/types';

/** Deterministic generator (mulberry32) so every run scores the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RULES: Rule[] = [
  { type: 'ratio', whenDenominatorZero: 'not_applicable' },
  { type: 'ratio', target: 0.9, cap: 1, whenDenominatorZero: 'zero' },
  {
    type: 'steps',
    steps: [
      { min: 0, points: 0 },
      { min: 2, points: 4 },
      { min: 4, points: 10 },
    ],
  },
  {
    type: 'option',
    options: [
      { code: 'A', label: 'Đầy đủ', fraction: 1 },
      { code: 'B', label: 'Một phần', fraction: 0.5 },
      { code: 'C', label: 'Chưa có', fraction: 0 },
    ],
  },
  { type: 'yes_no' },
  { type: 'count', cap: 5 },
  { type: 'linear', worst: 0, best: 80 },
  { type: 'manual' },
  { type: 'ratio', whenDenominatorZero: 'full' },
  {
    type: 'expression',
    inputs: [
      { code: 'x', label: 'Số hệ thống' },
      { code: 'y', label: 'Số hệ thống đạt' },
    ],
    formula: 'if(x == 0, 0, y / x * toi_da)',
  },
];

/** 3 pillars, 11 main indices, 100 leaves of every rule type; pillar 3 applies to group 1 only. */
export function benchFramework(): Framework {
  const mainsPerPillar = [5, 3, 3];
  let leafNo = 0;
  let mainNo = 0;
  const pillars: FrameworkNode[] = mainsPerPillar.map((mains, p) => {
    const children: FrameworkNode[] = [];
    for (let m = 0; m < mains; m++) {
      const leaves: FrameworkNode[] = [];
      // 11 main indices: the first has 10 leaves, the others 9 (100 in all)
      const count = mainNo++ === 0 ? 10 : 9;
      for (let l = 0; l < count; l++, leafNo++) {
        leaves.push({
          code: `${p + 1}.${m + 1}.${l + 1}`,
          kind: 'component',
          name: `Chỉ số thành phần ${p + 1}.${m + 1}.${l + 1}`,
          maxPoints: 10,
          rule: RULES[leafNo % RULES.length]!,
          ...(leafNo % 17 === 0 ? { mayBeNotApplicable: true } : {}),
        });
      }
      children.push({
        code: `${p + 1}.${m + 1}`,
        kind: 'main',
        name: `Chỉ số chính ${p + 1}.${m + 1}`,
        maxPoints: leaves.length * 10,
        children: leaves,
      });
    }
    return {
      code: `${p + 1}`,
      kind: 'pillar',
      name: ['Chính quyền số', 'Kinh tế số', 'Xã hội số'][p]!,
      maxPoints: children.reduce((a, c) => a + c.maxPoints, 0),
      ...(p === 2 ? { applicability: { groups: [1] } } : {}),
      children,
    };
  });
  return {
    formatVersion: 1,
    code: 'bench',
    name: 'Bộ chỉ số đo hiệu năng',
    year: 2025,
    level: 'so',
    nominalMax: 1000,
    illustrative: true,
    groups: [1, 2, 3].map((no) => ({ no, name: `Nhóm ${no}` })),
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [
        { code: 'tot', label: 'Tốt', minValue: 0.8 },
        { code: 'kha', label: 'Khá', minValue: 0.65 },
        { code: 'trung_binh', label: 'Trung bình', minValue: 0.5 },
        { code: 'yeu', label: 'Yếu', minValue: 0 },
      ],
    },
    nodes: pillars,
  };
}

function input(rule: Rule, r: () => number): RuleInput {
  switch (rule.type) {
    case 'ratio': {
      const b = Math.floor(r() * 200);
      return { a: Math.floor(r() * (b + 1)), b };
    }
    case 'steps':
      return { value: Math.floor(r() * 6) };
    case 'option':
      return { option: ['A', 'B', 'C'][Math.floor(r() * 3)]! };
    case 'yes_no':
      return { yes: r() < 0.7 };
    case 'count':
      return { value: Math.floor(r() * 7) };
    case 'linear':
      return { value: Math.round(r() * 10000) / 100 };
    case 'manual':
      return { points: Math.round(r() * 1000) / 100 };
    case 'expression': {
      const x = Math.floor(r() * 20);
      return { x, y: Math.floor(r() * (x + 1)) };
    }
  }
}

/** `n` units of level 'so' in groups 1–3, with about 2% missing data and a few N/A declarations. */
export function benchUnits(f: Framework, n: number, seed = 42): UnitData[] {
  const r = rng(seed);
  const leaves: FrameworkNode[] = [];
  const walk = (x: FrameworkNode) => (x.children ? x.children.forEach(walk) : leaves.push(x));
  f.nodes.forEach(walk);
  return Array.from({ length: n }, (_, i) => {
    const inputs: Record<string, LeafEntry> = {};
    for (const leaf of leaves) {
      const d = r();
      if (d < 0.02) continue;
      if (d < 0.04 && leaf.mayBeNotApplicable)
        inputs[leaf.code] = { notApplicable: true, reason: 'Không có' };
      else inputs[leaf.code] = input(leaf.rule!, r);
    }
    return { unitId: `DV${String(i + 1).padStart(5, '0')}`, level: 'so', group: (i % 3) + 1, inputs };
  });
}
