import { readdirSync, readFileSync } from 'node:fs';
import type { Framework } from '../../core/framework/model';

export const SHIPPED_DIR = new URL('../../../templates/frameworks/', import.meta.url);

/** The shipped index-set documents as stored (no checks: the tests and loaders check them). */
export function readShippedSets(dir: URL = SHIPPED_DIR): { file: string; document: Framework }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, document: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Framework }));
}
