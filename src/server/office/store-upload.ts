import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { cleanText } from '../../core/shared/text';
import type { Db } from '../db/client';
import { practiceFiles } from '../db/schema';
import { fileRow } from './sandbox-files';
import { assertPracticeOpen, loadSandbox } from './sandbox-store';

/** Mail attachments the candidate uploads: enough for any task, small enough for a hall of PCs. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_UPLOADS = 50;

export interface StoredUpload {
  /** What a compose action names as `{ upload: { ref } }`. */
  ref: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * Stores a file the candidate uploads to attach to a mail. It joins the sandbox when a mail names it;
 * its SHA-256 lets a re-uploaded seed attachment count as the same file.
 */
export async function storeUpload(
  db: Db,
  input: { attemptId: string; fileName: string; mediaType: string; data: Uint8Array; now: Date },
): Promise<StoredUpload> {
  const record = await loadSandbox(db, input.attemptId);
  assertPracticeOpen(record, input.now);
  const fileName = cleanText(input.fileName).replace(/[/\\]/g, '_').slice(0, 200);
  if (!fileName) throw new AppError('validation_failed', 'Tệp tải lên thiếu tên');
  if (input.data.length === 0) throw new AppError('validation_failed', 'Tệp tải lên không có nội dung');
  if (input.data.length > MAX_UPLOAD_BYTES) {
    throw new AppError('file_too_large', 'Tệp đính kèm không được lớn hơn 10 MB');
  }
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(practiceFiles)
    .where(and(eq(practiceFiles.attemptId, input.attemptId), eq(practiceFiles.kind, 'upload')));
  if (Number(count) >= MAX_UPLOADS) {
    throw new AppError('validation_failed', `Bài thực hành chỉ được tải lên tối đa ${MAX_UPLOADS} tệp`);
  }
  const id = randomUUID();
  const mediaType = input.mediaType.trim().toLowerCase() || 'application/octet-stream';
  const row = fileRow({
    id,
    attemptId: input.attemptId,
    key: id,
    kind: 'upload',
    filename: fileName,
    mime: mediaType,
    data: input.data,
    createdAt: input.now,
  });
  await db.insert(practiceFiles).values(row);
  return { ref: id, fileName, mediaType, size: row.size!, sha256: row.sha256! };
}
