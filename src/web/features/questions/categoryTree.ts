import type { TCategory } from '../../../contracts/questions';

export interface CategoryNode extends TCategory {
  children: CategoryNode[];
  /** Questions here and in every subcategory. */
  total: number;
  path: string[];
}

/** Builds the tree from the flat list (already in display order). */
export function buildCategoryTree(items: TCategory[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(
    items.map((c) => [c.id, { ...c, children: [], total: c.questionCount, path: [] }]),
  );
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const walk = (node: CategoryNode, path: string[]): number => {
    node.path = [...path, node.name];
    node.total = node.questionCount + node.children.reduce((n, child) => n + walk(child, node.path), 0);
    return node.total;
  };
  for (const r of roots) walk(r, []);
  return roots;
}

/** The category and every category below it (for a "move under" picker that must skip them). */
export function subtreeIds(node: CategoryNode): string[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

export function flatten(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
