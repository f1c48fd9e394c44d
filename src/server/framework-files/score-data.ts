import {
  FRAMEWORK_LEVELS,
  type Framework,
  type FrameworkLevel,
  type FrameworkNode,
  type RuleInput,
} from '../../core/framework/model';
import { evaluateRule, type RuleInputField, ruleInputFields } from '../../core/framework/rules';
import type { LeafEntry, UnitData } from '../../core/scoring/types';
import { foldVietnamese } from '../../core/shared/text';
import { type FileIssue, fileInvalid, NUMBER_HINT, parseLooseNumber } from './file-issues';

/** The value a data file writes for "this indicator does not apply to the unit". */
export const NOT_APPLICABLE_VALUE = 'KHONG_AP_DUNG';

/** One assessed unit of a data file, ready for `scoreUnits` (its `unitId` is its code). */
export interface ScoreDataUnit extends UnitData {
  name: string;
}

/** Where a cell or value came from, to report problems. */
export type Where = Omit<FileIssue, 'message'>;

/** One input as read from a file, before it is checked against the index set. */
export interface RawEntry {
  unitCode: string;
  indicator: string;
  /** Empty for a not-applicable declaration. */
  field: string;
  value: unknown;
  reason?: string;
  where: Where;
}

export interface RawUnit {
  code: string;
  name: string;
  level: string;
  group: unknown;
  where: Where;
}

/**
 * Checks a file's units and inputs against the index set and builds the scoring data. Every problem is
 * collected; one bad value refuses the whole file, so nothing is scored from a partly wrong file.
 */
export function assembleScoreData(f: Framework, units: RawUnit[], entries: RawEntry[]): ScoreDataUnit[] {
  const issues: FileIssue[] = [];
  const bad = (where: Where, message: string) => issues.push({ ...where, message });
  const leaves = new Map<string, FrameworkNode>();
  const naAllowed = new Set<string>();
  const walk = (nodes: FrameworkNode[]) => {
    for (const n of nodes) {
      if (n.mayBeNotApplicable) naAllowed.add(n.code);
      if (n.children && n.children.length > 0) walk(n.children);
      else leaves.set(n.code, n);
    }
  };
  walk(f.nodes);
  const groupNos = new Set((f.groups ?? []).map((g) => g.no));

  const out = new Map<string, ScoreDataUnit>();
  for (const u of units) {
    if (u.code === '') {
      bad(u.where, 'Thiếu mã đơn vị');
      continue;
    }
    if (out.has(u.code)) {
      bad(u.where, `Mã đơn vị "${u.code}" ghi hai lần`);
      continue;
    }
    const level = readLevel(u.level);
    if (!level) bad(u.where, `Cấp "${u.level}" không hợp lệ (${FRAMEWORK_LEVELS.join(', ')})`);
    else if (level !== f.level) bad(u.where, `Đơn vị cấp ${level} không thuộc bộ chỉ số cấp ${f.level}`);
    const group = readGroup(u.group);
    if (group === 'bad') bad(u.where, `Nhóm "${String(u.group)}" phải là số nguyên dương hoặc để trống`);
    else if (groupNos.size > 0 && (group === null || !groupNos.has(group))) {
      bad(u.where, `Bộ chỉ số chia nhóm (${[...groupNos].join(', ')}): ghi nhóm của đơn vị`);
    } else if (groupNos.size === 0 && group !== null)
      bad(u.where, 'Bộ chỉ số này không chia nhóm; để trống nhóm');
    out.set(u.code, {
      unitId: u.code,
      name: u.name || u.code,
      level: level ?? f.level,
      group: group === 'bad' ? null : group,
      inputs: {},
    });
  }

  const seen = new Map<string, Where>();
  for (const e of entries) {
    const unit = out.get(e.unitCode);
    if (!unit) {
      bad(e.where, `Đơn vị "${e.unitCode}" chưa được khai báo`);
      continue;
    }
    const key = `${e.unitCode}|${e.indicator}|${e.field}`;
    const first = seen.get(key);
    if (first) {
      bad(
        e.where,
        `Số liệu ${e.indicator}${e.field ? `.${e.field}` : ''} của ${e.unitCode} ghi hai lần (dòng ${first.row})`,
      );
      continue;
    }
    seen.set(key, e.where);
    if (isNotApplicable(e.value)) {
      if (!leaves.has(e.indicator) && !naAllowed.has(e.indicator) && !hasNode(f.nodes, e.indicator)) {
        bad(e.where, `Chỉ số "${e.indicator}" không có trong bộ chỉ số`);
      } else if (!naAllowed.has(e.indicator)) {
        bad(e.where, `Chỉ số ${e.indicator} không được khai báo "không áp dụng"`);
      } else if (!e.reason?.trim()) {
        bad(e.where, `Khai báo "không áp dụng" cho chỉ số ${e.indicator} phải có lý do`);
      } else if (unit.inputs[e.indicator] !== undefined) {
        bad(e.where, `Chỉ số ${e.indicator} vừa có số liệu vừa khai báo "không áp dụng"`);
      } else unit.inputs[e.indicator] = { notApplicable: true, reason: e.reason.trim() };
      continue;
    }
    const leaf = leaves.get(e.indicator);
    if (!leaf?.rule) {
      bad(e.where, `Chỉ số "${e.indicator}" không có trong bộ chỉ số hoặc không phải chỉ số tính điểm`);
      continue;
    }
    const fields = ruleInputFields(leaf.rule);
    const field = fields.find((x) => x.name === e.field);
    if (!field) {
      bad(
        e.where,
        `Chỉ số ${e.indicator} không có trường "${e.field}" (các trường: ${fields.map((x) => x.name).join(', ')})`,
      );
      continue;
    }
    const current = unit.inputs[e.indicator];
    if (current && 'notApplicable' in current && current.notApplicable === true) {
      bad(e.where, `Chỉ số ${e.indicator} vừa có số liệu vừa khai báo "không áp dụng"`);
      continue;
    }
    const value = coerce(field, e.value);
    if ('error' in value) {
      bad(e.where, `Chỉ số ${e.indicator}, ${field.label}: ${value.error}`);
      continue;
    }
    const input = (current ?? {}) as RuleInput;
    input[field.name] = value.value;
    unit.inputs[e.indicator] = input;
  }

  // The rule's own checks (negative counts, unknown option codes…), located at the indicator's first entry.
  for (const unit of out.values()) {
    for (const [code, entry] of Object.entries(unit.inputs) as [string, LeafEntry][]) {
      const leaf = leaves.get(code);
      if (!leaf?.rule || ('notApplicable' in entry && entry.notApplicable === true)) continue;
      const result = evaluateRule(leaf.rule, entry as RuleInput, leaf.maxPoints);
      if (result.status !== 'invalid') continue;
      const own = entries.filter((x) => x.unitCode === unit.unitId && x.indicator === code);
      const fields = ruleInputFields(leaf.rule);
      for (const m of result.errors) {
        // The message names the field by its label ("Mẫu số (b) không được âm"): point at that cell.
        const named = fields.find((fd) => m.includes(fd.label));
        const where = (named && own.find((x) => x.field === named.name)) || own[0]!;
        bad(where.where, `Chỉ số ${code} của ${unit.unitId}: ${m}`);
      }
    }
  }
  if (issues.length > 0) throw fileInvalid('Tệp số liệu', issues);
  return [...out.values()];
}

function hasNode(nodes: FrameworkNode[], code: string): boolean {
  return nodes.some((n) => n.code === code || hasNode(n.children ?? [], code));
}

export function isNotApplicable(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toUpperCase() === NOT_APPLICABLE_VALUE;
}

/** A level code ("tinh") or its word ("tỉnh", "Tỉnh"), ignoring case and diacritics. */
function readLevel(text: string): FrameworkLevel | null {
  const f = foldVietnamese(text);
  return FRAMEWORK_LEVELS.find((l) => l === f) ?? null;
}

function readGroup(value: unknown): number | null | 'bad' {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return null;
  const n = parseLooseNumber(typeof value === 'number' ? value : String(value));
  return n !== null && Number.isInteger(n) && n > 0 ? n : 'bad';
}

const YES = new Set(['co', 'true', '1', 'x', 'yes', 'dat']);
const NO = new Set(['khong', 'false', '0', 'no', 'chua']);

/** Converts a cell or JSON value to what the rule's field expects; text is read the Vietnamese way. */
function coerce(field: RuleInputField, value: unknown): { value: RuleInput[string] } | { error: string } {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { value: null };
  }
  switch (field.kind) {
    case 'number': {
      const n = parseLooseNumber(value);
      return n === null ? { error: `"${String(value)}" không phải số (${NUMBER_HINT})` } : { value: n };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { value };
      const f = foldVietnamese(String(value));
      if (YES.has(f)) return { value: true };
      if (NO.has(f)) return { value: false };
      return { error: `"${String(value)}" không hợp lệ; ghi "Có" hoặc "Không"` };
    }
    case 'option':
      return typeof value === 'string' ? { value: value.trim() } : { error: 'ghi mã của lựa chọn' };
    case 'options': {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return { value: value as string[] };
      if (typeof value === 'string') {
        return {
          value: value
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean),
        };
      }
      return { error: 'ghi các mã lựa chọn, cách nhau bởi dấu chấm phẩy' };
    }
  }
}
