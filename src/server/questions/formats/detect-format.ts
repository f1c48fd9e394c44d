import type { TImportFormat } from '../../../contracts/questions';
import { AppError } from '../../../core/shared/app-error';
import { isZipFile } from '../../files/workbook';
import { parseAiken } from './aiken';
import { parseQuestionWorkbook } from './excel';
import { parseGift } from './gift';
import { parseMoodleXml } from './moodle-xml';
import { decodeText, MAX_TEXT_BYTES, type ParseResult } from './parsed-question';

type ImportFormat = TImportFormat;

const NAMES: Record<ImportFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  aiken: 'Aiken (.txt)',
  gift: 'GIFT (.txt)',
  moodle_xml: 'Moodle XML (.xml)',
};

/** The format of a text file, judged by what it holds. */
function textFormat(text: string): ImportFormat | null {
  const head = text.trimStart();
  if (head.startsWith('<')) return 'moodle_xml';
  const lines = text.split('\n').map((l) => l.trim());
  if (lines.some((l) => /^ANSWER:/i.test(l)) && lines.some((l) => /^[A-Z][.)]\s/.test(l))) return 'aiken';
  if (/\{[^}]*\}/s.test(text) || lines.some((l) => l.startsWith('$CATEGORY:') || l.startsWith('::')))
    return 'gift';
  return null;
}

/**
 * Reads an uploaded question file. The format is decided from the content; a format the user chose
 * must agree with it, so a renamed or mistaken file is refused with a clear message.
 */
export async function readQuestionFile(
  data: Buffer,
  declared?: ImportFormat,
): Promise<{ format: ImportFormat } & ParseResult> {
  let format: ImportFormat | null;
  let text: string | null = null;
  if (isZipFile(data)) format = 'xlsx';
  else {
    if (data.length > MAX_TEXT_BYTES) {
      throw new AppError('file_too_large', `Tệp văn bản quá lớn (tối đa ${MAX_TEXT_BYTES / 1024 / 1024} MB)`);
    }
    text = decodeText(data);
    if (text === null) {
      throw new AppError(
        'unsupported_file_type',
        'Tệp không phải Excel (.xlsx) hay văn bản UTF-8 (Aiken, GIFT, XML)',
      );
    }
    format = textFormat(text);
  }
  if (!format) {
    throw new AppError(
      'unsupported_file_type',
      'Không nhận ra định dạng tệp: cần Excel, Aiken, GIFT hoặc Moodle XML',
    );
  }
  if (declared && declared !== format) {
    throw new AppError(
      'unsupported_file_type',
      `Tệp có nội dung dạng ${NAMES[format]}, không phải ${NAMES[declared]} như đã chọn`,
    );
  }
  if (format === 'xlsx') return { format, ...(await parseQuestionWorkbook(data)) };
  const body = text!;
  const parsed =
    format === 'moodle_xml' ? parseMoodleXml(body) : format === 'aiken' ? parseAiken(body) : parseGift(body);
  return { format, ...parsed };
}
