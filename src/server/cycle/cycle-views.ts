import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TCycleDetail, TCycleSummary } from '../../contracts/cycles';
import { CYCLE_WINDOWS } from '../../core/cycle/windows';
import type { Db } from '../db/client';
import { cycleExtensions, cycles, cycleUnits, type StoredWindows, units } from '../db/schema';
import { loadCycle, toWindows, windowStatuses } from './cycle-context';

const summaryColumns = {
  id: cycles.id,
  year: cycles.year,
  name: cycles.name,
  windows: cycles.windows,
  unitCount: sql<number>`(select count(*)::int from cycle_units cu where cu.cycle_id = cycles.id)`,
  submittedCount: sql<number>`(select count(*)::int from cycle_units cu where cu.cycle_id = cycles.id and cu.state <> 'draft')`,
  approvedCount: sql<number>`(select count(*)::int from cycle_units cu where cu.cycle_id = cycles.id and cu.state in ('approved', 'published'))`,
  publishedVersion: sql<
    number | null
  >`(select max(s.version)::int from cycle_snapshots s where s.cycle_id = cycles.id)`,
};

interface SummaryRow {
  id: string;
  year: number;
  name: string;
  windows: StoredWindows;
  unitCount: number;
  submittedCount: number;
  approvedCount: number;
  publishedVersion: number | null;
}

function toSummary(row: SummaryRow, now: Date): TCycleSummary {
  const windows = toWindows(row.windows);
  const current = CYCLE_WINDOWS.find((w) => windows[w].opensAt <= now && now < windows[w].closesAt) ?? null;
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    unitCount: Number(row.unitCount),
    submittedCount: Number(row.submittedCount),
    approvedCount: Number(row.approvedCount),
    publishedVersion: row.publishedVersion === null ? null : Number(row.publishedVersion),
    currentWindow: current,
  };
}

/** Cycles, newest year first; a unit-bound caller sees only the cycles its unit takes part in. */
export async function listCycles(
  db: Db,
  q: { year?: number; page: number; pageSize: number },
  scopeUnitId: string | null | undefined,
  now: Date,
) {
  const conds: (SQL | undefined)[] = [q.year ? eq(cycles.year, q.year) : undefined];
  if (scopeUnitId !== undefined) {
    conds.push(
      sql`exists (select 1 from cycle_units cu where cu.cycle_id = cycles.id and cu.unit_id = ${scopeUnitId})`,
    );
  }
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(cycles)
      .where(where)
      .orderBy(desc(cycles.year), desc(cycles.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(cycles).where(where),
  ]);
  return {
    items: rows.map((r) => toSummary(r, now)),
    total: Number(count?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One cycle with its calendar, index sets, extensions and, for a unit-bound caller, its own unit. */
export async function getCycleDetail(
  db: Db,
  id: string,
  ownUnitId: string | null,
  now: Date,
): Promise<TCycleDetail> {
  const ctx = await loadCycle(db, id);
  const [[row], exts, mine] = await Promise.all([
    db.select(summaryColumns).from(cycles).where(eq(cycles.id, id)),
    db
      .select({
        unitId: cycleExtensions.unitId,
        unitName: units.name,
        window: cycleExtensions.window,
        until: cycleExtensions.until,
        reason: cycleExtensions.reason,
      })
      .from(cycleExtensions)
      .innerJoin(units, eq(units.id, cycleExtensions.unitId))
      .where(eq(cycleExtensions.cycleId, id))
      .orderBy(asc(units.name)),
    ownUnitId
      ? db
          .select({ unitId: cycleUnits.unitId })
          .from(cycleUnits)
          .where(and(eq(cycleUnits.cycleId, id), eq(cycleUnits.unitId, ownUnitId)))
      : Promise.resolve([]),
  ]);
  return {
    ...toSummary(row!, now),
    windows: Object.fromEntries(
      CYCLE_WINDOWS.map((w) => [
        w,
        { opensAt: ctx.windows[w].opensAt.toISOString(), closesAt: ctx.windows[w].closesAt.toISOString() },
      ]),
    ) as TCycleDetail['windows'],
    windowStatus: windowStatuses(ctx, mine[0]?.unitId ?? null, now),
    frameworks: [...ctx.frameworks].map(([level, f]) => ({
      level,
      id: f.id,
      name: f.name,
      versionNo: f.versionNo,
      nominalMax: f.document.nominalMax,
    })),
    extensions: exts.map((e) => ({
      ...e,
      window: e.window as TCycleDetail['extensions'][number]['window'],
      until: e.until.toISOString(),
    })),
    myUnitId: mine[0]?.unitId ?? null,
  };
}
