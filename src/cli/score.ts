import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/shared/app-error';
import { describeIssue, type FileIssue, MAX_FILE_BYTES } from '../server/framework-files/file-issues';
import { readFrameworkJson } from '../server/framework-files/framework-json';
import { readScoreData } from '../server/framework-files/read-score-data';
import {
  buildScoreReport,
  formatReportTable,
  writeScoreWorkbook,
} from '../server/framework-files/score-report';

export const SCORE_HELP = `thuocdo score --framework F.json --data D.(json|csv|xlsx) [--out R.(json|xlsx)]

Chấm điểm các đơn vị theo một bộ chỉ số, không cần máy chủ hay CSDL.
  --framework  tệp bộ chỉ số JSON (docs/formats/framework.md)
  --data       tệp số liệu JSON, CSV hoặc XLSX (docs/formats/score-data.md)
  --out        ghi kết quả ra tệp .json hoặc .xlsx (tùy chọn)`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleIo: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) };

/** `thuocdo score`: returns the exit code (0 ok, 1 bad input, 2 bad arguments). */
export async function runScore(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let values: { framework?: string; data?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        framework: { type: 'string', short: 'f' },
        data: { type: 'string', short: 'd' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.err(`Tham số không hợp lệ: ${e instanceof Error ? e.message : String(e)}\n\n${SCORE_HELP}`);
    return 2;
  }
  if (values.help) {
    io.out(SCORE_HELP);
    return 0;
  }
  if (!values.framework || !values.data) {
    io.err(`Thiếu --framework hoặc --data.\n\n${SCORE_HELP}`);
    return 2;
  }
  const outKind = values.out ? extname(values.out).toLowerCase() : '';
  if (values.out && outKind !== '.json' && outKind !== '.xlsx') {
    io.err(`Tệp kết quả phải có đuôi .json hoặc .xlsx: ${values.out}`);
    return 2;
  }
  try {
    const framework = readFrameworkJson(await readInput(values.framework, 'bộ chỉ số'));
    const units = await readScoreData(framework, await readInput(values.data, 'số liệu'));
    if (units.length === 0) {
      io.err('Tệp số liệu không có đơn vị nào.');
      return 1;
    }
    const report = buildScoreReport(framework, units);
    io.out(formatReportTable(report, framework));
    for (const u of report.units) for (const m of u.issues) io.err(`Lưu ý: ${u.code}: ${m}`);
    if (values.out) {
      const body =
        outKind === '.json'
          ? Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8')
          : await writeScoreWorkbook(report, framework);
      await writeFile(values.out, body);
      io.out(`Đã ghi kết quả: ${values.out}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(e.message);
      const details = Array.isArray(e.details) ? (e.details as FileIssue[]) : [];
      for (const d of details)
        if (d && typeof d === 'object' && 'message' in d) io.err(`  - ${describeIssue(d)}`);
      return 1;
    }
    throw e;
  }
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) {
      throw new AppError(
        'file_too_large',
        `Tệp ${what} "${path}" quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
      );
    }
    return await readFile(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là thư mục' : 'không đọc được';
    throw new AppError('validation_failed', `Tệp ${what} "${path}": ${why}`);
  }
}
