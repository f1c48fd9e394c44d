import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Role } from '../../core/shared/roles';
import type { Db } from '../db/client';
import { cycleReviewers, notifications, users } from '../db/schema';

/** What a notice is about; the web may pick an icon by it. */
export const NOTICE_KINDS = ['evidence_requested', 'deadline_approaching', 'returned', 'published'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Notice {
  userId: string;
  kind: NoticeKind | (string & {});
  title: string;
  body: string;
  /** A path inside the web app (`/dti/cycles/…`); e-mails make it absolute with PUBLIC_URL. */
  link?: string | null;
  /** A notice with a key is recorded once per user: jobs that run again add nothing. */
  dedupeKey?: string | null;
}

/**
 * Records in-app notices; pass the transaction of the change they announce, so a rolled-back change
 * announces nothing. E-mails follow after commit (the e-mail job picks notices not yet e-mailed).
 * Returns how many were new (a notice whose key the user already has is skipped).
 */
export async function notify(db: Db, notices: readonly Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await db
    .insert(notifications)
    .values(
      notices.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
      })),
    )
    // Keyless notices never conflict (NULL keys are distinct), so one statement serves both.
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}

/** The same notice for each of several users (duplicates removed). */
export function noticeFor(userIds: readonly string[], notice: Omit<Notice, 'userId'>): Notice[] {
  return [...new Set(userIds)].map((userId) => ({ ...notice, userId }));
}

/** The enabled reporter accounts of a unit: the officials who fill its form. */
export async function unitReporters(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'reporter'), eq(users.unitId, unitId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** The enabled accounts with any of these roles (e.g. ['council'], or ['organiser', 'admin']). */
export async function usersWithRoles(db: Db, roles: readonly Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** The members of the appraisal council. */
export const councilMembers = (db: Db) => usersWithRoles(db, ['council']);

/** Those who run cycles: organisers and administrators. */
export const organisers = (db: Db) => usersWithRoles(db, ['organiser', 'admin']);

/**
 * The enabled reviewers of a unit in a cycle: those assigned the unit, and pillar reviewers (a pillar
 * reviewer reviews that pillar in every unit) — of `pillarCode` only when given, else of any pillar.
 */
export async function unitReviewers(
  db: Db,
  cycleId: string,
  unitId: string,
  pillarCode?: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(cycleReviewers)
    .innerJoin(users, eq(users.id, cycleReviewers.userId))
    .where(
      and(
        eq(cycleReviewers.cycleId, cycleId),
        eq(users.disabled, false),
        or(
          eq(cycleReviewers.unitId, unitId),
          pillarCode === undefined
            ? isNotNull(cycleReviewers.pillarCode)
            : eq(cycleReviewers.pillarCode, pillarCode),
        ),
      ),
    );
  return rows.map((r) => r.id);
}
