import type { TFrameworkImportResult } from '../../contracts/frameworks';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { readFrameworkWorkbook } from '../framework-files/framework-excel';
import { checkFramework } from './check-framework';
import { insertVersion } from './create-version';
import { getFrameworkRow, nextVersionNo } from './framework-repo';
import { countNodes, totalMax } from './node-tree';

/**
 * Imports a workbook as the next version of its set, all or nothing: the reader lists every problem by
 * sheet, row and column and nothing is stored; a dry run only reads, checks and describes the result.
 */
export async function importFrameworkWorkbook(
  db: Db,
  actor: Actor,
  data: Buffer,
  dryRun: boolean,
): Promise<TFrameworkImportResult> {
  const doc = await readFrameworkWorkbook(data);
  const summary = {
    code: doc.code,
    name: doc.name,
    year: doc.year,
    level: doc.level,
    nodeCount: countNodes(doc),
    totalMax: totalMax(doc),
    warnings: checkFramework(doc).warnings,
  };
  if (dryRun) return { dryRun, id: null, versionNo: await nextVersionNo(db, doc.code, doc.year), ...summary };
  const id = await insertVersion(db, actor, doc, { action: 'import' });
  const { versionNo } = await getFrameworkRow(db, id);
  return { dryRun, id, versionNo, ...summary };
}
