import type { TNodeFields, TNodePatch } from '../../contracts/frameworks';
import type { FrameworkNode } from '../../core/framework/model';
import { validateRule } from '../../core/framework/rules';
import { AppError } from '../../core/shared/app-error';

const OPTIONAL_TEXT = ['method', 'evidence', 'dataSource', 'verifier'] as const;

/** A node's own fields from a request: empty texts and an empty applicability are left out. */
export function nodeFromFields(fields: TNodeFields | TNodePatch, children?: FrameworkNode[]): FrameworkNode {
  const node: FrameworkNode = {
    code: fields.code,
    kind: fields.kind,
    name: fields.name,
    maxPoints: fields.maxPoints,
  };
  for (const key of OPTIONAL_TEXT) {
    const v = fields[key]?.trim();
    if (v) node[key] = v;
  }
  const a = fields.applicability;
  if (a && ((a.levels?.length ?? 0) > 0 || (a.groups?.length ?? 0) > 0)) {
    node.applicability = {
      ...(a.levels?.length ? { levels: a.levels } : {}),
      ...(a.groups?.length ? { groups: a.groups } : {}),
    };
  }
  if (fields.mayBeNotApplicable) node.mayBeNotApplicable = true;
  if (fields.rule) node.rule = fields.rule;
  if (children && children.length > 0) node.children = children;
  return node;
}

/** The node without its subtree, for the audit log. */
export function ownFields(node: FrameworkNode): Omit<FrameworkNode, 'children'> {
  const { children: _children, ...rest } = node;
  return rest;
}

/** Refuses a rule whose own parameters cannot score (steps above the maximum, a formula that does not parse…). */
export function assertRuleUsable(node: FrameworkNode): void {
  if (!node.rule) return;
  const problems = validateRule(node.rule, node.maxPoints);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      `Cách tính điểm chưa hợp lệ: ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'rule', message })),
    );
}
