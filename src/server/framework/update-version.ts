import type { TFrameworkMetaPatch } from '../../contracts/frameworks';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { editDocument } from './edit-document';

/** Changes the metadata and scoring policy of an unlocked version (code, year and level stay). */
export async function updateFrameworkMeta(
  db: Db,
  actor: Actor,
  id: string,
  patch: TFrameworkMetaPatch,
): Promise<void> {
  await editDocument(db, actor, id, 'update', (doc) => {
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, doc[k as keyof typeof doc]]));
    return { document: { ...doc, ...patch }, before, after: patch };
  });
}
