import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TUser } from '../../contracts/users';
import { AppError } from '../../core/shared/app-error';
import type { Role } from '../../core/shared/roles';
import type { Db } from '../db/client';
import { units, users } from '../db/schema';

const columns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

type Row = { [K in keyof typeof columns]: unknown } & Record<string, unknown>;

function toUser(r: Row): TUser {
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : null);
  return {
    id: r.id as string,
    username: r.username as string,
    fullName: r.fullName as string,
    email: (r.email as string | null) ?? null,
    role: r.role as Role,
    unitId: (r.unitId as string | null) ?? null,
    unitName: (r.unitName as string | null) ?? null,
    disabled: r.disabled as boolean,
    lockedUntil: r.lockedUntil instanceof Date && r.lockedUntil > new Date() ? iso(r.lockedUntil) : null,
    mustChangePassword: r.mustChangePassword as boolean,
    lastLoginAt: iso(r.lastLoginAt),
    createdAt: iso(r.createdAt)!,
  };
}

export async function listUsers(db: Db, q: { q?: string; role?: Role; page: number; pageSize: number }) {
  const conds: SQL[] = [];
  if (q.q) {
    const term = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`vn_fold(${users.fullName} || ' ' || ${users.username}) like vn_fold(${term})`);
  }
  if (q.role) conds.push(eq(users.role, q.role));
  const where = and(...conds);
  const [rows, count] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(desc(users.createdAt), users.username)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: rows.map(toUser), total: Number(count[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getUser(db: Db, id: string): Promise<TUser> {
  const [row] = await db
    .select(columns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  if (!row) throw new AppError('user_not_found', 'Không tìm thấy tài khoản');
  return toUser(row);
}
