import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/shared/app-error';
import {
  BILLION_LAUGHS_DTD,
  EXTERNAL_ENTITY_DTD,
  entityXlsx,
  manyMembersXlsx,
  member,
  minimalXlsx,
  plainXlsx,
  SHEET_FOOT,
  SHEET_HEAD,
  SHEET_PATH,
  sheetXml,
  truncated,
  zipBombXlsx,
  zipFile,
} from '../testing/hostile-files';
import { cellText, loadWorkbook } from './workbook';
import { assertSafeZip, ZIP_LIMITS } from './zip-guard';

const MB = 1024 * 1024;
const WHAT = 'tệp Excel (.xlsx)';

/** The AppError the guard throws, or null when it lets the file through. */
async function refusal(data: Buffer, limits = ZIP_LIMITS): Promise<AppError | null> {
  try {
    await assertSafeZip(data, WHAT, limits);
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

/** The highest resident memory seen while `work` runs, above what it was before. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } catch {
    // the refusal is checked by the caller
  }
  clearInterval(timer);
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('ZIP guard of uploaded workbooks', () => {
  it('lets ordinary workbooks through, as ExcelJS writes them and in ZIP64 form', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Đơn vị').addRow(['Mã', 'Tên đơn vị']);
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await refusal(written)).toBeNull();
    expect(cellText((await loadWorkbook(written)).worksheets[0]!.getCell('B1').value)).toBe('Tên đơn vị');

    // The streaming writer (used for exports people re-import) writes sizes after the data.
    const chunks: Buffer[] = [];
    const sink = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
    const streamed = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink });
    streamed.addWorksheet('Thí sinh').addRow(['Họ và tên']).commit();
    await streamed.commit();
    expect(await refusal(Buffer.concat(chunks))).toBeNull();

    const plain = plainXlsx([['Phường <An> Bình']]);
    for (const data of [plain, zipFile(unzipMembers(plain), { zip64: true })]) {
      expect(await refusal(data)).toBeNull();
      expect(cellText((await loadWorkbook(data)).worksheets[0]!.getCell('A1').value)).toBe(
        'Phường <An> Bình',
      );
    }
  });

  it('refuses a bomb by its declared size before inflating anything', async () => {
    const bomb = zipBombXlsx(600 * MB);
    expect(bomb.length).toBeLessThan(1 * MB);
    let error: AppError | null = null;
    const growth = await peakGrowth(async () => {
      error = await refusal(bomb);
    });
    expect(error).toMatchObject({ code: 'file_too_large' });
    expect(String(error!.message)).toMatch(/giải nén quá lớn \(60\d MB, tối đa 50 MB\)/);
    expect(growth).toBeLessThan(100 * MB);
  });

  it('refuses a member that inflates absurdly even when the total stays under the limit', async () => {
    const error = await refusal(zipBombXlsx(20 * MB));
    expect(error).toMatchObject({ code: 'unsupported_file_type' });
    expect(error!.message).toMatch(/phần "xl\/worksheets\/sheet1\.xml" phình \d+ lần/);
  });

  it('refuses a member that produces more than it declared, keeping memory flat', async () => {
    for (const declared of [1000, 40 * MB]) {
      const bomb = zipBombXlsx(600 * MB, declared);
      let error: AppError | null = null;
      const started = Date.now();
      const growth = await peakGrowth(async () => {
        error = await refusal(bomb);
      });
      expect(error, `declared ${declared}`).toMatchObject({ code: 'unsupported_file_type' });
      expect(String(error!.message)).toMatch(/kích thước khai báo .* không khớp nội dung/);
      expect(growth).toBeLessThan(100 * MB);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it('refuses an archive of too many members from its end record', async () => {
    expect(await refusal(manyMembersXlsx(20), { ...ZIP_LIMITS, maxEntries: 30 })).toBeNull();
    const error = await refusal(manyMembersXlsx(40), { ...ZIP_LIMITS, maxEntries: 30 });
    expect(error).toMatchObject({ code: 'unsupported_file_type' });
    expect(error!.message).toMatch(/quá nhiều thành phần \(45, tối đa 30\)/);
  });

  it.each([
    ['billion laughs', BILLION_LAUGHS_DTD, '&lol9;'],
    ['an external entity', EXTERNAL_ENTITY_DTD, '&xxe;'],
    ['an unused declaration', '<!ENTITY a "b">', 'chữ'],
  ])('refuses a sheet declaring %s', async (_name, dtd, reference) => {
    const error = await refusal(entityXlsx(dtd, reference));
    expect(error).toMatchObject({ code: 'unsupported_file_type' });
    expect(error!.message).toMatch(/"xl\/worksheets\/sheet1\.xml" khai báo DOCTYPE\/ENTITY/);
  });

  it('finds a declaration split across inflated chunks and in a stored member', async () => {
    // The inflater hands out 64 KiB chunks: put the marker across the first boundary.
    const filler = `<!--${'x'.repeat(64 * 1024 - 4 - SHEET_HEAD.indexOf('<worksheet') - 4)}-->`;
    const head = SHEET_HEAD.replace('<worksheet', `${filler}<!DOCTYPE worksheet><worksheet`);
    expect(head.indexOf('<!DOCTYPE')).toBeLessThan(64 * 1024);
    expect(head.indexOf('<!DOCTYPE') + 9).toBeGreaterThan(64 * 1024);
    const split = minimalXlsx(member(SHEET_PATH, `${head}x${SHEET_FOOT}`));
    expect((await refusal(split))?.message).toMatch(/DOCTYPE/);
    const stored = minimalXlsx(member(SHEET_PATH, sheetXml([['x']], '<!DOCTYPE worksheet>'), true));
    expect((await refusal(stored))?.message).toMatch(/DOCTYPE/);
  });

  it('refuses broken containers as unreadable', async () => {
    const good = plainXlsx([['Mã'], ['SO-01']]);
    const flagged = Buffer.from(good);
    // Set the "encrypted" bit of the first central header.
    flagged.writeUInt16LE(1, flagged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    // 0xff opens a deflate block of the reserved type.
    const brokenDeflate = Buffer.from(good);
    const firstData = 30 + good.readUInt16LE(26);
    brokenDeflate.fill(0xff, firstData, firstData + 8);
    for (const [name, data] of [
      ['truncated', truncated(good)],
      ['end record only', good.subarray(good.length - 22)],
      ['encrypted member', flagged],
      ['corrupt deflate data', brokenDeflate],
    ] as [string, Buffer][]) {
      const error = await refusal(data);
      expect(error, name).toMatchObject({ code: 'unsupported_file_type' });
      expect(error!.message, name).toBe('Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng');
    }
  });

  it('lets loadWorkbook refuse the bomb before ExcelJS sees it', async () => {
    await expect(loadWorkbook(zipBombXlsx(600 * MB))).rejects.toMatchObject({ code: 'file_too_large' });
    await expect(loadWorkbook(entityXlsx(BILLION_LAUGHS_DTD, '&lol9;'))).rejects.toMatchObject({
      code: 'unsupported_file_type',
    });
  });

  it('relies on ExcelJS never expanding entities either (its XML parser refuses undefined ones)', async () => {
    const wb = new ExcelJS.Workbook();
    await expect(
      wb.xlsx.load(entityXlsx(BILLION_LAUGHS_DTD, '&lol9;') as unknown as ArrayBuffer),
    ).rejects.toThrow(/undefined entity/);
    await expect(
      new ExcelJS.Workbook().xlsx.load(entityXlsx(EXTERNAL_ENTITY_DTD, '&xxe;') as unknown as ArrayBuffer),
    ).rejects.toThrow(/undefined entity/);
  });
});

/** The members of a ZIP file written by `zipFile` or ExcelJS, re-read for rewriting. */
function unzipMembers(data: Buffer) {
  const members = [];
  let p = 0;
  while (data.readUInt32LE(p) === 0x04034b50) {
    const method = data.readUInt16LE(p + 8) as 0 | 8;
    const crc = data.readUInt32LE(p + 14);
    const compressed = data.readUInt32LE(p + 18);
    const size = data.readUInt32LE(p + 22);
    const nameLength = data.readUInt16LE(p + 26);
    const extraLength = data.readUInt16LE(p + 28);
    const name = data.toString('utf8', p + 30, p + 30 + nameLength);
    const start = p + 30 + nameLength + extraLength;
    members.push({ name, method, crc, size, body: data.subarray(start, start + compressed) });
    p = start + compressed;
  }
  return members;
}
