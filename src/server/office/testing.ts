import { eq } from 'drizzle-orm';
import { createTestContest } from '../contests/testing';
import type { Db, DbKind } from '../db/client';
import { attempts, examSessions } from '../db/schema';
import { openTestDatabase, type TestDatabase } from '../testing/test-db';
import { issueCandidateCertificates } from './issue-candidate-certificates';
import { loadSecretBox, type SecretBox } from './secret-box';
import { seedPracticeSandbox } from './seed-practice-sandbox';

export interface PracticeKit {
  database: TestDatabase;
  db: Db;
  box: SecretBox;
  contestId: string;
  sessionId: string;
  /** In số báo danh order, each with its running attempt. */
  candidates: { id: string; number: string; fullName: string; attemptId: string }[];
  clock: { now: Date; advance(seconds: number): Date };
  close(): Promise<void>;
}

/**
 * A contest whose session is running, with one in-progress attempt per candidate (the theory paper
 * left empty), certificates issued and, with `scenario`, every attempt's practice sandbox seeded:
 * the state the practice services start from.
 */
export async function createPracticeKit(
  kind: DbKind,
  opts: {
    candidates?: number;
    scenario?: string;
    start?: string;
    durationMinutes?: number;
    certificates?: boolean;
  } = {},
): Promise<PracticeKit> {
  const database = await openTestDatabase(kind);
  const db = database.db;
  const clock = {
    now: new Date(opts.start ?? '2022-09-15T00:30:00Z'),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
      return this.now;
    },
  };
  const made = await createTestContest(db, { now: clock.now, candidatesPerSession: opts.candidates ?? 2 });
  const sessionId = made.sessionIds[0]!;
  await db
    .update(examSessions)
    .set({ status: 'running', startedAt: clock.now })
    .where(eq(examSessions.id, sessionId));
  const deadlineAt = new Date(clock.now.getTime() + (opts.durationMinutes ?? 60) * 60_000);
  const rows = await db
    .insert(attempts)
    .values(
      made.candidates.map((c) => ({
        candidateId: c.id,
        sessionId,
        paper: [],
        seed: 'practice',
        status: 'in_progress' as const,
        startedAt: clock.now,
        deadlineAt,
      })),
    )
    .returning({ id: attempts.id, candidateId: attempts.candidateId });
  const box = await loadSecretBox(db, undefined);
  if (opts.certificates !== false) {
    await issueCandidateCertificates(db, box, made.contestId, { now: clock.now });
  }
  const candidates = made.candidates.map((c) => ({
    id: c.id,
    number: c.number,
    fullName: c.fullName,
    attemptId: rows.find((r) => r.candidateId === c.id)!.id,
  }));
  if (opts.scenario) {
    for (const c of candidates) {
      await seedPracticeSandbox(db, { attemptId: c.attemptId, scenarioCode: opts.scenario, now: clock.now });
    }
  }
  return {
    database,
    db,
    box,
    contestId: made.contestId,
    sessionId,
    candidates,
    clock,
    close: () => database.close(),
  };
}
