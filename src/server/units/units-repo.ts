import { aliasedTable, and, asc, eq, gte, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { TUnit, TUnitDetail, TUnitListQuery } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { unitLinks, units } from '../db/schema';

const parent = aliasedTable(units, 'parent');

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  level: units.level,
  kind: units.kind,
  groupNo: units.groupNo,
  parentId: units.parentId,
  parentName: parent.name,
  validFrom: units.validFrom,
  validTo: units.validTo,
  note: units.note,
  isDemo: units.isDemo,
  updatedAt: units.updatedAt,
};

type UnitRow = Omit<TUnit, 'updatedAt'> & { updatedAt: Date };

function toUnit(row: UnitRow): TUnit {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

/** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Filters of the unit list; `scopeUnitId` limits unit-bound callers to their own unit. */
export function unitFilters(
  q: Omit<TUnitListQuery, 'page' | 'pageSize'>,
  scopeUnitId?: string | null,
): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (scopeUnitId !== undefined && scopeUnitId !== null) conds.push(eq(units.id, scopeUnitId));
  if (q.q) {
    const term = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        sql`vn_fold(${units.name}) like vn_fold(${term})`,
        sql`vn_fold(${units.code}) like vn_fold(${term})`,
      ),
    );
  }
  if (q.level) conds.push(eq(units.level, q.level));
  if (q.groupNo) conds.push(eq(units.groupNo, q.groupNo));
  if (q.parentId) conds.push(eq(units.parentId, q.parentId));
  // `status` is judged on `validOn` (default today): active = in force that day, retired = ended before it.
  const day = q.validOn ?? todayVn();
  if (q.status === 'active') {
    conds.push(lte(units.validFrom, day), or(isNull(units.validTo), gte(units.validTo, day)));
  } else if (q.status === 'retired') {
    conds.push(isNotNull(units.validTo), lt(units.validTo, day));
  }
  return and(...conds);
}

export async function listUnits(db: Db, q: TUnitListQuery, scopeUnitId?: string | null) {
  const where = unitFilters(q, scopeUnitId);
  const [rows, count] = await Promise.all([
    db
      .select(unitColumns)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(
        asc(units.level),
        asc(units.groupNo),
        sql`vn_fold(${units.name})`,
        asc(units.name),
        asc(units.code),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(units).where(where),
  ]);
  return { items: rows.map(toUnit), total: Number(count[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getUnit(db: Db, id: string): Promise<TUnit> {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, id));
  if (!row) throw new AppError('unit_not_found', 'Không tìm thấy đơn vị');
  return toUnit(row);
}

export async function getUnitDetail(db: Db, id: string): Promise<TUnitDetail> {
  const unit = await getUnit(db, id);
  const other = aliasedTable(units, 'other');
  const linkCols = {
    id: other.id,
    code: other.code,
    name: other.name,
    kind: unitLinks.kind,
    effectiveDate: unitLinks.effectiveDate,
  };
  const [predecessors, successors, children] = await Promise.all([
    db
      .select(linkCols)
      .from(unitLinks)
      .innerJoin(other, eq(other.id, unitLinks.predecessorId))
      .where(eq(unitLinks.successorId, id))
      .orderBy(asc(other.name)),
    db
      .select(linkCols)
      .from(unitLinks)
      .innerJoin(other, eq(other.id, unitLinks.successorId))
      .where(eq(unitLinks.predecessorId, id))
      .orderBy(asc(other.name)),
    db
      .select({ id: units.id, code: units.code, name: units.name })
      .from(units)
      .where(eq(units.parentId, id))
      .orderBy(asc(units.name)),
  ]);
  return { ...unit, predecessors, successors, children };
}
