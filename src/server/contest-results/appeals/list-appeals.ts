import { type SQL, sql } from 'drizzle-orm';
import type { TAppealListQuery, TAppealPage } from '../../../contracts/contest-results-appeals';
import { AppError } from '../../../core/shared/app-error';
import { foldVietnamese } from '../../../core/shared/text';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql-rows';
import { selectAppeals } from './appeal-rows';

/**
 * A contest's appeals, newest first, filtered by status, unit and a search on số báo danh, name and
 * unit without diacritics; `scopeUnitId` (a reporter's unit) limits everything, counts included.
 */
export async function listAppeals(
  db: Db,
  contestId: string,
  query: TAppealListQuery,
  scopeUnitId?: string | null,
): Promise<TAppealPage> {
  const [contest] = await queryRows<{ id: string }>(db, sql`select id from contests where id = ${contestId}`);
  if (!contest) throw new AppError('contest_not_found', 'Không tìm thấy kỳ thi');
  const scope: SQL[] = [sql`p.contest_id = ${contestId}`];
  if (scopeUnitId !== undefined) scope.push(sql`c.unit_id = ${scopeUnitId}`);
  const where = [...scope];
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.unitId) where.push(sql`c.unit_id = ${query.unitId}`);
  const term = query.q?.trim();
  if (term) {
    const like = `%${foldVietnamese(term).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`c.search_text like ${like}`);
  }
  const all = sql.join(where, sql` and `);
  const [items, [count], counts] = await Promise.all([
    selectAppeals(db, all, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from contest_appeals p join candidates c on c.id = p.candidate_id
          where ${all}`,
    ),
    queryRows<{ status: 'open' | 'rejected' | 'accepted'; n: number }>(
      db,
      sql`select p.status, count(*)::int as n from contest_appeals p join candidates c on c.id = p.candidate_id
          where ${sql.join(scope, sql` and `)} group by p.status`,
    ),
  ]);
  const by = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    items,
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    counts: { open: by('open'), rejected: by('rejected'), accepted: by('accepted') },
  };
}
