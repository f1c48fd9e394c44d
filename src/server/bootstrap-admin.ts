import { eq } from 'drizzle-orm';
import { recordAudit } from './audit';
import { generatePassword, hashPassword, verifyPassword } from './auth/password';
import type { Db } from './db/client';
import { users } from './db/schema';

export interface AdminLogin {
  username: string;
  /** Set when this call created or reset the password; null when the existing account was kept. */
  password: string | null;
  created: boolean;
}

const SYSTEM = { id: null, username: 'system', ip: null };

/**
 * Makes sure the `admin` account exists. With a configured password, the account gets that password
 * (so an operator can always regain access); otherwise a generated one is set once, at creation.
 */
export async function ensureAdmin(db: Db, configuredPassword?: string): Promise<AdminLogin> {
  const [existing] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, 'admin'));
  if (
    existing &&
    (!configuredPassword || (await verifyPassword(configuredPassword, existing.passwordHash)))
  ) {
    return { username: 'admin', password: configuredPassword ?? null, created: false };
  }
  const password = configuredPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  if (existing) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, role: 'admin', disabled: false, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, existing.id));
      await recordAudit(tx, SYSTEM, {
        action: 'password_reset',
        entity: 'user',
        entityId: existing.id,
        after: { source: 'THUOCDO_ADMIN_PASSWORD' },
      });
    });
    return { username: 'admin', password, created: false };
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: 'admin',
        fullName: 'Quản trị hệ thống',
        role: 'admin',
        passwordHash,
        mustChangePassword: !configuredPassword,
      })
      .returning({ id: users.id });
    await recordAudit(tx, SYSTEM, {
      action: 'create',
      entity: 'user',
      entityId: row!.id,
      after: { username: 'admin', role: 'admin' },
    });
  });
  return { username: 'admin', password, created: true };
}
