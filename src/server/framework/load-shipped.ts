import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { ZFramework } from '../../contracts/frameworks';
import type { Framework } from '../../core/framework/model';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';
import { insertVersion } from './create-version';

const SHIPPED_DIR = new URL('../../../templates/frameworks/', import.meta.url);
const SYSTEM: Actor = { id: null, username: 'system', ip: null };

/** The index sets shipped in templates/frameworks/, checked against the document schema. */
export function readShippedFrameworks(dir: URL = SHIPPED_DIR): { file: string; document: Framework }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = ZFramework.safeParse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      if (!parsed.success) throw new Error(`templates/frameworks/${file}: ${parsed.error.message}`);
      return { file, document: parsed.data };
    });
}

/**
 * Loads each shipped set whose code and year are not in the database yet; running it again adds nothing.
 * Returns the number of versions created.
 */
export async function loadShippedFrameworks(db: Db, dir?: URL): Promise<number> {
  let created = 0;
  for (const { document } of readShippedFrameworks(dir)) {
    const [exists] = await db
      .select({ id: frameworkVersions.id })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.code, document.code), eq(frameworkVersions.year, document.year)))
      .limit(1);
    if (exists) continue;
    await insertVersion(db, SYSTEM, document, { action: 'load_shipped' });
    created++;
  }
  return created;
}
