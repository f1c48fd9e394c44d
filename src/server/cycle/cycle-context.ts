import { and, asc, eq } from 'drizzle-orm';
import type { CycleWindow, CycleWindows, WindowExtension } from '../../core/cycle/windows';
import { assertWindowOpen, CYCLE_WINDOWS, windowState } from '../../core/cycle/windows';
import type { Framework } from '../../core/framework/model';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import {
  cycleExtensions,
  cycleFrameworks,
  cycles,
  cycleUnits,
  frameworkVersions,
  type StoredWindows,
  units,
} from '../db/schema';

export type UnitLevel = 'so' | 'huyen' | 'xa';

/** What every cycle operation needs: the calendar, extensions and the index set of each level. */
export interface CycleContext {
  id: string;
  year: number;
  name: string;
  windows: CycleWindows;
  extensions: WindowExtension[];
  frameworks: Map<UnitLevel, { id: string; name: string; versionNo: number; document: Framework }>;
}

export function toWindows(stored: StoredWindows): CycleWindows {
  const out = {} as CycleWindows;
  for (const w of CYCLE_WINDOWS) {
    out[w] = { opensAt: new Date(stored[w].opensAt), closesAt: new Date(stored[w].closesAt) };
  }
  return out;
}

export function storeWindows(
  windows: Record<CycleWindow, { opensAt: string; closesAt: string }>,
): StoredWindows {
  const out = {} as StoredWindows;
  for (const w of CYCLE_WINDOWS) {
    out[w] = {
      opensAt: new Date(windows[w].opensAt).toISOString(),
      closesAt: new Date(windows[w].closesAt).toISOString(),
    };
  }
  return out;
}

/** Loads a cycle with its calendar and index sets, or `cycle_not_found`. */
export async function loadCycle(db: Db, id: string): Promise<CycleContext> {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  if (!row) throw new AppError('cycle_not_found', 'Không tìm thấy kỳ đánh giá');
  const [exts, fws] = await Promise.all([
    db.select().from(cycleExtensions).where(eq(cycleExtensions.cycleId, id)),
    db
      .select({
        level: cycleFrameworks.level,
        id: frameworkVersions.id,
        name: frameworkVersions.name,
        versionNo: frameworkVersions.versionNo,
        document: frameworkVersions.document,
      })
      .from(cycleFrameworks)
      .innerJoin(frameworkVersions, eq(frameworkVersions.id, cycleFrameworks.frameworkVersionId))
      .where(eq(cycleFrameworks.cycleId, id)),
  ]);
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    windows: toWindows(row.windows),
    extensions: exts.map((e) => ({ unitId: e.unitId, window: e.window as CycleWindow, until: e.until })),
    frameworks: new Map(
      fws.map((f) => [f.level, { id: f.id, name: f.name, versionNo: f.versionNo, document: f.document }]),
    ),
  };
}

export type CycleUnitRow = typeof cycleUnits.$inferSelect;

/** The participating units with their code, name, level, group and state, by level then name. */
export function cycleMembers(db: Db, cycleId: string) {
  return db
    .select({
      unitId: cycleUnits.unitId,
      level: cycleUnits.level,
      groupNo: cycleUnits.groupNo,
      state: cycleUnits.state,
      code: units.code,
      name: units.name,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .where(eq(cycleUnits.cycleId, cycleId))
    .orderBy(asc(cycleUnits.level), asc(units.name));
}

/** The unit's participation in the cycle, or `unit_not_found` when it does not take part. */
export async function loadCycleUnit(db: Db, cycleId: string, unitId: string): Promise<CycleUnitRow> {
  const [row] = await db
    .select()
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.unitId, unitId)));
  if (!row) throw new AppError('unit_not_found', 'Đơn vị không tham gia kỳ đánh giá này');
  return row;
}

/** The index set a participating unit is assessed on. */
export function frameworkOf(ctx: CycleContext, level: UnitLevel): Framework {
  const f = ctx.frameworks.get(level);
  if (!f) throw new AppError('framework_not_found', 'Kỳ đánh giá chưa có bộ chỉ số cho cấp của đơn vị');
  return f.document;
}

/** Refuses unless one of `windows` is open for the unit (its own extensions included). */
export function assertAnyWindowOpen(
  ctx: CycleContext,
  unitId: string,
  windows: CycleWindow[],
  now: Date,
): void {
  const open = windows.some((w) => windowState(ctx.windows, ctx.extensions, unitId, w, now).state === 'open');
  if (!open) assertWindowOpen(ctx.windows, ctx.extensions, unitId, windows[0]!, now);
}

/** Every window's state for one unit (or the calendar itself when unitId is null). */
export function windowStatuses(ctx: CycleContext, unitId: string | null, now: Date) {
  return CYCLE_WINDOWS.map((w) => {
    const s = windowState(ctx.windows, unitId ? ctx.extensions : [], unitId ?? '', w, now);
    return {
      window: w,
      state: s.state,
      opensAt: s.opensAt.toISOString(),
      closesAt: s.closesAt.toISOString(),
      extended: s.extended,
    };
  });
}

/** Entity id of one indicator of one unit in the audit log: its history is read back by it. */
export function entryEntityId(cycleId: string, unitId: string, code: string): string {
  return `${cycleId}:${unitId}:${code}`;
}
