import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TNotification } from '../../contracts/cycles';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { notifications } from '../db/schema';

/** How many notices the bell shows: the latest ones; older ones stay in the table. */
export const INBOX_SIZE = 50;

type Row = typeof notifications.$inferSelect;

function toNotice(row: Pick<Row, 'id' | 'kind' | 'title' | 'body' | 'link' | 'readAt' | 'createdAt'>) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  } satisfies TNotification;
}

/** A user's latest notices, newest first, as the API gives them. */
export async function listNotices(db: Db, userId: string, limit = INBOX_SIZE): Promise<TNotification[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map(toNotice);
}

/** How many of a user's notices are unread (all of them, not only the latest). */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's own notices read (a second call keeps the first time); another's is not found. */
export async function markRead(db: Db, userId: string, id: number, now: Date): Promise<void> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (rows.length === 0) throw new AppError('not_found', 'Không tìm thấy thông báo');
}

/** Marks every unread notice of the user read; returns how many were unread. */
export async function markAllRead(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
