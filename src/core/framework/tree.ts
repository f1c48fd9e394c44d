import type { Framework, FrameworkLevel, FrameworkNode } from './model';

/** One node met while walking, with where it sits. */
export interface NodeVisit {
  node: FrameworkNode;
  parent: FrameworkNode | undefined;
  depth: number;
}

export function isLeaf(node: FrameworkNode): boolean {
  return !node.children || node.children.length === 0;
}

/** Every node, parents before children, in document order. */
export function flattenNodes(nodes: FrameworkNode[]): NodeVisit[] {
  const out: NodeVisit[] = [];
  const visit = (list: FrameworkNode[], parent: FrameworkNode | undefined, depth: number): void => {
    for (const node of list) {
      out.push({ node, parent, depth });
      if (node.children) visit(node.children, node, depth + 1);
    }
  };
  visit(nodes, undefined, 0);
  return out;
}

export function walkNodes(nodes: FrameworkNode[], visit: (v: NodeVisit) => void): void {
  for (const v of flattenNodes(nodes)) visit(v);
}

export function findNode(f: Pick<Framework, 'nodes'>, code: string): FrameworkNode | undefined {
  return flattenNodes(f.nodes).find((v) => v.node.code === code)?.node;
}

/** Codes from the top-level node down to `code` itself; empty when the code is not in the set. */
export function pathTo(f: Pick<Framework, 'nodes'>, code: string): string[] {
  const search = (list: FrameworkNode[], trail: string[]): string[] | undefined => {
    for (const node of list) {
      const here = [...trail, node.code];
      if (node.code === code) return here;
      const found = node.children && search(node.children, here);
      if (found) return found;
    }
    return undefined;
  };
  return search(f.nodes, []) ?? [];
}

export function leafNodes(nodes: FrameworkNode[]): FrameworkNode[] {
  return flattenNodes(nodes)
    .map((v) => v.node)
    .filter(isLeaf);
}

/**
 * Whether a node, taken alone, applies to a unit of `level` in sở group `group`. An absent list means all.
 * A unit without a group (huyện, xã) is not restricted by group lists; a node applies only if its
 * ancestors do too (see applicableTree).
 */
export function isApplicable(node: FrameworkNode, level: FrameworkLevel, group?: number | null): boolean {
  const a = node.applicability;
  if (!a) return true;
  if (a.levels && !a.levels.includes(level)) return false;
  if (a.groups && group !== undefined && group !== null && !a.groups.includes(group)) return false;
  return true;
}

/** Copy of the tree keeping only the nodes that apply (a node whose parent does not apply does not). */
export function applicableTree(f: Pick<Framework, 'nodes'>, level: FrameworkLevel, group?: number | null) {
  const prune = (list: FrameworkNode[]): FrameworkNode[] =>
    list
      .filter((n) => isApplicable(n, level, group))
      .map((n) => (n.children ? { ...n, children: prune(n.children) } : { ...n }));
  return prune(f.nodes);
}

/** Applicable nodes as a flat list, parents before children. */
export function applicableNodes(
  f: Pick<Framework, 'nodes'>,
  level: FrameworkLevel,
  group?: number | null,
): FrameworkNode[] {
  const keep = new Set(flattenNodes(applicableTree(f, level, group)).map((v) => v.node.code));
  return flattenNodes(f.nodes)
    .map((v) => v.node)
    .filter((n) => keep.has(n.code));
}

/** The unit contexts a set must hold for: one per declared sở group, or just its level. */
export function applicabilityContexts(f: Pick<Framework, 'level' | 'groups'>) {
  const groups = f.groups ?? [];
  if (groups.length === 0) return [{ level: f.level, group: undefined as number | undefined }];
  return groups.map((g) => ({ level: f.level, group: g.no as number | undefined }));
}

/**
 * Sums a value over the leaves below each node (a leaf's total is its own value); leaves for which
 * `leafValue` gives undefined add nothing. With `(leaf) => leaf.maxPoints` this is each node's reachable
 * maximum; with a unit's points it is that unit's subtotal.
 */
export function nodeTotals(
  nodes: FrameworkNode[],
  leafValue: (leaf: FrameworkNode) => number | undefined,
): Map<string, number> {
  const totals = new Map<string, number>();
  const total = (node: FrameworkNode): number => {
    const sum = isLeaf(node)
      ? (leafValue(node) ?? 0)
      : node.children!.reduce((acc, child) => acc + total(child), 0);
    totals.set(node.code, sum);
    return sum;
  };
  for (const node of nodes) total(node);
  return totals;
}
