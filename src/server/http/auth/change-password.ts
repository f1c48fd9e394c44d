import { and, eq, ne } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { TChangePasswordRequest } from '../../../contracts/auth';
import { AppError } from '../../../core/shared/app-error';
import { actorOf, recordAudit } from '../../audit';
import { hashPassword, passwordWeakness, verifyPassword } from '../../auth/password';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { requireSession } from '../access';

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(
  db: Db,
  req: FastifyRequest,
  body: TChangePasswordRequest,
): Promise<void> {
  const session = requireSession(req);
  const [user] = await db.select().from(users).where(eq(users.id, session.user.id)).limit(1);
  if (!user) throw new AppError('user_not_found', 'Không tìm thấy tài khoản');
  if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
    throw new AppError('wrong_password', 'Mật khẩu hiện tại không đúng');
  }
  const weakness = passwordWeakness(body.newPassword, user.username);
  if (weakness) throw new AppError('password_too_weak', weakness);
  if (body.newPassword === body.currentPassword) {
    throw new AppError('password_too_weak', 'Mật khẩu mới phải khác mật khẩu hiện tại');
  }
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, session.sessionId)));
    await recordAudit(tx, actorOf(req), {
      action: 'password_changed',
      entity: 'user',
      entityId: user.id,
    });
  });
}
