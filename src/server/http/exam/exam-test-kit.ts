import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ContestRules } from '../../../core/exam/contest';
import { defaultContestRules } from '../../../core/exam/rules';
import { buildApp } from '../../app';
import { hashPassword } from '../../auth/password';
import { createTestContest } from '../../contests/testing';
import type { Db, DbKind } from '../../db/client';
import { attempts, questions, questionVersions, users } from '../../db/schema';
import { queryRows } from '../../db/sql-rows';
import { testEnv } from '../../env';
import { finaliseDueAttempts } from '../../jobs/finalise-due';
import { openTestDatabase, type TestDatabase } from '../../testing/test-db';

export const CANDIDATE_PASSWORD = 'Thi-sinh-2026';
export const STAFF_PASSWORD = 'Mat-khau-thu-123';
/** Planted in every answer key and explanation: it must never appear in a candidate's response. */
export const SECRET_MARK = 'BIMAT';

export interface Caller {
  cookie: string;
  csrf: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface ExamKit {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  clock: { now: Date; advance(seconds: number): void };
  contestId: string;
  sessionId: string;
  /** The session's candidates in order of their số báo danh. */
  candidates: { id: string; number: string; fullName: string }[];
  rules: ContestRules;
  /** Correct option keys by question version, for grading checks. */
  keys: Record<string, string[]>;
  staff(role: 'proctor' | 'organiser' | 'admin' | 'reporter'): Promise<Caller>;
  candidate(number: string, password?: string, ua?: string): Promise<Caller>;
  loginResponse(
    number: string,
    password?: string,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  attempt(candidateId: string): Promise<typeof attempts.$inferSelect>;
  events(candidateId: string): Promise<{ kind: string; seq: number | null; payload: unknown }[]>;
  tick(): ReturnType<typeof finaliseDueAttempts>;
  close(): Promise<void>;
}

function caller(app: FastifyInstance, cookie: string, csrf: string): Caller {
  return {
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/**
 * An open contest with one scheduled session of `candidateCount` candidates (made by the contest
 * module's test helper) and an approved bank of
 * `questionCount` single-choice questions (option "b" correct), on an app whose clock the test moves.
 */
export async function createExamKit(
  kind: DbKind,
  opts: { candidateCount?: number; questionCount?: number; rules?: Partial<ContestRules> } = {},
): Promise<ExamKit> {
  const database = await openTestDatabase(kind);
  const db = database.db;
  const clock = {
    now: new Date('2026-06-24T01:00:00.000Z'),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const app = await buildApp({
    env: testEnv({ LOGIN_RATE_LIMIT: 1000 }),
    db,
    dbKind: database.kind,
    clock: () => clock.now,
  });
  const questionCount = opts.questionCount ?? 12;
  const rules: ContestRules = {
    ...defaultContestRules(),
    blueprint: [{ count: Math.min(10, questionCount) }],
    ...opts.rules,
  };
  const made = await createTestContest(db, {
    rules,
    now: clock.now,
    candidatesPerSession: opts.candidateCount ?? 3,
    password: CANDIDATE_PASSWORD,
  });
  const keys: Record<string, string[]> = {};
  for (let i = 1; i <= questionCount; i++) {
    const [q] = await db
      .insert(questions)
      .values({ difficulty: i % 3 === 0 ? 'hard' : 'easy', status: 'approved' })
      .returning({ id: questions.id });
    const [v] = await db
      .insert(questionVersions)
      .values({
        questionId: q!.id,
        versionNo: 1,
        type: 'single',
        stem: `Câu hỏi số ${i} về chuyển đổi số?`,
        options: ['a', 'b', 'c', 'd'].map((key) => ({
          key,
          text: `Phương án ${key} của câu ${i}`,
          correct: key === 'b',
        })),
        explanation: `Giải thích ${SECRET_MARK} câu ${i}`,
      })
      .returning({ id: questionVersions.id });
    await db.update(questions).set({ currentVersionId: v!.id }).where(eq(questions.id, q!.id));
    keys[v!.id] = ['b'];
  }
  const list = made.candidates.map((c) => ({ id: c.id, number: c.number, fullName: c.fullName }));
  const staffHash = await hashPassword(STAFF_PASSWORD);
  const staffAgents = new Map<string, Caller>();

  const loginResponse = (
    number: string,
    password = CANDIDATE_PASSWORD,
    headers: Record<string, string> = {},
  ) => app.inject({ method: 'POST', url: '/api/exam/login', payload: { number, password }, headers });

  return {
    app,
    db,
    database,
    clock,
    contestId: made.contestId,
    sessionId: made.sessionIds[0]!,
    candidates: list,
    rules,
    keys,
    async staff(role) {
      const existing = staffAgents.get(role);
      if (existing) return existing;
      await db
        .insert(users)
        .values({ username: `u-${role}`, fullName: `Cán bộ ${role}`, role, passwordHash: staffHash })
        .onConflictDoNothing();
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `u-${role}`, password: STAFF_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`staff login failed: ${res.body}`);
      const agent = caller(app, String(res.headers['set-cookie']).split(';')[0]!, res.json().csrfToken);
      staffAgents.set(role, agent);
      return agent;
    },
    async candidate(number, password = CANDIDATE_PASSWORD, ua = 'Chromium thí sinh') {
      const res = await loginResponse(number, password, { 'user-agent': ua });
      if (res.statusCode !== 200) throw new Error(`candidate login failed: ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return caller(app, cookie, res.json().csrfToken);
    },
    loginResponse,
    async attempt(candidateId) {
      const [row] = await db.select().from(attempts).where(eq(attempts.candidateId, candidateId));
      if (!row) throw new Error('no attempt');
      return row;
    },
    async events(candidateId) {
      return queryRows(
        db,
        sql`select kind, seq::float8 as seq, payload from attempt_events where candidate_id = ${candidateId} order by id`,
      );
    },
    tick: () => finaliseDueAttempts(db, clock.now),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
