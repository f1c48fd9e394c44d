import { and, asc, eq } from 'drizzle-orm';
import type { THistoryEntry } from '../../contracts/cycles';
import type { Db } from '../db/client';
import { auditLog, users } from '../db/schema';
import { entryEntityId } from './cycle-context';

/**
 * The history of one indicator, oldest first, one line per changed field (who, when, old → new, reason),
 * read from the audit log where every change was recorded in its own transaction.
 */
export async function entryHistory(
  db: Db,
  cycleId: string,
  unitId: string,
  code: string,
): Promise<THistoryEntry[]> {
  const rows = await db
    .select({
      at: auditLog.at,
      actor: users.fullName,
      username: auditLog.actorUsername,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(eq(auditLog.entity, 'cycle_entry'), eq(auditLog.entityId, entryEntityId(cycleId, unitId, code))),
    )
    .orderBy(asc(auditLog.id));
  return rows.flatMap((r) => {
    const before = (r.before ?? {}) as Record<string, unknown>;
    const after = (r.after ?? {}) as Record<string, unknown>;
    const reason = (after.reason ?? after.reviewReason ?? after.requestComment ?? null) as string | null;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => k !== 'reason' && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
    );
    return fields.map((field) => ({
      at: r.at.toISOString(),
      actor: r.actor ?? r.username,
      action: r.action,
      field,
      before: before[field] ?? null,
      after: after[field] ?? null,
      reason,
    }));
  });
}
