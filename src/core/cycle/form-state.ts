import type { Framework, FrameworkNode } from '../framework/model';
import type { RuleOutcome } from '../framework/rules';
import { applicableTree, isLeaf } from '../framework/tree';
import { type EntryInput, entryStatus, evidenceRequired, hasAnyInput, selfOutcome } from './entry-score';
import type { EntryStatus, ReviewState } from './states';

/** One leaf's stored entry as the form needs it. */
export interface StoredEntry extends EntryInput {
  evidenceCount: number;
  review: ReviewState | null;
}

export interface LeafState {
  code: string;
  name: string;
  /** Code of the pillar (top-level node) the leaf sits in. */
  pillar: string;
  outcome: RuleOutcome;
  status: EntryStatus;
  /** What keeps the leaf from being submitted, in Vietnamese (empty when complete). */
  problems: string[];
}

export interface PillarProgress {
  code: string;
  name: string;
  done: number;
  total: number;
}

export interface FormState {
  leaves: LeafState[];
  pillars: PillarProgress[];
  /** Complete leaves ÷ all leaves, 0–1. */
  progress: number;
}

const EMPTY: StoredEntry = {
  inputs: null,
  notApplicable: null,
  central: null,
  evidenceCount: 0,
  review: null,
};

/**
 * The self-assessment of one unit as a form: every leaf that applies to its level and group (units declare
 * "not applicable" per leaf, where the set allows it), its outcome and status, and what is missing
 * before the unit may submit. Progress counts leaves without problems, per pillar and overall.
 */
export function formState(
  f: Framework,
  level: Framework['level'],
  group: number | null,
  entries: ReadonlyMap<string, StoredEntry>,
): FormState {
  const leaves: LeafState[] = [];
  const pillars: PillarProgress[] = [];
  const visit = (node: FrameworkNode, pillar: PillarProgress) => {
    if (!isLeaf(node)) {
      for (const child of node.children ?? []) visit(child, pillar);
      return;
    }
    const leaf = leafState(f, node, pillar.code, entries.get(node.code) ?? EMPTY);
    leaves.push(leaf);
    pillar.total++;
    if (leaf.problems.length === 0) pillar.done++;
  };
  for (const top of applicableTree(f, level, group)) {
    const pillar = { code: top.code, name: top.name, done: 0, total: 0 };
    pillars.push(pillar);
    visit(top, pillar);
  }
  const done = leaves.filter((l) => l.problems.length === 0).length;
  return { leaves, pillars, progress: leaves.length === 0 ? 1 : done / leaves.length };
}

function leafState(f: Framework, node: FrameworkNode, pillar: string, entry: StoredEntry): LeafState {
  const outcome = selfOutcome(node, f.policy, entry);
  const needsEvidence = evidenceRequired(node, outcome, entry.central !== null) && entry.evidenceCount === 0;
  const problems: string[] = [];
  if (entry.notApplicable !== null && !node.mayBeNotApplicable && !entry.central) {
    problems.push('Chỉ số này không được khai báo là không áp dụng');
  } else if (
    outcome.status === 'not_applicable' &&
    entry.notApplicable !== null &&
    !entry.notApplicable.trim()
  ) {
    problems.push('Chưa ghi lý do không áp dụng');
  } else if (outcome.status === 'missing') {
    problems.push('Chưa nhập đủ số liệu');
  } else if (outcome.status === 'invalid') {
    problems.push(...outcome.errors);
  }
  if (needsEvidence) problems.push('Chưa có tài liệu kiểm chứng');
  const status = entryStatus({ outcome, started: hasAnyInput(entry), needsEvidence, review: entry.review });
  return { code: node.code, name: node.name, pillar, outcome, status, problems };
}

/** The problems that block submission, one line per leaf ("1.2.3 – Tên: vấn đề"). */
export function missingForSubmit(state: FormState): { code: string; message: string }[] {
  return state.leaves
    .filter((l) => l.problems.length > 0)
    .map((l) => ({ code: l.code, message: `${l.code} – ${l.name}: ${l.problems.join('; ')}` }));
}
