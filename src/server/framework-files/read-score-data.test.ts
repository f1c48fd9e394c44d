import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/shared/app-error';
import { parseCsv } from './csv';
import type { FileIssue } from './file-issues';
import { parseLooseNumber } from './file-issues';
import { detectDataKind, readScoreData } from './read-score-data';
import { readShippedSets } from './shipped-sets';

const so = readShippedSets().find(
  (s) => s.document.code === 'cantho-so' && s.document.year === 2022,
)!.document;
const HEAD = 'unit_code,unit_name,level,group,indicator,field,value,reason';

async function issuesOf(p: Promise<unknown>): Promise<FileIssue[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('import_invalid');
    return (e as AppError).details as FileIssue[];
  }
  throw new Error('accepted');
}

describe('scoring data files', () => {
  it('reads the CSV long form, converting each field to what its rule expects', async () => {
    const csv = [
      HEAD,
      'SO-A,Sở A,so,1,1.1.2,a,"7,5",',
      'SO-A,Sở A,so,1,1.1.2,b,10,',
      'SO-A,Sở A,so,1,1.1.3,yes,Có,',
      'SO-A,Sở A,so,1,1.1.1,option,pho,',
      'SO-A,Sở A,so,1,1.5.1,,KHONG_AP_DUNG,Không quản lý hệ thống thông tin',
    ].join('\r\n');
    const [unit] = await readScoreData(so, Buffer.from(csv));
    expect(unit).toMatchObject({ unitId: 'SO-A', name: 'Sở A', level: 'so', group: 1 });
    expect(unit!.inputs).toEqual({
      '1.1.2': { a: 7.5, b: 10 },
      '1.1.3': { yes: true },
      '1.1.1': { option: 'pho' },
      '1.5.1': { notApplicable: true, reason: 'Không quản lý hệ thống thông tin' },
    });
  });

  it('refuses a file with bad rows, listing every one, and scores nothing', async () => {
    const csv = [
      HEAD,
      'SO-A,Sở A,so,1,9.9.9,value,1,',
      'SO-A,Sở A,so,1,1.1.2,a,nhiều,',
      'SO-A,Sở A,so,1,1.1.2,c,1,',
      'SO-A,Sở A,so,1,1.1.3,,KHONG_AP_DUNG,lý do',
      'SO-A,Sở A,so,1,1.1.1,option,giam_doc_so,',
      'SO-B,Sở B,so,7,1.1.3,yes,Có,',
      'SO-A,Sở A,so,1,2.1.1,value,-3,',
    ].join('\n');
    const issues = await issuesOf(readScoreData(so, Buffer.from(csv)));
    const rows = issues.map((i) => i.row).sort((a, b) => a - b);
    expect(rows).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const text = issues.map((i) => `${i.row}:${i.column}:${i.message}`).join('\n');
    expect(text).toMatch(/2:value:Chỉ số "9\.9\.9" không có/);
    expect(text).toMatch(/3:value:.*không phải số/);
    expect(text).toMatch(/4:value:.*không có trường "c"/);
    expect(text).toMatch(/5:value:.*không được khai báo "không áp dụng"/);
    expect(text).toMatch(/6:value:.*"giam_doc_so" không có trong danh sách/);
    expect(text).toMatch(/7:unit_code:.*ghi nhóm/);
    expect(text).toMatch(/8:value:.*không được âm/);
  });

  it('reads the JSON form and the XLSX long form the same way', async () => {
    const json = {
      units: [
        {
          code: 'SO-A',
          name: 'Sở A',
          level: 'so',
          group: 2,
          inputs: { '1.1.2': { a: 3, b: 4 }, '1.5.1': { notApplicable: true, reason: 'Không có hệ thống' } },
        },
      ],
    };
    const fromJson = await readScoreData(so, Buffer.from(JSON.stringify(json)));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(HEAD.split(','));
    ws.addRow(['SO-A', 'Sở A', 'so', 2, '1.1.2', 'a', 3]);
    ws.addRow(['SO-A', 'Sở A', 'so', 2, '1.1.2', 'b', 4]);
    ws.addRow(['SO-A', 'Sở A', 'so', 2, '1.5.1', '', 'KHONG_AP_DUNG', 'Không có hệ thống']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(detectDataKind(xlsx)).toBe('xlsx');
    expect(await readScoreData(so, xlsx)).toEqual(fromJson);
    expect(fromJson[0]!.group).toBe(2);
  });

  it('reads provinces for the national set: level "tinh" or the word "tỉnh"; other levels are refused', async () => {
    const national = readShippedSets().find((s) => s.document.code === 'dti-tinh')!.document;
    const csv = [
      HEAD,
      'CT,Cần Thơ,tinh,,1.1,value,4,',
      'DN,Đà Nẵng,Tỉnh,,1.2,a,3,',
      'DN,Đà Nẵng,Tỉnh,,1.2,b,4,',
      'HG,Hậu Giang,,,1.1,value,1,',
    ].join('\n');
    const units = await readScoreData(national, Buffer.from(csv));
    expect(units.map((u) => [u.unitId, u.level, u.group])).toEqual([
      ['CT', 'tinh', null],
      ['DN', 'tinh', null],
      ['HG', 'tinh', null],
    ]);
    expect(units[1]!.inputs).toEqual({ '1.2': { a: 3, b: 4 } });
    const wrong = [HEAD, 'SO-A,Sở A,so,,1.1,value,4,', 'X,Nơi khác,toan_quoc,,1.1,value,4,'].join('\n');
    const issues = await issuesOf(readScoreData(national, Buffer.from(wrong)));
    expect(issues.map((i) => `${i.row}:${i.message}`)).toEqual([
      '2:Đơn vị cấp so không thuộc bộ chỉ số cấp tinh',
      '3:Cấp "toan_quoc" không hợp lệ (tinh, so, huyen, xa)',
    ]);
  });

  it('locates JSON problems by path', async () => {
    const json = { units: [{ code: 'SO-A', level: 'xa', group: 1, inputs: { '1.1.3': { yes: 'có lẽ' } } }] };
    const issues = await issuesOf(readScoreData(so, Buffer.from(JSON.stringify(json))));
    expect(issues.map((i) => i.column).sort()).toEqual(['units[0].code', 'units[0].inputs.1.1.3.yes']);
  });

  it('parses quoted CSV fields and the semicolon dialect', () => {
    expect(parseCsv('a;b\n"x;1";"say ""hi""\nthere"')).toEqual({
      rows: [
        ['a', 'b'],
        ['x;1', 'say "hi"\nthere'],
      ],
    });
    expect(parseCsv('a,b\n"open,1')).toEqual({ error: 'Ô mở ngoặc kép mà không đóng', row: 2 });
  });

  it('reads numbers the way a Vietnamese official writes them, refusing ambiguous ones', () => {
    expect(parseLooseNumber('2,5')).toBe(2.5);
    expect(parseLooseNumber('0.125')).toBe(0.125);
    expect(parseLooseNumber(' 40 ')).toBe(40);
    expect(parseLooseNumber('1.000')).toBeNull();
    expect(parseLooseNumber('1.000.000')).toBeNull();
    expect(parseLooseNumber('mười')).toBeNull();
  });
});
