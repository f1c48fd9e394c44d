import { AppError } from '../../core/shared/app-error';

/** The largest file any upload or import accepts (the multipart limit of the server is the same). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The cap as people read it: "tối đa 10 MB". */
export const maxSizeText = (maxBytes = MAX_FILE_BYTES) => `tối đa ${maxBytes / 1024 / 1024} MB`;

/** Refuses an oversized file before any parsing. */
export function assertFileSize(data: Buffer, what: string, maxBytes = MAX_FILE_BYTES): void {
  if (data.length > maxBytes)
    throw new AppError('file_too_large', `${what} quá lớn (${maxSizeText(maxBytes)})`);
}
