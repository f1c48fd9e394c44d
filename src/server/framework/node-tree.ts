import type { Framework, FrameworkNode } from '../../core/framework/model';

/** Every node of the tree, parents before children. */
export function* walkNodes(nodes: FrameworkNode[]): Generator<FrameworkNode> {
  for (const n of nodes) {
    yield n;
    if (n.children) yield* walkNodes(n.children);
  }
}

export function countNodes(f: Framework): number {
  let n = 0;
  for (const _ of walkNodes(f.nodes)) n++;
  return n;
}

/** Σ maxima of the top-level nodes: what the set is worth as built. */
export function totalMax(f: Framework): number {
  return f.nodes.reduce((sum, n) => sum + n.maxPoints, 0);
}

export interface Located {
  node: FrameworkNode;
  /** The array holding the node (the parent's children, or the top level). */
  siblings: FrameworkNode[];
  index: number;
  parent: FrameworkNode | null;
}

/** Finds a node by code, with the array that holds it. */
export function locate(
  nodes: FrameworkNode[],
  code: string,
  parent: FrameworkNode | null = null,
): Located | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.code === code) return { node, siblings: nodes, index: i, parent };
    if (node.children) {
      const found = locate(node.children, code, node);
      if (found) return found;
    }
  }
  return null;
}

export function isDescendant(node: FrameworkNode, code: string): boolean {
  for (const n of walkNodes(node.children ?? [])) if (n.code === code) return true;
  return false;
}
