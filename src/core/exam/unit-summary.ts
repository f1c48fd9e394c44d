import type { UnitLevel } from '../units/unit';
import { roundPoints } from './points';
import { sharedRanks } from './rankings';
import type { AttemptResult } from './result';

/** What a unit summary needs of a candidate. */
export interface SummaryInput {
  unitKey: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string;
  level: UnitLevel;
  /** Logged in to the exam (dự thi). */
  sat: boolean;
  /** Set when the candidate sat and both parts are graded; only these enter averages and rates. */
  result: AttemptResult | null;
}

/** Figures of a group of candidates (a unit, a level, the whole contest). */
export interface GroupFigures {
  /** Candidates registered (số thí sinh). */
  registered: number;
  /** Candidates who sat (số dự thi). */
  sat: number;
  /** Candidates who sat with a result (both parts graded). */
  graded: number;
  /** Mean total of the graded, on the contest scale; null when none. */
  averageTotal: number | null;
  averageTheory: number | null;
  averagePractice: number | null;
  highest: number | null;
  lowest: number | null;
  /** Graded results at or above the threshold. */
  passed: number;
  /** Graded results below the threshold: "không xét khen thưởng". */
  belowThreshold: number;
  /** passed ÷ graded (0…1), null when none graded. */
  passRate: number | null;
}

export interface UnitSummary extends GroupFigures {
  unitKey: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string;
  level: UnitLevel;
  /** Shared rank of the unit's average within its level, null without results. */
  rankInLevel: number | null;
}

const mean = (values: number[]) =>
  values.length === 0 ? null : roundPoints(values.reduce((s, v) => s + v, 0) / values.length);

/** Counts, averages and the pass rate of a group of candidates. */
export function groupFigures(rows: readonly Pick<SummaryInput, 'sat' | 'result'>[]): GroupFigures {
  const graded = rows.filter((r) => r.sat && r.result).map((r) => r.result!);
  const passed = graded.filter((r) => r.flag === 'pass').length;
  const totals = graded.map((r) => r.total);
  return {
    registered: rows.length,
    sat: rows.filter((r) => r.sat).length,
    graded: graded.length,
    averageTotal: mean(totals),
    averageTheory: mean(graded.map((r) => r.theory)),
    averagePractice: mean(graded.map((r) => r.practice)),
    highest: totals.length ? Math.max(...totals) : null,
    lowest: totals.length ? Math.min(...totals) : null,
    passed,
    belowThreshold: graded.length - passed,
    passRate: graded.length ? passed / graded.length : null,
  };
}

const LEVEL_ORDER: Record<UnitLevel, number> = { so: 0, huyen: 1, xa: 2 };
const collator = new Intl.Collator('vi');

/**
 * One summary per unit (the figures the PAR-index scoring takes), ordered by level (sở, huyện, xã),
 * then unit code, then name; each unit ranked by its average within its level.
 */
export function unitSummaries(rows: readonly SummaryInput[]): UnitSummary[] {
  const groups = new Map<string, SummaryInput[]>();
  for (const r of rows) {
    const list = groups.get(r.unitKey);
    if (list) list.push(r);
    else groups.set(r.unitKey, [r]);
  }
  const out: UnitSummary[] = [...groups.values()].map((list) => {
    const first = list[0]!;
    return {
      unitKey: first.unitKey,
      unitId: first.unitId,
      unitCode: first.unitCode,
      unitName: first.unitName,
      level: first.level,
      rankInLevel: null,
      ...groupFigures(list),
    };
  });
  for (const level of Object.keys(LEVEL_ORDER) as UnitLevel[]) {
    const inLevel = out.filter((u) => u.level === level);
    const ranks = sharedRanks(inLevel.map((u) => u.averageTotal));
    inLevel.forEach((u, i) => {
      u.rankInLevel = ranks[i]!;
    });
  }
  return out.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      collator.compare(a.unitCode ?? '\uffff', b.unitCode ?? '\uffff') ||
      collator.compare(a.unitName, b.unitName),
  );
}

/** Figures per level (sở, huyện, xã), only the levels that have candidates. */
export function levelFigures(rows: readonly SummaryInput[]): ({ level: UnitLevel } & GroupFigures)[] {
  return (Object.keys(LEVEL_ORDER) as UnitLevel[])
    .map((level) => ({ level, rows: rows.filter((r) => r.level === level) }))
    .filter((g) => g.rows.length > 0)
    .map((g) => ({ level: g.level, ...groupFigures(g.rows) }));
}
