import type { Framework } from '../framework/model';
import { evaluateRule } from '../framework/rules';
import { AppError } from '../shared/app-error';
import { EXCLUDED, INVALID, MISSING, makeUnitScore } from './compact';
import { type CompiledFramework, compileFramework } from './compile';
import { roundPoints } from './rounding';
import type { LeafEntry, ScoreIssue, UnitData, UnitScore } from './types';

const NO_ISSUES: ScoreIssue[] = [];

function isDeclaredNa(e: LeafEntry | undefined): e is { notApplicable: true; reason: string } {
  return e !== undefined && e !== null && (e as { notApplicable?: unknown }).notApplicable === true;
}

/**
 * Scores one unit. Leaves are evaluated by their rule and rounded per `policy.rounding`; a node's points
 * and maximum are the sums over its applicable children, its value is points ÷ maximum. A node leaves
 * both score and maximum when the unit declares it not applicable (only where allowed), when its rule
 * says so, when data is missing under `policy.missing = 'not_applicable'`, or when all its children left.
 * Invalid data scores 0 and is reported in `issues`.
 */
export function scoreUnit(c: CompiledFramework, unit: UnitData): UnitScore {
  if (unit.level !== c.level || unit.group !== c.group) {
    throw new AppError('validation_failed', `Đơn vị ${unit.unitId} không cùng cấp hoặc nhóm với bộ chỉ số`, {
      unitId: unit.unitId,
    });
  }
  const { nodes, policy } = c;
  const n = nodes.length;
  const points = new Float64Array(n);
  const max = new Float64Array(n);
  const flags = new Uint8Array(n);
  const hasChild = new Uint8Array(n);
  const reasons: (string | undefined)[] = [];
  let issues = NO_ISSUES;
  const issue = (i: number, kind: ScoreIssue['kind'], message: string) => {
    if (issues === NO_ISSUES) issues = [];
    const node = nodes[i]!;
    issues.push({ code: node.code, kind, message: `Chỉ số ${node.code} – ${node.name}: ${message}` });
  };
  const inputs = unit.inputs;
  let seen = 0;

  for (let i = 0; i < n; i++) {
    if (flags[i]! & EXCLUDED) continue;
    const node = nodes[i]!;
    const entry = inputs[node.code];
    if (entry !== undefined) seen++;
    if (isDeclaredNa(entry)) {
      if (node.mayBeNotApplicable) {
        for (let j = i; j < node.end; j++) flags[j]! |= EXCLUDED;
        reasons[i] = entry.reason;
        continue;
      }
      issue(i, 'not_applicable_refused', 'chỉ số này không được khai báo là không áp dụng');
      if (node.isLeaf) {
        flags[i]! |= INVALID;
        max[i] = node.maxPoints;
        continue;
      }
    }
    if (!node.isLeaf) continue;
    max[i] = node.maxPoints;
    if (node.maxPoints === 0) continue;
    if (!node.rule) {
      flags[i]! |= INVALID;
      issue(i, 'invalid', 'chưa có quy tắc tính điểm');
      continue;
    }
    const out = evaluateRule(node.rule, entry as Parameters<typeof evaluateRule>[1], node.maxPoints);
    switch (out.status) {
      case 'scored':
        points[i] = roundPoints(out.points, policy.rounding);
        break;
      case 'not_applicable':
        flags[i]! |= EXCLUDED;
        reasons[i] = out.reason;
        break;
      case 'missing':
        flags[i]! |= policy.missing === 'zero' ? MISSING : MISSING | EXCLUDED;
        if (policy.missing !== 'zero') reasons[i] = 'Chưa có số liệu';
        break;
      case 'invalid':
        flags[i]! |= INVALID;
        for (const e of out.errors) issue(i, 'invalid', e);
        break;
    }
  }

  let totalPoints = 0;
  let totalMax = 0;
  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!node.isLeaf && !hasChild[i] && !(flags[i]! & EXCLUDED)) flags[i]! |= EXCLUDED;
    if (flags[i]! & EXCLUDED) continue;
    const p = node.parent;
    if (p < 0) {
      totalPoints += points[i]!;
      totalMax += max[i]!;
    } else {
      points[p]! += points[i]!;
      max[p]! += max[i]!;
      hasChild[p] = 1;
    }
  }
  // Every key was a node of this framework unless there are more keys than nodes found.
  if (Object.keys(inputs).length !== seen)
    checkUnknownCodes(c, inputs, (code) => {
      if (issues === NO_ISSUES) issues = [];
      issues.push({ code, kind: 'unknown_code', message: `Mã chỉ số ${code} không có trong bộ chỉ số` });
    });

  const excluded: string[] = [];
  for (let i = 0; i < n; i++) {
    if (!(flags[i]! & EXCLUDED)) continue;
    const parent = nodes[i]!.parent;
    if (parent < 0 || (flags[parent]! & EXCLUDED) === 0) excluded.push(nodes[i]!.code);
  }
  excluded.sort();
  const total: UnitScore['total'] = {
    points: totalPoints,
    max: totalMax,
    value: totalMax > 0 ? totalPoints / totalMax : null,
  };
  if (policy.notApplicable === 'rescale') {
    total.scaled = totalMax > 0 ? (totalPoints * c.nominalMax) / totalMax : 0;
  }
  return makeUnitScore(
    { unitId: unit.unitId, level: unit.level, group: unit.group, total, excluded, issues },
    { c, points, max, flags, reasons },
  );
}

function checkUnknownCodes(
  c: CompiledFramework,
  inputs: Record<string, unknown>,
  report: (code: string) => void,
) {
  for (const code in inputs) if (!c.index.has(code) && !c.inapplicable.has(code)) report(code);
}

/** Scores many units on one framework, compiling it once per level and group met. */
export function scoreUnits(f: Framework, units: UnitData[]): UnitScore[] {
  const cache = new Map<string, CompiledFramework>();
  return units.map((u) => {
    const key = `${u.level}|${u.group ?? ''}`;
    let c = cache.get(key);
    if (!c) {
      c = compileFramework(f, u.level, u.group);
      cache.set(key, c);
    }
    return scoreUnit(c, u);
  });
}
