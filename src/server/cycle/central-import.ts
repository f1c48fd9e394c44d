import { and, eq, inArray } from 'drizzle-orm';
import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import type { RuleInput } from '../../core/framework/model';
import { findNode } from '../../core/framework/tree';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleUnits, units } from '../db/schema';
import { readScoreData } from '../framework-files/read-score-data';
import { type CycleContext, frameworkOf, type UnitLevel } from './cycle-context';

export interface CentralImport {
  rows: number;
  units: number;
  indicators: string[];
  written: boolean;
}

/**
 * Imports values the province measures itself (e.g. the share of fully online applications from the
 * public-service portal) for one level, in the scoring data format (docs/formats/score-data.md). Every
 * unit must take part in the cycle with the group the file says; "not applicable" has no place in
 * measured data. One bad row refuses the file; with `dryRun` nothing is written either way. The values
 * replace the units' own inputs for those indicators, with their source, and the units cannot edit them.
 */
export async function importCentralData(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  args: { level: UnitLevel; source: string; data: Buffer; dryRun: boolean; now: Date },
): Promise<CentralImport> {
  const f = frameworkOf(ctx, args.level);
  const parsed = await readScoreData(f, args.data);
  const members = await db
    .select({
      unitId: cycleUnits.unitId,
      code: units.code,
      groupNo: cycleUnits.groupNo,
      level: cycleUnits.level,
      state: cycleUnits.state,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .where(
      and(
        eq(cycleUnits.cycleId, ctx.id),
        inArray(
          units.code,
          parsed.map((u) => u.unitId),
        ),
      ),
    );
  const byCode = new Map(members.map((m) => [m.code, m]));
  const problems: { row: number; message: string }[] = [];
  const values: { unitId: string; code: string; inputs: RuleInput }[] = [];
  for (const u of parsed) {
    const m = byCode.get(u.unitId);
    if (!m || m.level !== args.level) {
      problems.push({ row: 0, message: `Đơn vị ${u.unitId} không tham gia kỳ đánh giá ở cấp này` });
      continue;
    }
    if (m.state === 'approved' || m.state === 'published') {
      problems.push({
        row: 0,
        message: `Đơn vị ${u.unitId}: kết quả đã được hội đồng phê duyệt, không nhập lại số liệu`,
      });
    }
    if ((m.groupNo ?? null) !== (u.group ?? null)) {
      problems.push({
        row: 0,
        message: `Đơn vị ${u.unitId}: nhóm ${u.group ?? 'trống'} khác nhóm đã đăng ký (${m.groupNo ?? 'trống'})`,
      });
    }
    for (const [code, entry] of Object.entries(u.inputs)) {
      if ((entry as { notApplicable?: boolean }).notApplicable) {
        problems.push({
          row: 0,
          message: `Đơn vị ${u.unitId}, chỉ số ${code}: số liệu tập trung không khai báo "không áp dụng"`,
        });
        continue;
      }
      values.push({ unitId: m.unitId, code, inputs: entry as RuleInput });
    }
  }
  if (problems.length > 0) {
    throw new AppError('import_invalid', `Tệp có ${problems.length} lỗi, không dòng nào được nhập`, problems);
  }
  const result = {
    rows: values.length,
    units: new Set(values.map((v) => v.unitId)).size,
    indicators: [...new Set(values.map((v) => v.code))].sort(),
    written: !args.dryRun,
  };
  if (args.dryRun) return result;
  const importedAt = args.now.toISOString();
  await db.transaction(async (tx) => {
    for (const v of values) {
      const node = findNode(f, v.code)!;
      const central = { inputs: v.inputs, source: args.source, importedAt };
      const selfPoints = outcomePoints(
        selfOutcome(node, f.policy, { inputs: null, notApplicable: null, central }),
      );
      await tx
        .insert(cycleEntries)
        .values({
          cycleId: ctx.id,
          unitId: v.unitId,
          code: v.code,
          central,
          selfPoints,
          updatedBy: actor.id,
          updatedAt: args.now,
        })
        .onConflictDoUpdate({
          target: [cycleEntries.cycleId, cycleEntries.unitId, cycleEntries.code],
          set: { central, selfPoints, updatedBy: actor.id, updatedAt: args.now },
        });
    }
    await recordAudit(tx, actor, {
      action: 'import_central',
      entity: 'cycle',
      entityId: ctx.id,
      after: {
        level: args.level,
        source: args.source,
        rows: result.rows,
        units: result.units,
        indicators: result.indicators,
      },
    });
  });
  return result;
}
