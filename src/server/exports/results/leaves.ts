import type { Framework } from '../../../core/framework/model';
import { flattenNodes, isLeaf } from '../../../core/framework/tree';

/** An indicator (leaf) of a set with the main index it belongs to. */
export interface LeafInfo {
  code: string;
  name: string;
  maxPoints: number;
  /** Code of the nearest main-index ancestor, or '' when the leaf sits under none. */
  main: string;
}

const cache = new WeakMap<Framework, LeafInfo[]>();

/** The set's leaves in document order (computed once per set object). */
export function leavesOf(f: Framework): LeafInfo[] {
  let out = cache.get(f);
  if (out) return out;
  out = [];
  const mainOf = new Map<string, string>();
  for (const { node, parent } of flattenNodes(f.nodes)) {
    const inherited = parent ? (mainOf.get(parent.code) ?? '') : '';
    mainOf.set(node.code, node.kind === 'main' ? node.code : inherited);
    if (isLeaf(node)) {
      out.push({ code: node.code, name: node.name, maxPoints: node.maxPoints, main: mainOf.get(node.code)! });
    }
  }
  cache.set(f, out);
  return out;
}
