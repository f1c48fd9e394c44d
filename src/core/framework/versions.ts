import { compileExpression, printExpression } from './expression';
import type { Framework, FrameworkNode, Rule } from './model';
import { flattenNodes, isLeaf } from './tree';

/**
 * Next year's set as a new document: same codes, so results stay comparable year over year. Renames
 * described the step from the previous version and do not apply to the copy; a year written in the name
 * ("Bộ chỉ số DTI sở 2024") follows the new year.
 */
export function cloneForYear(f: Framework, year: number): Framework {
  const copy = structuredClone(f);
  copy.year = year;
  delete copy.renamedFrom;
  copy.name = f.name.replace(new RegExp(`(^|\\D)${f.year}(?!\\d)`, 'g'), `$1${year}`);
  return copy;
}

export const NODE_FIELDS = [
  'name',
  'kind',
  'maxPoints',
  'rule',
  'method',
  'evidence',
  'dataSource',
  'verifier',
  'applicability',
  'mayBeNotApplicable',
  'parent',
] as const;
export type NodeField = (typeof NODE_FIELDS)[number];

export const SET_FIELDS = [
  'name',
  'level',
  'nominalMax',
  'groups',
  'policy',
  'illustrative',
  'source',
] as const;
export type SetField = (typeof SET_FIELDS)[number];

export interface Comparability {
  comparable: boolean;
  /** Code of the matching node in the older version, when there is one. */
  previousCode?: string;
  /** Why not, in Vietnamese. */
  reasons: string[];
}

/** Changes from version `a` (older) to version `b` (newer); codes are matched through b.renamedFrom. */
export interface FrameworkDiff {
  added: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
  changed: { code: string; previousCode: string; fields: NodeField[] }[];
  setFields: SetField[];
  /** Per node code of b: can its results be compared with the matching node of a? */
  comparability: Record<string, Comparability>;
}

/** Stable JSON: object keys sorted, so field order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** A rule's meaning: a ratio's default target written out, a formula's spacing and brackets ignored. */
function ruleKey(rule: Rule | undefined): string {
  if (!rule) return '';
  if (rule.type === 'ratio') return canonical({ ...rule, target: rule.target ?? 1 });
  if (rule.type === 'expression') {
    const compiled = compileExpression(
      rule.formula,
      rule.inputs.map((i) => i.code),
    );
    return canonical({ ...rule, formula: compiled.ok ? printExpression(compiled.ast) : rule.formula });
  }
  return canonical(rule);
}

function fieldValue(node: FrameworkNode, field: NodeField, parent: string | undefined): string {
  if (field === 'rule') return ruleKey(node.rule);
  if (field === 'parent') return parent ?? '';
  const v = node[field];
  return typeof v === 'string' ? v.trim() : canonical(v ?? null);
}

export function diffFrameworks(a: Framework, b: Framework): FrameworkDiff {
  const before = new Map(flattenNodes(a.nodes).map((v) => [v.node.code, v]));
  const after = flattenNodes(b.nodes);
  const oldCodeOf = new Map<string, string>();
  for (const [from, to] of Object.entries(b.renamedFrom ?? {})) if (before.has(from)) oldCodeOf.set(to, from);
  for (const { node } of after) {
    if (!oldCodeOf.has(node.code) && before.has(node.code)) oldCodeOf.set(node.code, node.code);
  }
  const matched = new Set(oldCodeOf.values());
  const newCodeOf = new Map([...oldCodeOf].map(([n, o]) => [o, n]));
  const diff: FrameworkDiff = {
    added: [],
    removed: [...before.keys()].filter((c) => !matched.has(c)),
    renamed: [],
    changed: [],
    setFields: SET_FIELDS.filter((f) => canonical(a[f] ?? null) !== canonical(b[f] ?? null)),
    comparability: {},
  };
  // A parent renamed between versions is still the same parent.
  const sameParent = (oldParent: string | undefined, newParent: string | undefined) =>
    (oldParent === undefined ? undefined : newCodeOf.get(oldParent)) === newParent;
  for (const { node, parent } of after) {
    const oldCode = oldCodeOf.get(node.code);
    if (oldCode === undefined) {
      diff.added.push(node.code);
      continue;
    }
    if (oldCode !== node.code) diff.renamed.push({ from: oldCode, to: node.code });
    const old = before.get(oldCode)!;
    const fields = NODE_FIELDS.filter((field) =>
      field === 'parent'
        ? !sameParent(old.parent?.code, parent?.code)
        : fieldValue(old.node, field, undefined) !== fieldValue(node, field, undefined),
    );
    if (fields.length > 0) diff.changed.push({ code: node.code, previousCode: oldCode, fields });
  }
  fillComparability(diff, b, before, oldCodeOf);
  return diff;
}

function fillComparability(
  diff: FrameworkDiff,
  b: Framework,
  before: Map<string, { node: FrameworkNode }>,
  oldCodeOf: Map<string, string>,
): void {
  const changed = new Map(diff.changed.map((c) => [c.code, c.fields]));
  const judge = (node: FrameworkNode): boolean => {
    const reasons: string[] = [];
    const previousCode = oldCodeOf.get(node.code);
    const childResults = (node.children ?? []).map(judge);
    if (previousCode === undefined) reasons.push('Chỉ số mới, năm trước chưa có');
    else {
      const fields = changed.get(node.code) ?? [];
      if (fields.includes('maxPoints')) reasons.push('Điểm tối đa đã thay đổi');
      if (fields.includes('rule')) reasons.push('Quy tắc tính điểm đã thay đổi');
      if (fields.includes('kind')) reasons.push('Loại chỉ số đã thay đổi');
      const old = before.get(previousCode)!.node;
      if (isLeaf(old) !== isLeaf(node)) reasons.push('Cấu trúc chỉ số con đã thay đổi');
      const kept = new Set((node.children ?? []).map((c) => oldCodeOf.get(c.code)));
      if ((old.children ?? []).some((c) => !kept.has(c.code))) reasons.push('Có chỉ số con đã bị bỏ');
      if (childResults.includes(false)) reasons.push('Có chỉ số con không so sánh được');
    }
    const comparable = reasons.length === 0;
    diff.comparability[node.code] = { comparable, reasons, ...(previousCode ? { previousCode } : {}) };
    return comparable;
  };
  b.nodes.forEach(judge);
}

/** Whether results of node `codeInB` can be set beside last year's (unknown codes are not comparable). */
export function comparable(diff: FrameworkDiff, codeInB: string): boolean {
  return diff.comparability[codeInB]?.comparable ?? false;
}
