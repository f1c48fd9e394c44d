import type { Framework, FrameworkNode } from '../framework/model';

export interface NodeMatch {
  code: string;
  /** The node's code in the previous version, null for a new node. */
  previousCode: string | null;
  /** False when the node is new or its definition changed (maximum, rule, applicability or children). */
  comparable: boolean;
  /** Vietnamese explanation when not comparable. */
  reason?: string;
}

function index(nodes: FrameworkNode[], into = new Map<string, FrameworkNode>()) {
  for (const n of nodes) {
    into.set(n.code, n);
    if (n.children) index(n.children, into);
  }
  return into;
}

/** JSON with sorted keys, so two equal definitions compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Matches the nodes of `current` with those of `previous` by code, following `current.renamedFrom`
 * (old code → new code). A renamed node with the same definition stays comparable; a parent is
 * comparable only if all its children are, since its value is their sum.
 */
export function matchNodes(current: Framework, previous: Framework): Map<string, NodeMatch> {
  const prev = index(previous.nodes);
  const renamed = current.renamedFrom ?? {};
  const newToOld = new Map<string, string>();
  for (const [oldCode, newCode] of Object.entries(renamed)) newToOld.set(newCode, oldCode);
  const previousCodeOf = (code: string): string | null => {
    const old = newToOld.get(code);
    if (old !== undefined) return prev.has(old) ? old : null;
    if (code in renamed) return null;
    return prev.has(code) ? code : null;
  };
  const out = new Map<string, NodeMatch>();
  const visit = (n: FrameworkNode): boolean => {
    const previousCode = previousCodeOf(n.code);
    const childrenOk = (n.children ?? []).map(visit).every(Boolean);
    let reason: string | undefined;
    const p = previousCode === null ? undefined : prev.get(previousCode)!;
    if (!p) reason = 'Chỉ số mới, năm trước chưa có';
    else if (p.maxPoints !== n.maxPoints) reason = `Điểm tối đa thay đổi (${p.maxPoints} → ${n.maxPoints})`;
    else if (canonical(p.rule) !== canonical(n.rule)) reason = 'Cách tính điểm thay đổi';
    else if (canonical(p.applicability) !== canonical(n.applicability)) reason = 'Phạm vi áp dụng thay đổi';
    else if (!sameChildren(n, p, previousCodeOf)) reason = 'Danh sách chỉ số con thay đổi';
    else if (!childrenOk) reason = 'Có chỉ số con thay đổi';
    out.set(n.code, { code: n.code, previousCode, comparable: !reason, ...(reason ? { reason } : {}) });
    return !reason;
  };
  for (const n of current.nodes) visit(n);
  return out;
}

function sameChildren(n: FrameworkNode, p: FrameworkNode, previousCodeOf: (c: string) => string | null) {
  const now = (n.children ?? []).map((c) => previousCodeOf(c.code));
  const before = (p.children ?? []).map((c) => c.code);
  return now.length === before.length && now.every((c) => c !== null && before.includes(c));
}
