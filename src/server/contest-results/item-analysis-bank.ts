import { sql } from 'drizzle-orm';
import type { TItemStats, TVersionStatsBrief } from '../../contracts/contest-results-items';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';

/** The last statistics of each version (its latest contest), for the question bank. */
export async function lastVersionStats(
  db: Db,
  versionIds: string[],
): Promise<Map<string, TVersionStatsBrief>> {
  if (versionIds.length === 0) return new Map();
  const rows = await queryRows<{
    versionId: string;
    contestId: string;
    contestName: string;
    year: number;
    responses: number;
    stats: TItemStats;
    computedAt: Date | string;
  }>(
    db,
    sql`select distinct on (s.version_id) s.version_id as "versionId", s.contest_id as "contestId",
          c.name as "contestName", c.year, s.responses, s.stats, s.computed_at as "computedAt"
        from question_version_stats s join contests c on c.id = s.contest_id
        where s.version_id in (${sql.join(
          [...new Set(versionIds)].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by s.version_id, c.year desc, s.computed_at desc`,
  );
  return new Map(
    rows.map((r) => [
      r.versionId,
      {
        contestId: r.contestId,
        contestName: r.contestName,
        year: Number(r.year),
        responses: Number(r.responses),
        facility: r.stats.facility,
        upperLower: r.stats.upperLower,
        pointBiserial: r.stats.pointBiserial,
        flags: r.stats.flags,
        computedAt: new Date(r.computedAt).toISOString(),
      },
    ]),
  );
}
