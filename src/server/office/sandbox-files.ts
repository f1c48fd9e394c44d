import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { practiceFiles } from '../db/schema';
import type { DocumentLayout } from './render-document-pdf';

export type PracticeFileRow = typeof practiceFiles.$inferSelect;
export type NewPracticeFile = typeof practiceFiles.$inferInsert;

/** Hex SHA-256, as the core compares an upload with a seed file. */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A row to insert for these bytes, with their size and hash. */
export function fileRow(
  input: Omit<NewPracticeFile, 'size' | 'sha256' | 'data'> & { data: Uint8Array },
): NewPracticeFile {
  const data = Buffer.from(input.data);
  return { ...input, data, size: data.length, sha256: sha256Hex(data) };
}

/** The newest revision of a sandbox file of this attempt (another attempt's files are never found). */
export async function latestRevision(
  db: Db,
  attemptId: string,
  key: string,
): Promise<PracticeFileRow | null> {
  const [row] = await db
    .select()
    .from(practiceFiles)
    .where(and(eq(practiceFiles.attemptId, attemptId), eq(practiceFiles.key, key)))
    .orderBy(desc(practiceFiles.revision))
    .limit(1);
  return row ?? null;
}

/** A document's layout as stored with its rendering. */
export const layoutOf = (row: PracticeFileRow): DocumentLayout | null =>
  (row.layout as DocumentLayout | null) ?? null;
