import type { TCreateFramework } from '../../contracts/frameworks';
import type { Framework } from '../../core/framework/model';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';
import { assertUniqueCodes } from './check-framework';
import { nextVersionNo } from './framework-repo';
import { countNodes } from './node-tree';

/** Stores a document as the next version of its set in its year; returns the new id. */
export async function insertVersion(
  db: Db,
  actor: Actor,
  document: Framework,
  opts: { basedOnId?: string | null; action: string },
): Promise<string> {
  assertUniqueCodes(document);
  return db.transaction(async (tx) => {
    const versionNo = await nextVersionNo(tx, document.code, document.year);
    const [row] = await tx
      .insert(frameworkVersions)
      .values({
        code: document.code,
        year: document.year,
        level: document.level,
        versionNo,
        name: document.name,
        document,
        basedOnId: opts.basedOnId ?? null,
        createdBy: actor.id,
      })
      .returning({ id: frameworkVersions.id });
    await recordAudit(tx, actor, {
      action: opts.action,
      entity: 'framework',
      entityId: row!.id,
      after: {
        code: document.code,
        year: document.year,
        level: document.level,
        versionNo,
        name: document.name,
        nodes: countNodes(document),
        basedOnId: opts.basedOnId ?? null,
      },
    });
    return row!.id;
  });
}

/** A new version from an uploaded JSON document, or an empty set from its metadata. */
export async function createFrameworkVersion(db: Db, actor: Actor, input: TCreateFramework): Promise<string> {
  const document: Framework =
    'document' in input ? input.document : { formatVersion: 1, ...input.meta, nodes: [] };
  return insertVersion(db, actor, document, { action: 'create' });
}
