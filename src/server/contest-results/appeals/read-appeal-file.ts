import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/shared/app-error';
import type { Db } from '../../db/client';
import { contestAppeals, practiceFiles } from '../../db/schema';

/**
 * One stored revision of a file of the appeal's practice sandbox (any kind: seed, upload, signed,
 * issued), for the organiser. A file of another attempt is never found through this appeal.
 */
export async function readAppealFile(db: Db, appealId: string, fileId: string) {
  const [appeal] = await db
    .select({ attemptId: contestAppeals.attemptId })
    .from(contestAppeals)
    .where(eq(contestAppeals.id, appealId));
  if (!appeal?.attemptId) throw new AppError('not_found', 'Không tìm thấy tệp');
  const [file] = await db
    .select({ filename: practiceFiles.filename, mime: practiceFiles.mime, data: practiceFiles.data })
    .from(practiceFiles)
    .where(and(eq(practiceFiles.id, fileId), eq(practiceFiles.attemptId, appeal.attemptId)));
  if (!file) throw new AppError('not_found', 'Không tìm thấy tệp');
  return file;
}
