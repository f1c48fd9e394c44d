import type { TFrameworkMetaPatch } from '../../contracts/frameworks';
import type { Framework } from '../../core/framework/model';
import { type Issue, validateSetFields } from '../../core/framework/validate-set';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { editDocument } from './edit-document';

/**
 * Changes the metadata and scoring policy of an unlocked version (code, year and level stay). An empty
 * legal basis or group list removes the field. Unlike the tree, which is unbalanced between two edits,
 * the set-level fields are whole after one form: a patch that makes them invalid (bands out of order,
 * a group twice…) is refused and changes nothing.
 */
export async function updateFrameworkMeta(
  db: Db,
  actor: Actor,
  id: string,
  patch: TFrameworkMetaPatch,
): Promise<void> {
  await editDocument(db, actor, id, 'update', (doc) => {
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, doc[k as keyof typeof doc]]));
    const document: Framework = { ...doc, ...patch };
    if (patch.source !== undefined && patch.source.trim() === '') delete document.source;
    if (patch.groups !== undefined && patch.groups.length === 0) delete document.groups;
    assertSetFieldsValid(document, patch);
    return { document, before, after: patch };
  });
}

function assertSetFieldsValid(document: Framework, patch: TFrameworkMetaPatch): void {
  const errors: Issue[] = [];
  validateSetFields(document, errors, []);
  // Only what this patch touches: an older problem elsewhere must not block renaming the set.
  const own = errors
    .map((e) => ({ path: e.path.replace(/^\$/, ''), message: e.message }))
    .filter((e) => e.path.split('.')[0]! in patch);
  if (own.length > 0) {
    throw new AppError('validation_failed', own.map((e) => e.message).join('; '), own);
  }
}
