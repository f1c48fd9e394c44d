import { eq } from 'drizzle-orm';
import type { LeafScores } from '../../core/cycle/three-scores';
import type { UnitScore } from '../../core/scoring/types';
import type { Db } from '../db/client';
import { cycleEntries } from '../db/schema';
import { type CycleContext, cycleMembers, frameworkOf, type UnitLevel } from './cycle-context';
import { leafScores, scoreStage } from './unit-scores';

export interface CycleUnitScores {
  unitId: string;
  code: string;
  name: string;
  level: UnitLevel;
  groupNo: number | null;
  state: string;
  self: UnitScore;
  appraised: UnitScore;
  final: UnitScore;
  /** Every indicator has the reviewers' appraisal (agreed or adjusted). */
  appraisedAll: boolean;
}

/** The three stage scores of every participating unit, scored per level on the cycle's index sets. */
export async function scoreCycle(db: Db, ctx: CycleContext): Promise<CycleUnitScores[]> {
  const [members, rows] = await Promise.all([
    cycleMembers(db, ctx.id),
    db.select().from(cycleEntries).where(eq(cycleEntries.cycleId, ctx.id)),
  ]);
  const rowsByUnit = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) rowsByUnit.set(r.unitId, [...(rowsByUnit.get(r.unitId) ?? []), r]);
  const out: CycleUnitScores[] = [];
  for (const level of ctx.frameworks.keys()) {
    const f = frameworkOf(ctx, level);
    const list = members.filter((m) => m.level === level);
    const leaves = new Map<string, Map<string, LeafScores>>(
      list.map((m) => [m.unitId, leafScores(f, rowsByUnit.get(m.unitId) ?? [])]),
    );
    const scored = list.map((m) => ({ unitId: m.unitId, level: m.level, group: m.groupNo }));
    const [self, appraised, final] = (['self', 'appraised', 'final'] as const).map((s) =>
      scoreStage(f, scored, leaves, s),
    );
    list.forEach((m, i) => {
      const unitRows = rowsByUnit.get(m.unitId) ?? [];
      out.push({
        unitId: m.unitId,
        code: m.code,
        name: m.name,
        level: m.level,
        groupNo: m.groupNo,
        state: m.state,
        self: self![i]!,
        appraised: appraised![i]!,
        final: final![i]!,
        appraisedAll:
          unitRows.length > 0 && unitRows.every((r) => r.review === 'agreed' || r.review === 'adjusted'),
      });
    });
  }
  return out;
}
