import { sql } from 'drizzle-orm';
import type { TRegradeDiffEntry, TRegradeRecord } from '../../contracts/contest-results-items';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';
import { requireContest } from './regrade-questions';

/** Every recompute of a contest, newest first, with its diff (regrades of questions and appeal decisions). */
export async function regradeHistory(db: Db, contestId: string): Promise<{ items: TRegradeRecord[] }> {
  await requireContest(db, contestId);
  const rows = await queryRows<{
    id: string;
    cause: TRegradeRecord['cause'];
    versionId: string | null;
    questionCode: string | null;
    questionStem: string | null;
    change: unknown;
    reason: string;
    diff: TRegradeDiffEntry[];
    changedCount: number;
    checkedCount: number;
    actorName: string | null;
    createdAt: Date | string;
  }>(
    db,
    sql`select r.id, r.cause, r.version_id as "versionId", q.code as "questionCode", v.stem as "questionStem",
          r.change, r.reason, r.diff, r.changed_count as "changedCount", r.checked_count as "checkedCount",
          u.full_name as "actorName", r.created_at as "createdAt"
        from contest_regrades r
        left join question_versions v on v.id = r.version_id
        left join questions q on q.id = v.question_id
        left join users u on u.id = r.actor_id
        where r.contest_id = ${contestId}
        order by r.created_at desc, r.id`,
  );
  return {
    items: rows.map((r) => ({
      ...r,
      changedCount: Number(r.changedCount),
      checkedCount: Number(r.checkedCount),
      createdAt: new Date(r.createdAt).toISOString(),
    })),
  };
}
