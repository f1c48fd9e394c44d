import { describe, expect, it } from 'vitest';
import { sampleSoFramework, seededRandom } from './fixtures';
import { type Framework, type FrameworkNode, NODE_KINDS, type Rule } from './model';
import { flattenNodes, leafNodes, nodeTotals } from './tree';
import { validateFramework } from './validate';

type Random = ReturnType<typeof seededRandom>;

/** Splits `units` half-points into `n` positive parts. */
function split(r: Random, units: number, n: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(r.int(1, units - 1));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), units];
  return bounds.slice(1).map((b, i) => b - bounds[i]!);
}

function randomNodes(r: Random, code: string, kindIndex: number, units: number): FrameworkNode[] {
  const n = Math.min(units, r.int(1, 4));
  return split(r, units, n).map((part, i) => {
    const node: FrameworkNode = {
      code: code ? `${code}.${i + 1}` : String(i + 1),
      kind: NODE_KINDS[kindIndex]!,
      name: `Chỉ số ${code}${i + 1}`,
      maxPoints: part / 2,
    };
    const canBeLeaf = kindIndex >= 2;
    if (kindIndex === 3 || (canBeLeaf && r.next() < 0.5) || part < 2) {
      if (node.kind === 'pillar') return { ...node, children: randomNodes(r, node.code, 1, part) };
      const rules: Rule[] = [{ type: 'yes_no' }, { type: 'count', cap: 4 }, { type: 'manual' }];
      return { ...node, rule: r.pick(rules) };
    }
    return { ...node, children: randomNodes(r, node.code, kindIndex + 1, part) };
  });
}

function randomFramework(seed: number): Framework {
  const r = seededRandom(seed);
  const units = r.int(4, 400);
  return {
    ...sampleSoFramework(),
    level: 'xa',
    groups: undefined,
    nominalMax: units / 2,
    nodes: randomNodes(r, '', r.pick([0, 1]), units),
  };
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

describe('random sets whose maxima add up', () => {
  it('are valid, and each node total equals its maximum', () => {
    for (const seed of SEEDS) {
      const f = randomFramework(seed);
      expect(validateFramework(f).errors, `seed ${seed}`).toEqual([]);
      const totals = nodeTotals(f.nodes, (leaf) => leaf.maxPoints);
      for (const { node } of flattenNodes(f.nodes))
        expect(totals.get(node.code)).toBeCloseTo(node.maxPoints, 9);
    }
  });
  it('raising one leaf maximum is caught at its parent', () => {
    for (const seed of SEEDS) {
      const f = randomFramework(seed);
      const leaves = leafNodes(f.nodes);
      const leaf = leaves[seed % leaves.length]!;
      leaf.maxPoints += 0.5;
      const parent = flattenNodes(f.nodes).find((v) => v.node.code === leaf.code)!.parent;
      const paths = validateFramework(f).errors.map((e) => e.path);
      expect(paths, `seed ${seed}`).toContain(parent ? parent.code : '$nominalMax');
    }
  });
  it('a repeated code is caught', () => {
    for (const seed of SEEDS) {
      const f = randomFramework(seed);
      const all = flattenNodes(f.nodes).map((v) => v.node);
      if (all.length < 2) continue;
      const [first, second] = [all[seed % all.length]!, all[(seed + 1) % all.length]!];
      second.code = first.code;
      const errors = validateFramework(f).errors;
      expect(errors, `seed ${seed}`).toContainEqual({
        path: first.code,
        message: `Mã "${first.code}" bị trùng`,
      });
    }
  });
});
