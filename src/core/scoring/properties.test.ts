import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework, Rule, RuleInput } from '../framework/model';
import { evaluateRule } from '../framework/rules';
import { type CompiledFramework, compileFramework } from './compile';
import { competitionRanks, rankUnits, tieKey } from './rank';
import { scoreUnit } from './score-unit';
import { sampleFramework } from './test-fixtures';
import type { LeafEntry, UnitData, UnitScore } from './types';

/** Deterministic generator so a failure can be replayed (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInput(rule: Rule, max: number, r: () => number): RuleInput {
  switch (rule.type) {
    case 'ratio': {
      const b = Math.floor(r() * 50);
      return { a: Math.floor(r() * (b + 10)), b };
    }
    case 'steps':
    case 'linear':
      return { value: Math.round(r() * 12000) / 100 - 10 };
    case 'count':
      return { value: Math.floor(r() * (rule.cap + 3)) };
    case 'yes_no':
      return { yes: r() < 0.5 };
    case 'manual':
      return { points: Math.round(r() * max * 1000) / 1000 };
    case 'option': {
      const o = rule.options[Math.floor(r() * rule.options.length)]!;
      return { option: rule.multiple ? [o.code] : o.code };
    }
    default:
      return {};
  }
}

function randomUnit(c: CompiledFramework, id: string, r: () => number): UnitData {
  const inputs: Record<string, LeafEntry> = {};
  for (const n of c.nodes) {
    if (!n.isLeaf || !n.rule) continue;
    const dice = r();
    if (dice < 0.05) continue; // missing
    if (dice < 0.1 && n.mayBeNotApplicable) inputs[n.code] = { notApplicable: true, reason: 'không có' };
    else inputs[n.code] = randomInput(n.rule, n.maxPoints, r);
  }
  return { unitId: id, level: c.level, group: c.group, inputs };
}

const shipped = JSON.parse(
  readFileSync(new URL('../../../templates/frameworks/cantho-so-2022.json', import.meta.url), 'utf8'),
) as Framework;

const CASES: [string, CompiledFramework][] = [
  ['bộ mẫu nhóm 1', compileFramework(sampleFramework(), 'so', 1)],
  [
    'bộ mẫu, thiếu số liệu = không áp dụng',
    compileFramework(sampleFramework({ missing: 'not_applicable' }), 'so', 1),
  ],
  ['bộ cấp sở Cần Thơ nhóm 1', compileFramework(shipped, 'so', 1)],
  ['bộ cấp sở Cần Thơ nhóm 3', compileFramework(shipped, 'so', 3)],
];

describe.each(CASES)('tính chất của điểm (%s)', (_, c) => {
  const r = rng(20_250_101);
  const units = Array.from({ length: 60 }, (_, i) => randomUnit(c, `u${i}`, r));
  const scores = units.map((u) => scoreUnit(c, u));

  it('điểm không vượt điểm tối đa, giá trị trong [0, 1], điểm nút cha = tổng điểm nút con', () => {
    for (const s of scores) {
      expect(s.total.points).toBeLessThanOrEqual(s.total.max + 1e-9);
      expect(s.total.value).toBeGreaterThanOrEqual(0);
      expect(s.total.value).toBeLessThanOrEqual(1 + 1e-12);
      if (s.total.scaled !== undefined) expect(s.total.scaled).toBeLessThanOrEqual(c.nominalMax + 1e-9);
      for (const n of c.nodes) {
        const ns = s.nodes[n.code]!;
        expect(ns.points).toBeLessThanOrEqual(ns.max + 1e-9);
        if (ns.value !== null) expect(ns.value >= 0 && ns.value <= 1 + 1e-12).toBe(true);
        if (!n.isLeaf && ns.applicable) {
          const kids = c.nodes.filter((k) => k.parent === c.index.get(n.code));
          const sum = kids.reduce(
            (a, k) => a + (s.nodes[k.code]!.applicable ? s.nodes[k.code]!.points : 0),
            0,
          );
          expect(ns.points).toBeCloseTo(sum, 9);
        }
      }
    }
  });

  it('thêm điểm cho một chỉ số không làm giảm tổng điểm hay thứ hạng của đơn vị', () => {
    const base = rankUnits(scores, c.framework);
    const leaves = c.nodes.filter((n) => n.isLeaf && n.rule);
    let checked = 0;
    for (let trial = 0; trial < 80; trial++) {
      const k = Math.floor(r() * units.length);
      const leaf = leaves[Math.floor(r() * leaves.length)]!;
      const before = scores[k]!.nodes[leaf.code]!;
      if (!before.applicable) continue;
      const candidate = randomInput(leaf.rule!, leaf.maxPoints, r);
      const out = evaluateRule(leaf.rule!, candidate, leaf.maxPoints);
      if (out.status !== 'scored' || out.points < before.points) continue;
      const better = scoreUnit(c, { ...units[k]!, inputs: { ...units[k]!.inputs, [leaf.code]: candidate } });
      expect(better.total.points).toBeGreaterThanOrEqual(scores[k]!.total.points - 1e-9);
      const next: UnitScore[] = scores.map((s, i) => (i === k ? better : s));
      const after = rankUnits(next, c.framework);
      expect(after[k]!.total.rank!).toBeLessThanOrEqual(base[k]!.total.rank!);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('thứ hạng là xếp hạng thi đấu hợp lệ: hạng = 1 + số đơn vị có giá trị lớn hơn', () => {
    const values = scores.map((s) => s.total.value);
    const ranks = competitionRanks(values);
    values.forEach((v, i) => {
      const above = values.filter((w) => tieKey(w!) > tieKey(v!)).length;
      expect(ranks[i]).toBe(above + 1);
    });
  });
});

describe('xếp hạng thi đấu trên dữ liệu ngẫu nhiên có nhiều giá trị trùng', () => {
  it('hạng = 1 + số giá trị lớn hơn, với mọi hoán vị đầu vào', () => {
    const r = rng(7);
    for (let t = 0; t < 50; t++) {
      const values = Array.from({ length: 30 }, () => (r() < 0.1 ? null : Math.floor(r() * 8) / 7));
      const ranks = competitionRanks(values);
      values.forEach((v, i) => {
        const expected = v === null ? null : 1 + values.filter((w) => w !== null && w > v).length;
        expect(ranks[i]).toBe(expected);
      });
    }
  });
});
