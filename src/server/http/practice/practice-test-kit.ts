import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app';
import { hashPassword } from '../../auth/password';
import { TEST_CANDIDATE_PASSWORD } from '../../contests/testing';
import type { DbKind } from '../../db/client';
import { practiceFiles, practiceSandboxes, users } from '../../db/schema';
import { testEnv } from '../../env';
import { readCandidatePins } from '../../office/candidate-pins';
import { createPracticeKit, type PracticeKit } from '../../office/testing';

const STAFF_PASSWORD = 'Mat-khau-thu-123';

/** A signed-in browser: its cookie and CSRF token go with every request. */
export interface PracticeCaller {
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface PracticeApiKit extends PracticeKit {
  app: FastifyInstance;
  /** Signing PINs by candidate id, as printed on the credential slips. */
  pins: Map<string, string>;
  /** Logs the i-th candidate in on the exam page. */
  candidate(index: number): Promise<PracticeCaller>;
  staff(role: 'organiser' | 'proctor' | 'admin'): Promise<PracticeCaller>;
  /** The sandbox row as stored, for before/after comparisons. */
  sandboxRow(attemptId: string): Promise<{ seq: number; state: unknown }>;
  /** Ids of the attempt's stored files. */
  fileIds(attemptId: string): Promise<string[]>;
}

function caller(app: FastifyInstance, cookie: string, csrf: string): PracticeCaller {
  return {
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/**
 * The practice services' kit (running session, certificates, seeded sandboxes) behind the real app,
 * on a clock the test moves. The clock starts now: the signing checks certificates at the time it runs.
 */
export async function createPracticeApiKit(
  kind: DbKind,
  opts: { candidates?: number; scenario?: string } = {},
): Promise<PracticeApiKit> {
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  const kit = await createPracticeKit(kind, {
    candidates: opts.candidates ?? 2,
    scenario: opts.scenario ?? 'cantho-2023-phuong',
    start,
  });
  const app = await buildApp({
    env: testEnv({ LOGIN_RATE_LIMIT: 1000 }),
    db: kit.db,
    dbKind: kit.database.kind,
    clock: () => kit.clock.now,
  });
  const pins = await readCandidatePins(kit.db, kit.box, kit.contestId);
  return {
    ...kit,
    app,
    pins,
    async candidate(index) {
      const number = kit.candidates[index]!.number;
      const res = await app.inject({
        method: 'POST',
        url: '/api/exam/login',
        payload: { number, password: TEST_CANDIDATE_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`candidate login failed: ${res.body}`);
      return caller(app, String(res.headers['set-cookie']).split(';')[0]!, res.json().csrfToken);
    },
    async staff(role) {
      await kit.db
        .insert(users)
        .values({
          username: `p-${role}`,
          fullName: `Cán bộ ${role}`,
          role,
          passwordHash: await hashPassword(STAFF_PASSWORD),
        })
        .onConflictDoNothing();
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `p-${role}`, password: STAFF_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`staff login failed: ${res.body}`);
      return caller(app, String(res.headers['set-cookie']).split(';')[0]!, res.json().csrfToken);
    },
    async sandboxRow(attemptId) {
      const [row] = await kit.db
        .select({ seq: practiceSandboxes.seq, state: practiceSandboxes.state })
        .from(practiceSandboxes)
        .where(eq(practiceSandboxes.attemptId, attemptId));
      if (!row) throw new Error('no sandbox');
      return { seq: Number(row.seq), state: row.state };
    },
    async fileIds(attemptId) {
      const rows = await kit.db
        .select({ id: practiceFiles.id })
        .from(practiceFiles)
        .where(eq(practiceFiles.attemptId, attemptId));
      return rows.map((r) => r.id).sort();
    },
    async close() {
      await app.close();
      await kit.close();
    },
  };
}
