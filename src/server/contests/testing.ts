import { eq } from 'drizzle-orm';
import type { ContestRules } from '../../core/exam/contest';
import { defaultContestRules } from '../../core/exam/rules';
import type { UnitLevel } from '../../core/units/unit';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import { candidates, contests, examSessions, units } from '../db/schema';
import { candidateSearchText } from './candidates-repo';

/** The password every candidate made by `createTestContest` gets unless told otherwise. */
export const TEST_CANDIDATE_PASSWORD = 'Thi-sinh-2026';

export interface TestContestOptions {
  year?: number;
  name?: string;
  /** Default 'open', so candidates can log in on the exam page. */
  status?: 'draft' | 'open' | 'closed';
  /** Merged over the default rules. */
  rules?: Partial<ContestRules>;
  /** Default one session "Ca 1" in "Phòng 1", scheduled at `now`. */
  sessions?: { name: string; room?: string | null; scheduledAt?: Date }[];
  /** Candidates per session (default 3). */
  candidatesPerSession?: number;
  password?: string;
  /** Candidates belong to this unit (its name and level are copied); default none, "Đơn vị thử nghiệm", xa. */
  unitId?: string | null;
  /** Extra minutes of every candidate (default 0). */
  extraMinutes?: number;
  now?: Date;
}

export interface TestCandidate {
  id: string;
  number: string;
  fullName: string;
  sessionId: string;
  password: string;
}

export interface TestContest {
  contestId: string;
  sessionIds: string[];
  candidates: TestCandidate[];
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Đức', 'Phạm Thị Ánh', 'Đặng Quốc Việt'];

/**
 * Creates a contest with sessions and candidates straight in the database, for tests of later stages
 * (exam run, proctoring, results) that need candidates who can log in. Numbers are unique across
 * contests (prefix from the contest id), so several test contests can be open at once.
 */
export async function createTestContest(db: Db, options: TestContestOptions = {}): Promise<TestContest> {
  const now = options.now ?? new Date();
  const password = options.password ?? TEST_CANDIDATE_PASSWORD;
  const passwordHash = await hashPassword(password, 'one_sitting');
  let unit: { id: string | null; name: string; level: UnitLevel } = {
    id: null,
    name: 'Đơn vị thử nghiệm',
    level: 'xa',
  };
  if (options.unitId) {
    const [row] = await db
      .select({ id: units.id, name: units.name, level: units.level })
      .from(units)
      .where(eq(units.id, options.unitId));
    if (!row) throw new Error(`createTestContest: no unit ${options.unitId}`);
    unit = row;
  }
  return db.transaction(async (tx) => {
    const [contest] = await tx
      .insert(contests)
      .values({
        year: options.year ?? now.getUTCFullYear(),
        name: options.name ?? 'Kỳ thi thử nghiệm',
        rules: { ...defaultContestRules(), ...options.rules },
        status: options.status ?? 'open',
      })
      .returning({ id: contests.id });
    const contestId = contest!.id;
    const prefix = `T${contestId.slice(0, 6).toUpperCase()}-`;
    const specs = options.sessions ?? [{ name: 'Ca 1', room: 'Phòng 1' }];
    const sessionIds: string[] = [];
    const made: TestCandidate[] = [];
    for (const spec of specs) {
      const [session] = await tx
        .insert(examSessions)
        .values({ contestId, name: spec.name, room: spec.room ?? null, scheduledAt: spec.scheduledAt ?? now })
        .returning({ id: examSessions.id });
      sessionIds.push(session!.id);
      for (let i = 0; i < (options.candidatesPerSession ?? 3); i++) {
        const number = `${prefix}${String(made.length + 1).padStart(4, '0')}`;
        const fullName = NAMES[made.length % NAMES.length]!;
        const [row] = await tx
          .insert(candidates)
          .values({
            contestId,
            sessionId: session!.id,
            number,
            fullName,
            unitId: unit.id,
            unitName: unit.name,
            level: unit.level,
            extraSeconds: (options.extraMinutes ?? 0) * 60,
            passwordHash,
            searchText: candidateSearchText({ number, fullName, unitName: unit.name }),
          })
          .returning({ id: candidates.id });
        made.push({ id: row!.id, number, fullName, sessionId: session!.id, password });
      }
    }
    return { contestId, sessionIds, candidates: made };
  });
}
