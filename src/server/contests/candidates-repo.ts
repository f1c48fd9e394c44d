import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { TCandidate, TCandidateListQuery } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import { foldVietnamese } from '../../core/shared/text';
import type { Db } from '../db/client';
import { candidates, examSessions } from '../db/schema';

/** The folded text the list searches: number, name, position and unit, without diacritics. */
export function candidateSearchText(c: {
  number: string;
  fullName: string;
  unitName: string;
  position?: string | null;
}): string {
  return foldVietnamese([c.number, c.fullName, c.position ?? '', c.unitName].join(' '));
}

const candidateColumns = {
  id: candidates.id,
  contestId: candidates.contestId,
  sessionId: candidates.sessionId,
  sessionName: examSessions.name,
  number: candidates.number,
  fullName: candidates.fullName,
  birthDate: candidates.birthDate,
  position: candidates.position,
  unitId: candidates.unitId,
  unitName: candidates.unitName,
  level: candidates.level,
  extraSeconds: candidates.extraSeconds,
  hasPassword: sql<boolean>`${candidates.passwordHash} is not null`,
};

type CandidateRow = Omit<TCandidate, 'extraMinutes'> & { extraSeconds: number };

const toCandidate = ({ extraSeconds, ...r }: CandidateRow): TCandidate => ({
  ...r,
  hasPassword: Boolean(r.hasPassword),
  extraMinutes: Math.round(extraSeconds / 60),
});

function filters(contestId: string, q: Omit<TCandidateListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(candidates.contestId, contestId)];
  if (q.q) {
    const term = `%${foldVietnamese(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`${candidates.searchText} like ${term}`);
  }
  if (q.sessionId === 'none') conds.push(isNull(candidates.sessionId));
  else if (q.sessionId) conds.push(eq(candidates.sessionId, q.sessionId));
  if (q.level) conds.push(eq(candidates.level, q.level));
  if (q.unitId) conds.push(eq(candidates.unitId, q.unitId));
  return and(...conds);
}

/** Candidates of a contest by số báo danh, filtered and paged. */
export async function listCandidates(db: Db, contestId: string, q: TCandidateListQuery) {
  const where = filters(contestId, q);
  const [rows, count] = await Promise.all([
    db
      .select(candidateColumns)
      .from(candidates)
      .leftJoin(examSessions, eq(examSessions.id, candidates.sessionId))
      .where(where)
      .orderBy(asc(candidates.number))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(candidates).where(where),
  ]);
  return {
    items: rows.map(toCandidate),
    total: Number(count[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getCandidate(db: Db, contestId: string, candidateId: string): Promise<TCandidate> {
  const [row] = await db
    .select(candidateColumns)
    .from(candidates)
    .leftJoin(examSessions, eq(examSessions.id, candidates.sessionId))
    .where(and(eq(candidates.contestId, contestId), eq(candidates.id, candidateId)));
  if (!row) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh');
  return toCandidate(row);
}
