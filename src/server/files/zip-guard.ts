import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../core/shared/app-error';
import { readZipDirectory, TooManyEntries, type ZipEntry } from './zip-directory';

const MB = 1024 * 1024;

export interface ZipLimits {
  /** Members of the archive; a workbook has a few dozen. */
  maxEntries: number;
  /** All members inflated together. ExcelJS holds about ten times this in memory while reading. */
  maxTotalBytes: number;
  /** A member that inflates more than this many times its stored size… */
  maxRatio: number;
  /** …to at least this many bytes is a bomb, not a spreadsheet (ordinary sheet XML inflates 5–30×). */
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 50 * MB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
};

/** Parts that an XML parser reads: where entity declarations (billion laughs, external entities) hide. */
const XML_PART = /\.(xml|rels|vml)$/i;
const UNSAFE_MARKUP = [Buffer.from('<!DOCTYPE'), Buffer.from('<!ENTITY')];
/** Enough of the previous chunk to find a marker split across two chunks. */
const OVERLAP = 8;

const hasUnsafeMarkup = (b: Buffer) => UNSAFE_MARKUP.some((m) => b.includes(m));

const mb = (bytes: number) => `${Math.ceil(bytes / MB)} MB`;

/**
 * Refuses a ZIP container (an .xlsx file) that would exhaust memory or carry hostile XML, before any
 * library inflates it: too many members, too much declared content, an absurd compression ratio, sizes
 * that lie about the content, or a DOCTYPE/ENTITY declaration in an XML part. Declared sizes are only a
 * first filter: every member is then inflated as a stream, keeping nothing, and stopped as soon as it
 * produces more than it declared, so the real inflation is bounded by `maxTotalBytes` too.
 */
export async function assertSafeZip(data: Buffer, what: string, limits = ZIP_LIMITS): Promise<void> {
  const corrupt = () =>
    new AppError('unsupported_file_type', `Không đọc được ${what}: tệp hỏng hoặc sai định dạng`);
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(data, limits.maxEntries);
  } catch (e) {
    if (e instanceof TooManyEntries) {
      throw new AppError(
        'unsupported_file_type',
        `Không mở ${what}: tệp có quá nhiều thành phần (${e.count}, tối đa ${limits.maxEntries})`,
      );
    }
    throw corrupt();
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxTotalBytes) {
    throw new AppError(
      'file_too_large',
      `Không mở ${what}: nội dung khi giải nén quá lớn (${mb(declared)}, tối đa ${mb(limits.maxTotalBytes)})`,
    );
  }
  for (const e of entries) {
    if (e.size >= limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      throw new AppError(
        'unsupported_file_type',
        `Không mở ${what}: tệp nén bất thường (phần "${e.name}" phình ${ratio} lần khi giải nén)`,
      );
    }
    const encrypted = (e.flags & 1) !== 0;
    if (encrypted || (e.method !== 0 && e.method !== 8)) throw corrupt();
    if (e.method === 0 && e.compressedSize !== e.size) throw corrupt();
  }
  for (const e of entries) await checkMember(data, e, what, corrupt);
}

/** Inflates one member without keeping it, counting what it produces and looking for entity declarations. */
async function checkMember(data: Buffer, e: ZipEntry, what: string, corrupt: () => AppError): Promise<void> {
  const stored = data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  const scan = XML_PART.test(e.name);
  const unsafe = () =>
    new AppError(
      'unsupported_file_type',
      `Không mở ${what}: phần "${e.name}" khai báo DOCTYPE/ENTITY, điều mà bảng tính không bao giờ cần`,
    );
  const lying = () =>
    new AppError(
      'unsupported_file_type',
      `Không mở ${what}: kích thước khai báo của phần "${e.name}" không khớp nội dung (tệp hỏng hoặc bị làm giả)`,
    );
  if (e.method === 0) {
    if (scan && hasUnsafeMarkup(stored)) throw unsafe();
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(stored);
  let produced = 0;
  let tail = Buffer.alloc(0);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > e.size) throw lying();
      if (scan) {
        if (hasUnsafeMarkup(chunk) || hasUnsafeMarkup(Buffer.concat([tail, chunk.subarray(0, OVERLAP)])))
          throw unsafe();
        tail = Buffer.concat([tail, chunk.subarray(-OVERLAP)]).subarray(-OVERLAP);
      }
    }
  } catch (err) {
    inflater.destroy();
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
  if (produced !== e.size) throw lying();
}
