import { eq } from 'drizzle-orm';
import type { Framework } from '../../core/framework/model';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';
import { assertUniqueCodes } from './check-framework';
import { assertUnlocked } from './framework-repo';

export interface DocumentEdit {
  document: Framework;
  /** What the audit entry records as before and after (the node or fields concerned). */
  before: unknown;
  after: unknown;
  entityNote?: string;
}

/**
 * Changes the document of an unlocked version in one short transaction: the row is read FOR UPDATE so two
 * editors cannot overwrite each other's change, and the audit entry goes with the write.
 */
export async function editDocument(
  db: Db,
  actor: Actor,
  id: string,
  action: string,
  change: (doc: Framework) => DocumentEdit,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, id)).for('update');
    if (!row) throw new AppError('framework_not_found', 'Không tìm thấy bộ chỉ số');
    assertUnlocked(row);
    const edit = change(structuredClone(row.document));
    assertUniqueCodes(edit.document);
    await tx
      .update(frameworkVersions)
      .set({ document: edit.document, name: edit.document.name, updatedAt: new Date() })
      .where(eq(frameworkVersions.id, id));
    await recordAudit(tx, actor, {
      action,
      entity: 'framework',
      entityId: id,
      before: edit.before,
      after: edit.after,
    });
  });
}
