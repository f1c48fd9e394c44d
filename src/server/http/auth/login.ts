import { eq, sql } from 'drizzle-orm';
import type { TLoginRequest, TSessionUser } from '../../../contracts/auth';
import { AppError } from '../../../core/shared/app-error';
import type { Role } from '../../../core/shared/roles';
import { recordAudit } from '../../audit';
import { dummyHash, verifyPassword } from '../../auth/password';
import type { Db } from '../../db/client';
import { units, users } from '../../db/schema';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const DUMMY_HASH = dummyHash('staff');

/** Checks a username and password; counts failures and locks the account after too many. */
export async function login(db: Db, body: TLoginRequest, ip: string): Promise<TSessionUser> {
  const username = body.username.trim().toLowerCase();
  const rows = await db
    .select({ user: users, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .limit(1);
  const found = rows[0];
  const ok = await verifyPassword(body.password, found?.user.passwordHash ?? DUMMY_HASH);
  const actor = { id: found?.user.id ?? null, username, ip };
  const invalid = new AppError('invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng');
  if (!found) {
    await recordAudit(db, actor, {
      action: 'login_failed',
      entity: 'user',
      entityId: null,
      after: { username },
    });
    throw invalid;
  }
  const user = found.user;
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      'account_locked',
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần, thử lại sau ${LOCK_MINUTES} phút`,
      {
        lockedUntil: user.lockedUntil.toISOString(),
      },
    );
  }
  if (!ok) {
    const lock = user.failedLogins + 1 >= MAX_FAILED_LOGINS;
    const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db
      .update(users)
      .set({ failedLogins: lock ? 0 : sql`${users.failedLogins} + 1`, lockedUntil })
      .where(eq(users.id, user.id));
    await recordAudit(db, actor, {
      action: lock ? 'account_locked' : 'login_failed',
      entity: 'user',
      entityId: user.id,
      after: { failedLogins: user.failedLogins + 1 },
    });
    if (lock) {
      throw new AppError(
        'account_locked',
        `Đăng nhập sai ${MAX_FAILED_LOGINS} lần: tài khoản bị khóa ${LOCK_MINUTES} phút`,
      );
    }
    throw invalid;
  }
  if (user.disabled) throw new AppError('account_disabled', 'Tài khoản đã bị vô hiệu hóa, liên hệ quản trị');
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  await recordAudit(db, actor, { action: 'login', entity: 'user', entityId: user.id });
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role as Role,
    unitId: user.unitId,
    unitName: found.unitName,
    mustChangePassword: user.mustChangePassword,
  };
}
