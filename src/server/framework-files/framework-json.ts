import type { Framework } from '../../core/framework/model';
import { checkDocument } from './check-document';
import { assertFileSize, type FileIssue, fileInvalid } from './file-issues';

/** Parses JSON text, turning a syntax error into a located issue (line and column). */
export function parseJsonText(text: string, sheet: string): { value: unknown } | { issue: FileIssue } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message)?.[1];
    let row = 0;
    let column = '';
    if (pos !== undefined) {
      const before = text.slice(0, Number(pos)).split('\n');
      row = before.length;
      column = `ký tự ${before[before.length - 1]!.length + 1}`;
    }
    return { issue: { sheet, row, column, message: 'Tệp không phải JSON hợp lệ' } };
  }
}

/** Reads an index-set JSON document (formatVersion 1); refuses it whole, listing every problem. */
export function readFrameworkJson(data: Buffer | string): Framework {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  assertFileSize(buffer, 'Tệp JSON');
  const parsed = parseJsonText(buffer.toString('utf8'), 'JSON');
  if ('issue' in parsed) throw fileInvalid('Tệp bộ chỉ số', [parsed.issue]);
  const checked = checkDocument(parsed.value, (path, field) => ({
    sheet: 'JSON',
    row: 0,
    column:
      path.startsWith('$') || path === '' ? path.slice(1) : `chỉ số ${path}${field ? ` → ${field}` : ''}`,
  }));
  if (!checked.ok) throw fileInvalid('Tệp bộ chỉ số', checked.issues);
  return checked.doc;
}
