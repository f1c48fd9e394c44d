import { sql } from 'drizzle-orm';
import type { TContestResultList } from '../../contracts/contest-results';
import type { Db } from '../db/client';
import { asDate, queryRows } from '../db/sql-rows';

/** Contests that may have results (open or closed), newest year first, with their publication time. */
export async function listResultContests(db: Db): Promise<TContestResultList> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select k.id, k.year, k.name, k.status, p.published_at,
          (select count(*)::int from candidates c where c.contest_id = k.id) as candidate_count
        from contests k left join contest_result_publications p on p.contest_id = k.id
        where k.status <> 'draft'
        order by k.year desc, k.created_at desc`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id as string,
      year: Number(r.year),
      name: r.name as string,
      status: r.status as TContestResultList['items'][number]['status'],
      candidateCount: Number(r.candidate_count),
      publishedAt: asDate((r.published_at as Date | string | null) ?? null)?.toISOString() ?? null,
    })),
  };
}
