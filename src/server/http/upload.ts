import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/shared/app-error';
import { maxSizeText } from '../files/file-size';

/** The query of an import: only a check unless the caller asks to write (`dryRun=false`). */
export const ZDryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });

/**
 * The one file of a multipart upload, in memory. `what` names the expected file in the refusal of a
 * request that is not multipart ("tệp Excel (.xlsx)").
 */
export async function readUploadedFile(
  req: FastifyRequest,
  what = 'tệp Excel (.xlsx)',
): Promise<{ data: Buffer; filename: string }> {
  if (!req.isMultipart()) throw new AppError('unsupported_file_type', `Hãy gửi ${what} trong trường "file"`);
  const file = await req.file();
  if (!file) throw new AppError('validation_failed', 'Chưa chọn tệp');
  const data = await file.toBuffer();
  if (file.file.truncated) throw new AppError('file_too_large', `Tệp quá lớn (${maxSizeText()})`);
  return { data, filename: file.filename };
}
