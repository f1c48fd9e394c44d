import {
  type Applicability,
  FRAMEWORK_LEVELS,
  type FrameworkLevel,
  NODE_KINDS,
  type NodeKind,
  type Rule,
  type RuleType,
} from '../../core/framework/model';
import { foldVietnamese } from '../../core/shared/text';

/**
 * How the technical columns of the index-set workbook are written and read. Every cell is written as
 * "Vietnamese label (code)" so that officials can read it; the reader accepts the code alone, the label
 * alone or both, ignoring case and diacritics.
 */

export const KIND_LABELS: Record<NodeKind, string> = {
  pillar: 'Trụ cột',
  main: 'Chỉ số chính',
  component: 'Chỉ số thành phần',
  criterion: 'Tiêu chí',
};

export const RULE_TYPES = [
  'ratio',
  'steps',
  'option',
  'yes_no',
  'count',
  'linear',
  'manual',
  'expression',
] as const satisfies readonly RuleType[];

export const RULE_LABELS: Record<RuleType, string> = {
  ratio: 'Tỷ lệ',
  steps: 'Theo mức',
  option: 'Lựa chọn',
  yes_no: 'Có/Không',
  count: 'Đếm số lượng',
  linear: 'Tuyến tính',
  manual: 'Hội đồng chấm',
  expression: 'Công thức',
};

const LEVEL_LABELS: Record<FrameworkLevel, string> = { tinh: 'tỉnh', so: 'sở', huyen: 'huyện', xa: 'xã' };

const labelled = (label: string, code: string) => `${label} (${code})`;

/** Finds a code from "Label (code)", "code" or "Label", ignoring case and diacritics. */
export function parseCoded<T extends string>(text: string, labels: Record<T, string>): T | null {
  const codes = Object.keys(labels) as T[];
  const inBrackets = /\(([^()]+)\)\s*$/.exec(text)?.[1]?.trim();
  for (const candidate of [inBrackets, text.trim()]) {
    if (!candidate) continue;
    const folded = foldVietnamese(candidate);
    // Codes are plain ASCII, so "Tỉnh" or "SỞ" folds onto the code "tinh" or "so".
    const hit = codes.find((c) => c === candidate || c === folded || foldVietnamese(labels[c]) === folded);
    if (hit) return hit;
  }
  return null;
}

export const formatKind = (k: NodeKind) => labelled(KIND_LABELS[k], k);
export const parseKind = (text: string): NodeKind | null => parseCoded(text, KIND_LABELS);
export const kindRank = (k: NodeKind) => NODE_KINDS.indexOf(k);

export const formatRuleType = (t: RuleType) => labelled(RULE_LABELS[t], t);
export const parseRuleType = (text: string): RuleType | null => parseCoded(text, RULE_LABELS);

/**
 * Rule parameters: the rule as JSON without its `type` (which has its own column); empty for the rules
 * that take none (yes_no, manual). JSON keeps nested lists (steps, options) exact and editable.
 */
export function formatParams(rule: Rule): string {
  const { type: _type, ...params } = rule;
  return Object.keys(params).length === 0 ? '' : JSON.stringify(params);
}

export function parseParams(type: RuleType, text: string): { rule: Rule } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return type === 'yes_no' || type === 'manual'
      ? { rule: { type } }
      : { error: `Quy tắc "${RULE_LABELS[type]}" cần tham số (ví dụ ${PARAM_EXAMPLES[type]})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { error: `Tham số không phải JSON hợp lệ; ví dụ ${PARAM_EXAMPLES[type] || '{}'}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'Tham số phải là một đối tượng JSON {…}' };
  }
  if ('type' in parsed && (parsed as { type: unknown }).type !== type) {
    return { error: 'Tham số ghi loại quy tắc khác với cột Loại quy tắc' };
  }
  return { rule: { ...(parsed as object), type } as Rule };
}

export const PARAM_EXAMPLES: Record<RuleType, string> = {
  ratio: '{"whenDenominatorZero":"zero"}',
  steps: '{"steps":[{"min":4,"points":20},{"min":2,"points":10}]}',
  option:
    '{"options":[{"code":"co","label":"Có","fraction":1},{"code":"khong","label":"Không","fraction":0}]}',
  yes_no: '',
  count: '{"cap":10}',
  linear: '{"worst":0,"best":20}',
  manual: '',
  expression: '{"inputs":[{"code":"a","label":"Số hồ sơ"}],"formula":"a / 10"}',
};

/** "Cấp: sở (so); Nhóm: 1, 2" — empty when the node applies to everyone. */
export function formatApplicability(a: Applicability | undefined): string {
  const parts: string[] = [];
  if (a?.levels && a.levels.length > 0) {
    parts.push(`Cấp: ${a.levels.map((l) => labelled(LEVEL_LABELS[l], l)).join(', ')}`);
  }
  if (a?.groups && a.groups.length > 0) parts.push(`Nhóm: ${a.groups.join(', ')}`);
  return parts.join('; ');
}

export function parseApplicability(text: string): { value: Applicability | undefined } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  const out: Applicability = {};
  for (const part of trimmed.split(';')) {
    const m = /^\s*([^:]+):(.*)$/.exec(part);
    if (!m) return { error: `Không hiểu "${part.trim()}"; ghi dạng "Cấp: so; Nhóm: 1, 2"` };
    const key = foldVietnamese(m[1]!);
    const items = m[2]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (key === 'cap') {
      const levels: FrameworkLevel[] = [];
      for (const item of items) {
        const level = parseCoded(item, LEVEL_LABELS);
        if (!level) return { error: `Cấp "${item}" không hợp lệ (chỉ ${FRAMEWORK_LEVELS.join(', ')})` };
        levels.push(level);
      }
      out.levels = levels;
    } else if (key === 'nhom') {
      const groups: number[] = [];
      for (const item of items) {
        if (!/^[1-9]$/.test(item)) return { error: `Nhóm "${item}" không hợp lệ (số từ 1 đến 9)` };
        groups.push(Number(item));
      }
      out.groups = groups;
    } else {
      return { error: `Không hiểu "${m[1]!.trim()}"; chỉ dùng "Cấp" và "Nhóm"` };
    }
  }
  return { value: out };
}

/** Có / Không / empty ↔ true / false / undefined. */
export const formatYesNoCell = (v: boolean | undefined) => (v === undefined ? '' : v ? 'Có' : 'Không');

export function parseYesNoCell(text: string): { value: boolean | undefined } | { error: string } {
  const f = foldVietnamese(text);
  if (f === '') return { value: undefined };
  if (['co', 'x', 'true', '1'].includes(f)) return { value: true };
  if (['khong', 'false', '0'].includes(f)) return { value: false };
  return { error: `"${text}" không hợp lệ; ghi "Có" hoặc "Không"` };
}
