import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/shared/app-error';
import type { FileIssue } from './file-issues';
import { COLUMNS, NODE_SHEET, readFrameworkWorkbook, writeFrameworkWorkbook } from './framework-excel';
import { INFO_SHEET } from './info-sheet';
import { readShippedSets } from './shipped-sets';

const col = (header: string) => COLUMNS.findIndex((c) => c.header === header) + 1;

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Row of a node in the indicator sheet (title row, header row, then pre-order). */
function rowOfCode(wb: ExcelJS.Workbook, code: string): ExcelJS.Row {
  const ws = wb.getWorksheet(NODE_SHEET)!;
  for (let r = 3; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(col('Mã')).value === code) return ws.getRow(r);
  throw new Error(`no row ${code}`);
}

async function importIssues(buffer: Buffer): Promise<FileIssue[]> {
  try {
    await readFrameworkWorkbook(buffer);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('import_invalid');
    return (e as AppError).details as FileIssue[];
  }
  throw new Error('the workbook was accepted');
}

const shipped = readShippedSets();

describe('index-set workbook', () => {
  it.each(shipped.map((s) => [s.file, s.document] as const))(
    '%s survives JSON → Excel → JSON unchanged',
    async (_f, doc) => {
      const back = await readFrameworkWorkbook(await writeFrameworkWorkbook(doc));
      expect(back).toEqual(doc);
    },
  );

  it('writes the official columns first, then the technical ones, with a frozen header', async () => {
    const doc = shipped.find((s) => s.document.code === 'cantho-so')!.document;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeFrameworkWorkbook(doc)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(NODE_SHEET)!;
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers.slice(0, 7)).toEqual([
      'STT',
      'Chỉ số / chỉ số thành phần',
      'Điểm tối đa',
      'Cách xác định và tính điểm',
      'Tài liệu kiểm chứng',
      'Nguồn thu thập dữ liệu',
      'Đơn vị phối hợp xác minh số liệu',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rowOfCode(wb, '1').font?.bold).toBe(true);
    expect(rowOfCode(wb, '1.6').getCell(col('Áp dụng cấp/nhóm')).value).toBe('Cấp: sở (so); Nhóm: 1, 2');
    expect(wb.getWorksheet(INFO_SHEET)).toBeDefined();
  });

  it('reads hand-written cells: codes alone, decimal commas, Vietnamese labels', async () => {
    const doc = shipped.find((s) => s.document.code === 'cantho-xa' && s.document.year === 2022)!.document;
    const buffer = await edit(await writeFrameworkWorkbook(doc), (wb) => {
      const row = rowOfCode(wb, '1.1.2');
      row.getCell(col('Loại quy tắc')).value = 'count';
      row.getCell(col('Loại nút')).value = 'chi so thanh phan';
      row.getCell(col('Tham số')).value = '{"cap": 4, "pointsEach": 2.5}';
      row.getCell(col('Điểm tối đa')).value = '10,0';
    });
    const back = await readFrameworkWorkbook(buffer);
    const node = back.nodes[0]!.children![0]!.children![1]!;
    expect(node).toMatchObject({ code: '1.1.2', kind: 'component', maxPoints: 10 });
    expect(node.rule).toEqual({ type: 'count', cap: 4, pointsEach: 2.5 });
  });

  it('writes and reads the province level: "Cấp: tỉnh (tinh)", the word alone or the code alone', async () => {
    const doc = structuredClone(shipped.find((s) => s.document.code === 'dti-tinh')!.document);
    expect(doc.level).toBe('tinh');
    doc.nodes[0]!.children![0]!.applicability = { levels: ['tinh', 'so'] };
    const written = await writeFrameworkWorkbook(doc);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written as unknown as ArrayBuffer);
    expect(rowOfCode(wb, '1.1').getCell(col('Áp dụng cấp/nhóm')).value).toBe('Cấp: tỉnh (tinh), sở (so)');
    const levelCell: string[] = [];
    wb.getWorksheet(INFO_SHEET)!.eachRow((row) => {
      if (row.getCell(1).value === 'Cấp đơn vị') levelCell.push(String(row.getCell(2).value));
    });
    expect(levelCell).toEqual(['Tỉnh, thành phố trực thuộc trung ương (tinh)']);
    expect(await readFrameworkWorkbook(written)).toEqual(doc);

    const handWritten = await edit(written, (w) => {
      rowOfCode(w, '1.1').getCell(col('Áp dụng cấp/nhóm')).value = 'Cấp: Tỉnh';
      w.getWorksheet(INFO_SHEET)!.eachRow((row) => {
        if (row.getCell(1).value === 'Cấp đơn vị') row.getCell(2).value = 'tinh';
      });
    });
    const back = await readFrameworkWorkbook(handWritten);
    expect(back.level).toBe('tinh');
    expect(back.nodes[0]!.children![0]!.applicability).toEqual({ levels: ['tinh'] });
  });

  it('refuses a workbook with errors, listing every one with sheet, row and column', async () => {
    const doc = shipped.find((s) => s.document.code === 'cantho-huyen')!.document;
    const buffer = await edit(await writeFrameworkWorkbook(doc), (wb) => {
      rowOfCode(wb, '1.1.1').getCell(col('Loại quy tắc')).value = 'bậc lũy tiến';
      rowOfCode(wb, '1.1.2').getCell(col('Tham số')).value = '{whenDenominatorZero: zero}';
      rowOfCode(wb, '1.1.3').getCell(col('Điểm tối đa')).value = 'mười lăm';
      rowOfCode(wb, '1.2.1').getCell(col('Mã')).value = '1.2.2';
      rowOfCode(wb, '1.3.1').getCell(col('Tham số')).value = '{"whenDenominatorZero":"zero","target":-1}';
    });
    const issues = await importIssues(buffer);
    const at = (row: ExcelJS.Row | number, column: string) =>
      issues.find((i) => i.sheet === NODE_SHEET && i.row === row && i.column === column);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const n = (code: string) => rowOfCode(wb, code).number;
    expect(at(n('1.1.1'), 'Loại quy tắc')?.message).toMatch(/không có; dùng một trong/);
    expect(at(n('1.1.2'), 'Tham số')?.message).toMatch(/JSON/);
    expect(at(n('1.1.3'), 'Điểm tối đa')?.message).toMatch(/không phải số/);
    expect(issues.find((i) => i.column === 'Mã' && /bị trùng/.test(i.message))?.row).toBe(n('1.2.3') - 1);
    expect(at(n('1.3.1'), 'Tham số')?.message).toMatch(/số dương/);
    expect(issues).toHaveLength(5);
  });

  it('refuses children that do not add up to their parent, at the parent row', async () => {
    const doc = shipped.find((s) => s.document.code === 'cantho-xa' && s.document.year === 2022)!.document;
    const buffer = await edit(await writeFrameworkWorkbook(doc), (wb) => {
      rowOfCode(wb, '1.3.2').getCell(col('Điểm tối đa')).value = 7;
    });
    const issues = await importIssues(buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const parentRow = rowOfCode(wb, '1.3').number;
    expect(issues.some((i) => i.row === parentRow && /27.*vượt điểm tối đa 25/.test(i.message))).toBe(true);
  });

  it('refuses a broken "Thông tin" sheet field by field', async () => {
    const doc = shipped[0]!.document;
    const buffer = await edit(await writeFrameworkWorkbook(doc), (wb) => {
      const ws = wb.getWorksheet(INFO_SHEET)!;
      ws.eachRow((row) => {
        const key = row.getCell(1).value;
        if (key === 'Năm đánh giá') row.getCell(2).value = 'hai nghìn';
        if (key === 'Cấp đơn vị') row.getCell(2).value = 'toàn quốc';
      });
      ws.addRow(['Màu sắc', 'đỏ']);
    });
    const issues = await importIssues(buffer);
    expect(issues.map((i) => i.sheet)).toEqual([INFO_SHEET, INFO_SHEET, INFO_SHEET]);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/Màu sắc[\s\S]*Năm đánh giá[\s\S]*toàn quốc/);
  });

  it('judges the file type by content and caps the size', async () => {
    await expect(readFrameworkWorkbook(Buffer.from('STT,Mã\n1,1'))).rejects.toMatchObject({
      code: 'unsupported_file_type',
    });
    await expect(readFrameworkWorkbook(Buffer.alloc(11 * 1024 * 1024))).rejects.toMatchObject({
      code: 'file_too_large',
    });
  });
});
