import { desc, eq, sql } from 'drizzle-orm';
import type { TContest } from '../../contracts/contests';
import type { ContestRules } from '../../core/exam/contest';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { contests } from '../db/schema';

const contestColumns = {
  id: contests.id,
  year: contests.year,
  name: contests.name,
  rules: contests.rules,
  status: contests.status,
  isDemo: contests.isDemo,
  createdAt: contests.createdAt,
  updatedAt: contests.updatedAt,
  sessionCount: sql<number>`(select count(*)::int from exam_sessions s where s.contest_id = "contests"."id")`,
  candidateCount: sql<number>`(select count(*)::int from candidates c where c.contest_id = "contests"."id")`,
};

type ContestRow = {
  id: string;
  year: number;
  name: string;
  rules: ContestRules;
  status: TContest['status'];
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
  sessionCount: number;
  candidateCount: number;
};

function toContest(row: ContestRow): TContest {
  return {
    ...row,
    // Rules saved before practice scenarios existed have no such field.
    rules: { ...row.rules, practiceScenario: row.rules.practiceScenario ?? null },
    sessionCount: Number(row.sessionCount),
    candidateCount: Number(row.candidateCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listContests(db: Db): Promise<TContest[]> {
  const rows = await db
    .select(contestColumns)
    .from(contests)
    .orderBy(desc(contests.year), desc(contests.createdAt));
  return rows.map(toContest);
}

export async function getContest(db: Db, id: string): Promise<TContest> {
  const [row] = await db.select(contestColumns).from(contests).where(eq(contests.id, id));
  if (!row) throw new AppError('contest_not_found', 'Không tìm thấy kỳ thi');
  return toContest(row);
}

/** The contest row for a change, locked against concurrent changes on PostgreSQL. */
export async function lockContest(db: Db, id: string) {
  const [row] = await db.select().from(contests).where(eq(contests.id, id)).for('update');
  if (!row) throw new AppError('contest_not_found', 'Không tìm thấy kỳ thi');
  return row;
}

/** Refuses changes to a closed contest (its results are final). */
export function assertNotClosed(status: TContest['status']): void {
  if (status === 'closed') {
    throw new AppError('contest_locked', 'Kỳ thi đã kết thúc; không thể thay đổi dữ liệu');
  }
}
