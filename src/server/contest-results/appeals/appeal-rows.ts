import { type SQL, sql } from 'drizzle-orm';
import type { TAppeal } from '../../../contracts/contest-results-appeals';
import { AppError } from '../../../core/shared/app-error';
import type { Db } from '../../db/client';
import { asDate, queryRows } from '../../db/sql-rows';

type Row = Record<string, unknown>;
const iso = (v: unknown) => asDate((v as Date | string | null) ?? null)?.toISOString() ?? null;

/** The select every appeal list reads (aliases: p = appeal, c = candidate). */
export const APPEAL_SELECT = sql`select p.id, p.contest_id, p.candidate_id, c.number, c.full_name, c.unit_id,
    c.unit_name, p.section, p.text, p.status, p.filed_by, f.full_name as filed_by_name, p.created_at,
    p.decision_reason, p.decided_at, d.full_name as decided_by_name, p.regrade_id,
    j.section as adj_section, j.points::float8 as adj_points
  from contest_appeals p
  join candidates c on c.id = p.candidate_id
  left join users f on f.id = p.filed_by_user_id
  left join users d on d.id = p.decided_by
  left join lateral (
    select x.section, x.points from attempt_adjustments x where x.appeal_id = p.id order by x.created_at limit 1
  ) j on true`;

export function toAppeal(r: Row): TAppeal {
  return {
    id: r.id as string,
    contestId: r.contest_id as string,
    candidateId: r.candidate_id as string,
    number: r.number as string,
    fullName: r.full_name as string,
    unitId: (r.unit_id as string | null) ?? null,
    unitName: r.unit_name as string,
    section: r.section as TAppeal['section'],
    text: r.text as string,
    status: r.status as TAppeal['status'],
    filedBy: r.filed_by as TAppeal['filedBy'],
    filedByName: (r.filed_by_name as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    decisionReason: (r.decision_reason as string | null) ?? null,
    decidedAt: iso(r.decided_at),
    decidedByName: (r.decided_by_name as string | null) ?? null,
    adjustment:
      r.adj_section === null || r.adj_section === undefined
        ? null
        : { section: r.adj_section as 'theory' | 'practice', points: Number(r.adj_points) },
    regradeId: (r.regrade_id as string | null) ?? null,
  };
}

/** Appeals matching `where`, newest first. */
export async function selectAppeals(
  db: Db,
  where: SQL,
  page?: { limit: number; offset: number },
): Promise<TAppeal[]> {
  const rows = await queryRows<Row>(
    db,
    sql`${APPEAL_SELECT} where ${where} order by p.created_at desc, p.id
        ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
  return rows.map(toAppeal);
}

/** One appeal, or `not_found`. */
export async function getAppeal(db: Db, appealId: string): Promise<TAppeal> {
  const [appeal] = await selectAppeals(db, sql`p.id = ${appealId}`);
  if (!appeal) throw new AppError('not_found', 'Không tìm thấy đơn phúc khảo');
  return appeal;
}
