import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { TSessionUser } from '../../contracts/auth';
import type { Role } from '../../core/shared/roles';
import type { Db } from '../db/client';
import { sessions, units, users } from '../db/schema';

export const SESSION_COOKIE = 'thuocdo_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: string,
  hours: number,
  meta: { ip: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  // Housekeeping on login keeps the table small without a scheduler.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  sessionId: string;
  csrfToken: string;
  user: TSessionUser;
}

export async function loadSession(db: Db, token: string): Promise<LoadedSession | null> {
  const id = hashToken(token);
  const rows = await db
    .select({
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      unitId: users.unitId,
      unitName: units.name,
      mustChangePassword: users.mustChangePassword,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  return {
    sessionId: id,
    csrfToken: row.csrfToken,
    user: {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      role: row.role as Role,
      unitId: row.unitId,
      unitName: row.unitName,
      mustChangePassword: row.mustChangePassword,
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
