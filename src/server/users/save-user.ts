import { eq } from 'drizzle-orm';
import type { TUser, TUserCreate, TUserUpdate } from '../../contracts/users';
import { AppError } from '../../core/shared/app-error';
import { isUnitScoped, type Role } from '../../core/shared/roles';
import { type Actor, recordAudit } from '../audit';
import { generatePassword, hashPassword, passwordWeakness } from '../auth/password';
import { deleteUserSessions } from '../auth/sessions';
import type { Db } from '../db/client';
import { units, users } from '../db/schema';
import { getUser } from './users-repo';

async function checkRoleUnit(db: Db, role: Role, unitId: string | null): Promise<void> {
  if (isUnitScoped(role) && !unitId) {
    throw new AppError('validation_failed', 'Vai trò này phải gắn với một đơn vị', [
      { path: 'unitId', message: 'Chọn đơn vị' },
    ]);
  }
  if (unitId) {
    const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!u)
      throw new AppError('unit_not_found', 'Không tìm thấy đơn vị', [
        { path: 'unitId', message: 'Không tìm thấy đơn vị' },
      ]);
  }
}

export async function createUser(db: Db, actor: Actor, input: TUserCreate): Promise<TUser> {
  const username = input.username.toLowerCase();
  await checkRoleUnit(db, input.role, input.unitId);
  const weakness = passwordWeakness(input.password, username);
  if (weakness) throw new AppError('password_too_weak', weakness, [{ path: 'password', message: weakness }]);
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (clash)
    throw new AppError('username_taken', `Tên đăng nhập ${username} đã được dùng`, [
      { path: 'username', message: 'Đã được dùng' },
    ]);
  const passwordHash = await hashPassword(input.password);
  const values = {
    username,
    fullName: input.fullName,
    email: input.email,
    role: input.role,
    unitId: input.unitId,
  };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ ...values, passwordHash, mustChangePassword: true })
      .returning({ id: users.id });
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: row!.id, after: values });
    return row!.id;
  });
  return getUser(db, id);
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: TUserUpdate): Promise<TUser> {
  const before = await getUser(db, id);
  const role = patch.role ?? before.role;
  const unitId = patch.unitId === undefined ? before.unitId : patch.unitId;
  await checkRoleUnit(db, role, unitId);
  if (id === actor.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
    throw new AppError('forbidden', 'Không thể tự vô hiệu hóa hoặc tự bỏ quyền quản trị của chính mình');
  }
  const values = {
    fullName: patch.fullName ?? before.fullName,
    email: patch.email === undefined ? before.email : patch.email,
    role,
    unitId: isUnitScoped(role) || unitId ? unitId : null,
    disabled: patch.disabled ?? before.disabled,
  };
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, id));
    if (values.disabled || values.role !== before.role || values.unitId !== before.unitId) {
      await deleteUserSessions(tx, id);
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, before, after: values });
  });
  return getUser(db, id);
}

/** Sets a one-time password the user must change at next login; ends their sessions. */
export async function resetPassword(db: Db, actor: Actor, id: string): Promise<string> {
  await getUser(db, id);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'password_reset', entity: 'user', entityId: id });
  });
  return temporaryPassword;
}

export async function unlockUser(db: Db, actor: Actor, id: string): Promise<TUser> {
  await getUser(db, id);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await recordAudit(tx, actor, { action: 'unlock', entity: 'user', entityId: id });
  });
  return getUser(db, id);
}
