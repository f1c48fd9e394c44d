import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type {
  TFrameworkDetail,
  TFrameworkListQuery,
  TFrameworkPage,
  TFrameworkVersion,
} from '../../contracts/frameworks';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';
import { checkFramework } from './check-framework';
import { countNodes, totalMax } from './node-tree';

export type FrameworkRow = typeof frameworkVersions.$inferSelect;

export const LOCKED_MESSAGE =
  'Bộ chỉ số đã được dùng trong kỳ đánh giá đã công bố; hãy nhân bản để tạo phiên bản mới';

export function toVersion(row: FrameworkRow): TFrameworkVersion {
  const doc = row.document;
  return {
    id: row.id,
    code: row.code,
    year: row.year,
    level: row.level,
    versionNo: row.versionNo,
    name: row.name,
    illustrative: doc.illustrative === true,
    nominalMax: doc.nominalMax,
    totalMax: totalMax(doc),
    nodeCount: countNodes(doc),
    basedOnId: row.basedOnId,
    lockedAt: row.lockedAt?.toISOString() ?? null,
    lockedReason: row.lockedReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function filters(q: TFrameworkListQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.q) {
    const term = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        sql`vn_fold(${frameworkVersions.name}) like vn_fold(${term})`,
        sql`vn_fold(${frameworkVersions.code}) like vn_fold(${term})`,
      ),
    );
  }
  if (q.year) conds.push(eq(frameworkVersions.year, q.year));
  if (q.level) conds.push(eq(frameworkVersions.level, q.level));
  return and(...conds);
}

export async function listFrameworks(db: Db, q: TFrameworkListQuery): Promise<TFrameworkPage> {
  const where = filters(q);
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(frameworkVersions)
      .where(where)
      .orderBy(
        desc(frameworkVersions.year),
        asc(frameworkVersions.level),
        asc(frameworkVersions.code),
        desc(frameworkVersions.versionNo),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(frameworkVersions).where(where),
  ]);
  return { items: rows.map(toVersion), total: Number(count[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getFrameworkRow(db: Db, id: string): Promise<FrameworkRow> {
  const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, id));
  if (!row) throw new AppError('framework_not_found', 'Không tìm thấy bộ chỉ số');
  return row;
}

export function assertUnlocked(row: FrameworkRow): void {
  if (row.lockedAt)
    throw new AppError('framework_locked', LOCKED_MESSAGE, { lockedReason: row.lockedReason });
}

export async function getFrameworkDetail(db: Db, id: string): Promise<TFrameworkDetail> {
  const row = await getFrameworkRow(db, id);
  let basedOn: TFrameworkDetail['basedOn'] = null;
  if (row.basedOnId) {
    const [b] = await db
      .select({
        id: frameworkVersions.id,
        name: frameworkVersions.name,
        year: frameworkVersions.year,
        versionNo: frameworkVersions.versionNo,
      })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.id, row.basedOnId));
    basedOn = b ?? null;
  }
  return { ...toVersion(row), document: row.document, validation: checkFramework(row.document), basedOn };
}

/** The next version number of a set in a year. */
export async function nextVersionNo(db: Db, code: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${frameworkVersions.versionNo}), 0)::int` })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.code, code), eq(frameworkVersions.year, year)));
  return Number(r?.n ?? 0) + 1;
}
