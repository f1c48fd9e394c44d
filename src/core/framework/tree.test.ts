import { describe, expect, it } from 'vitest';
import { sampleSoFramework } from './fixtures';
import {
  applicabilityContexts,
  applicableNodes,
  applicableTree,
  findNode,
  flattenNodes,
  isApplicable,
  leafNodes,
  nodeTotals,
  pathTo,
} from './tree';

const f = sampleSoFramework();
const codes = (nodes: { code: string }[]) => nodes.map((n) => n.code);

describe('walking', () => {
  it('lists parents before children, in document order, with depth', () => {
    const flat = flattenNodes(f.nodes);
    expect(flat.map((v) => v.node.code)).toEqual([
      'CQS',
      '1',
      '1.1',
      '1.2',
      '1.2.1',
      '1.2.2',
      '1.3',
      '2',
      '2.1',
      '2.2',
      'KTS',
      '3',
      '3.1',
      '3.2',
    ]);
    expect(flat.find((v) => v.node.code === '1.2.2')).toMatchObject({ depth: 3, parent: { code: '1.2' } });
  });
  it('finds nodes, paths and leaves', () => {
    expect(findNode(f, '2.2')?.name).toBe('Trưởng Ban Chỉ đạo');
    expect(findNode(f, '9')).toBeUndefined();
    expect(pathTo(f, '1.2.1')).toEqual(['CQS', '1', '1.2', '1.2.1']);
    expect(pathTo(f, 'nope')).toEqual([]);
    expect(codes(leafNodes(f.nodes))).toEqual(['1.1', '1.2.1', '1.2.2', '1.3', '2.1', '2.2', '3.1', '3.2']);
  });
});

describe('applicability', () => {
  it('per sở group, a node is dropped with everything below it', () => {
    expect(codes(applicableNodes(f, 'so', 1))).toHaveLength(14);
    expect(codes(applicableNodes(f, 'so', 2))).toEqual([
      'CQS',
      '1',
      '1.1',
      '1.2',
      '1.2.1',
      '1.2.2',
      '1.3',
      '2',
      '2.1',
      '2.2',
    ]);
    expect(codes(applicableNodes(f, 'so', 3))).not.toContain('1.3');
    expect(codes(leafNodes(applicableTree(f, 'so', 3)))).toEqual(['1.1', '1.2.1', '1.2.2', '2.1', '2.2']);
  });
  it('levels restrict; a unit without a group is not restricted by group lists', () => {
    const node = {
      code: 'x',
      kind: 'main' as const,
      name: 'X',
      maxPoints: 1,
      applicability: { levels: ['xa' as const], groups: [2] },
    };
    expect(isApplicable(node, 'xa')).toBe(true);
    expect(isApplicable(node, 'xa', null)).toBe(true);
    expect(isApplicable(node, 'xa', 1)).toBe(false);
    expect(isApplicable(node, 'huyen')).toBe(false);
  });
  it('the contexts to check are the declared groups, or the level alone', () => {
    expect(applicabilityContexts(f)).toEqual([1, 2, 3].map((group) => ({ level: 'so', group })));
    expect(applicabilityContexts({ level: 'xa' })).toEqual([{ level: 'xa', group: undefined }]);
  });
});

describe('nodeTotals', () => {
  it('adds leaf values up the tree', () => {
    const max = nodeTotals(f.nodes, (leaf) => leaf.maxPoints);
    expect(max.get('1.2')).toBe(5);
    expect(max.get('CQS')).toBe(30);
    const earned = new Map([
      ['1.1', 2.5],
      ['1.2.2', 1],
      ['3.2', 4],
    ]);
    const totals = nodeTotals(f.nodes, (leaf) => earned.get(leaf.code));
    expect(totals.get('1')).toBe(3.5);
    expect(totals.get('2')).toBe(0);
    expect(totals.get('KTS')).toBe(4);
  });
});
