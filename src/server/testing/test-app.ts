import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { hashPassword } from '../auth/password';
import type { DbKind } from '../db/client';
import { auditLog, sessions, units, users } from '../db/schema';
import { testEnv } from '../env';
import { openTestDatabase, type TestDatabase } from './test-db';

export const TEST_PASSWORD = 'Mat-khau-thu-123';

export interface Agent {
  cookie: string;
  csrf: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Creates a user directly in the database (password TEST_PASSWORD) and returns its id. */
  addUser(username: string, role: string, unitId?: string | null): Promise<string>;
  addUnit(code: string, name: string, extra?: Partial<typeof units.$inferInsert>): Promise<string>;
  login(username: string, password?: string): Promise<Agent>;
  anonymous(): Agent;
  /** The audit actions recorded for an entity, oldest first. */
  auditActions(entityId: string): Promise<string[]>;
  sessionCount(userId: string): Promise<number>;
  close(): Promise<void>;
}

/** Builds the app on a fresh clone of the migrated template database. */
export async function createTestApp(kind: DbKind): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const app = await buildApp({
    env: testEnv({ LOGIN_RATE_LIMIT: 1000 }),
    db: database.db,
    dbKind: database.kind,
  });
  const hash = await hashPassword(TEST_PASSWORD);

  const agent = (cookie: string, csrf: string): Agent => ({
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  });

  return {
    app,
    database,
    async addUser(username, role, unitId = null) {
      const [row] = await database.db
        .insert(users)
        .values({ username, fullName: `Người dùng ${username}`, role, unitId, passwordHash: hash })
        .returning({ id: users.id });
      return row!.id;
    },
    async addUnit(code, name, extra = {}) {
      const [row] = await database.db
        .insert(units)
        .values({ code, name, level: 'xa', kind: 'phường', validFrom: '2025-07-01', ...extra })
        .returning({ id: units.id });
      return row!.id;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return agent(cookie, res.json().csrfToken);
    },
    anonymous: () => agent('', ''),
    async auditActions(entityId) {
      const rows = await database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, entityId))
        .orderBy(auditLog.id);
      return rows.map((r) => r.action);
    },
    async sessionCount(userId) {
      const [row] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(sessions)
        .where(eq(sessions.userId, userId));
      return Number(row?.n ?? 0);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
