import type {
  Framework,
  FrameworkLevel,
  FrameworkNode,
  NodeKind,
  Rule,
  ScoringPolicy,
} from '../framework/model';

/** One node of a compiled framework: the tree flattened in pre-order, parents before children. */
export interface CompiledNode {
  code: string;
  name: string;
  kind: NodeKind;
  maxPoints: number;
  /** Index of the parent in `nodes`, -1 for a top-level node. */
  parent: number;
  depth: number;
  isLeaf: boolean;
  rule: Rule | undefined;
  mayBeNotApplicable: boolean;
  /** Pre-order index one past the last descendant: the subtree is `[index, end)`. */
  end: number;
}

/** A framework reduced to the nodes that apply to one level and group, ready to score many units. */
export interface CompiledFramework {
  framework: Framework;
  level: FrameworkLevel;
  group: number | null;
  policy: ScoringPolicy;
  nominalMax: number;
  nodes: CompiledNode[];
  /** Code → index in `nodes`. */
  index: Map<string, number>;
  /** Codes of nodes that exist in the framework but do not apply to this level or group. */
  inapplicable: Set<string>;
}

function appliesTo(node: FrameworkNode, level: FrameworkLevel, group: number | null): boolean {
  const a = node.applicability;
  if (!a) return true;
  if (a.levels && a.levels.length > 0 && !a.levels.includes(level)) return false;
  if (a.groups && a.groups.length > 0 && (group === null || !a.groups.includes(group))) return false;
  return true;
}

/**
 * Flattens the framework for one level and group. A node whose applicability excludes them is dropped
 * with its whole subtree, so it counts in neither points nor maximum; an inner node whose children are
 * all dropped is dropped too.
 */
export function compileFramework(
  f: Framework,
  level: FrameworkLevel,
  group: number | null,
): CompiledFramework {
  const nodes: CompiledNode[] = [];
  const inapplicable = new Set<string>();
  const markAll = (n: FrameworkNode) => {
    inapplicable.add(n.code);
    for (const c of n.children ?? []) markAll(c);
  };
  const visit = (n: FrameworkNode, parent: number, depth: number): boolean => {
    if (!appliesTo(n, level, group)) {
      markAll(n);
      return false;
    }
    const i = nodes.length;
    const isLeaf = !n.children || n.children.length === 0;
    nodes.push({
      code: n.code,
      name: n.name,
      kind: n.kind,
      maxPoints: n.maxPoints,
      parent,
      depth,
      isLeaf,
      rule: n.rule,
      mayBeNotApplicable: n.mayBeNotApplicable === true,
      end: i + 1,
    });
    if (isLeaf) return true;
    let kept = 0;
    for (const c of n.children!) if (visit(c, i, depth + 1)) kept++;
    if (kept === 0) {
      nodes.length = i;
      inapplicable.add(n.code);
      return false;
    }
    nodes[i]!.end = nodes.length;
    return true;
  };
  for (const n of f.nodes) visit(n, -1, 0);
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    index.set(n.code, i);
  });
  return {
    framework: f,
    level,
    group,
    policy: f.policy,
    nominalMax: f.nominalMax,
    nodes,
    index,
    inapplicable,
  };
}
