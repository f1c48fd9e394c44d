import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';

const SYSTEM: Actor = { id: null, username: 'system', ip: null };

/**
 * Locks a version for good once a published cycle uses it; locking a locked version changes nothing.
 * Returns whether this call locked it.
 */
export async function lockFrameworkVersion(db: Db, id: string, reason: string, actor: Actor = SYSTEM) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(frameworkVersions)
      .set({ lockedAt: new Date(), lockedReason: reason })
      .where(and(eq(frameworkVersions.id, id), isNull(frameworkVersions.lockedAt)))
      .returning({ id: frameworkVersions.id });
    if (rows.length === 0) {
      const [exists] = await tx
        .select({ id: frameworkVersions.id })
        .from(frameworkVersions)
        .where(eq(frameworkVersions.id, id));
      if (!exists) throw new AppError('framework_not_found', 'Không tìm thấy bộ chỉ số');
      return false;
    }
    await recordAudit(tx, actor, { action: 'lock', entity: 'framework', entityId: id, after: { reason } });
    return true;
  });
}
