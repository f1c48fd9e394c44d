import { cloneForYear } from '../../core/framework/versions';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { insertVersion } from './create-version';
import { getFrameworkRow } from './framework-repo';

/**
 * Copies a version (locked or not) as the next version of its set for a year; the copy starts unlocked
 * and remembers its origin, so that renames made afterwards are recorded against it.
 */
export async function cloneFrameworkVersion(db: Db, actor: Actor, id: string, year: number): Promise<string> {
  const source = await getFrameworkRow(db, id);
  return insertVersion(db, actor, cloneForYear(source.document, year), { basedOnId: id, action: 'clone' });
}
