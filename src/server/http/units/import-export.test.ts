import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The columns of docs/formats/units-xlsx.md, by header text. */
const FIELD_OF_HEADER: Record<string, string> = {
  'Mã đơn vị': 'code',
  'Tên đơn vị': 'name',
  'Cấp (so/huyen/xa)': 'level',
  Loại: 'kind',
  'Nhóm (sở: 1/2/3)': 'group',
  'Mã đơn vị cấp trên': 'parentCode',
  'Hiệu lực từ (dd/mm/yyyy)': 'validFrom',
  'Hiệu lực đến (dd/mm/yyyy)': 'validTo',
  'Ghi chú': 'note',
};
type Cell = string | number | Date | null;
type Row = Record<string, Cell>;

async function readSheet(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.getWorksheet('Đơn vị')!.eachRow((row) => {
    rows.push((row.values as Cell[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

describe.each(dbKinds())('unit import and export (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let headers: string[];

  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const unitCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n);
  const importAudits = async () =>
    Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(eq(auditLog.action, 'import'))
      )[0]!.n,
    );

  /** A workbook with the template's header row (optionally without some columns) and the given rows. */
  async function workbook(rows: Row[], drop: string[] = []): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    const cols = headers.filter((h) => !drop.includes(FIELD_OF_HEADER[h]!));
    ws.addRow(cols);
    for (const r of rows) ws.addRow(cols.map((h) => r[FIELD_OF_HEADER[h]!] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function upload(data: Buffer, dryRun: boolean, filename = 'don-vi.xlsx', type = XLSX_MIME) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
    const body = new Response(form);
    const payload = Buffer.from(await body.arrayBuffer());
    return admin.request('POST', `/api/units/import?dryRun=${dryRun}`, payload, {
      'content-type': body.headers.get('content-type')!,
    });
  }

  const row = (
    code: string,
    name: string,
    level: string,
    kind: string,
    validFrom: Cell,
    extra: Row = {},
  ): Row => ({
    ...{ code, name, level, kind, validFrom },
    ...extra,
  });
  const ended = { validTo: '30/06/2025' };
  const goodRows: Row[] = [
    row('x-101', 'Phường Một', 'xa', 'phường', '01/01/2020', { parentCode: 'H-10', ...ended }),
    row('X-102', 'Xã Hai', 'Xã', 'xã', new Date(Date.UTC(2020, 0, 1)), { parentCode: 'h-10', ...ended }),
    row('H-10', 'Huyện Mười', 'huyen', 'huyện', '01/01/2020', ended),
    row('SO-10', 'Sở Mười', 'so', 'sở', '2025-07-01', { group: 2, note: 'ghi chú' }),
  ];

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('admin1', 'admin');
    admin = await t.login('admin1');
    await t.addUnit('H-OLD', 'Quận Cũ', {
      level: 'huyen',
      kind: 'quận',
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    });
    const res = await admin.request('GET', '/api/units/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    headers = (await readSheet(res.rawPayload))[0]!;
  });
  afterAll(() => t.close());

  it('offers a template whose header row is the documented one', () => {
    expect(headers).toEqual(Object.keys(FIELD_OF_HEADER));
  });

  it('a dry run checks and previews the rows but imports nothing', async () => {
    const before = await unitCount();
    const res = await upload(await workbook(goodRows), true);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, total: 4, imported: 0 });
    expect(
      body.preview.map((p: { code: string; parentCode: string | null; validFrom: string }) => [
        p.code,
        p.parentCode,
        p.validFrom,
      ]),
    ).toEqual([
      ['X-101', 'H-10', '2020-01-01'],
      ['X-102', 'H-10', '2020-01-01'],
      ['H-10', null, '2020-01-01'],
      ['SO-10', null, '2025-07-01'],
    ]);
    expect(await unitCount()).toBe(before);
    expect(await importAudits()).toBe(0);
  });

  it('rejects the whole file when one row is bad, listing that row (422 import_invalid)', async () => {
    const before = await unitCount();
    const rows = [...goodRows];
    rows.splice(2, 0, row('X-BAD', 'Phường Lỗi', 'xa', 'phường', '31/02/2025'));
    const res = await upload(await workbook(rows), false);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().details.map((d: { rowNumber: number }) => d.rowNumber)).toEqual([4]);
    expect(await unitCount()).toBe(before);
    expect(await importAudits()).toBe(0);
  });

  it('lists every bad row when there are several', async () => {
    const before = await unitCount();
    const rows: Row[] = [
      goodRows[2]!,
      row('H-OLD', 'Quận Trùng', 'huyen', 'quận', '01/01/2020'),
      goodRows[3]!,
      row('X-201', 'Phường Mồ Côi', 'xa', 'phường', '01/07/2025', { parentCode: 'KHONG-CO' }),
      row('SO-20', 'Sở Không Nhóm', 'so', 'sở', '01/07/2025'),
      row('x-101', 'Phường Một', 'xa', 'phường', '01/07/2025'),
      row('X-101', 'Phường Một lặp', 'xa', 'phường', '01/07/2025'),
    ];
    const res = await upload(await workbook(rows), false);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { rowNumber: number }) => d.rowNumber)).toEqual([3, 5, 6, 8]);
    expect(await unitCount()).toBe(before);
  });

  it('imports good rows, communes pointing at a quận/huyện of the same file, each audited', async () => {
    const before = await unitCount();
    const res = await upload(await workbook(goodRows), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, total: 4, imported: 4 });
    expect(await unitCount()).toBe(before + 4);
    const rows = await rowsOf<Record<string, string | number | null>>(sql`
      select u.code, u.level, u.group_no, u.valid_from::text as valid_from, u.valid_to::text as valid_to, p.code as parent
      from units u left join units p on p.id = u.parent_id where u.code in ('X-101', 'X-102', 'H-10', 'SO-10') order by u.code`);
    expect(rows.map((r) => [r.code, r.level, r.group_no, r.valid_from, r.valid_to, r.parent])).toEqual([
      ['H-10', 'huyen', null, '2020-01-01', '2025-06-30', null],
      ['SO-10', 'so', 2, '2025-07-01', null, null],
      ['X-101', 'xa', null, '2020-01-01', '2025-06-30', 'H-10'],
      ['X-102', 'xa', null, '2020-01-01', '2025-06-30', 'H-10'],
    ]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'import'));
    expect(audits).toHaveLength(4);
    const codeById = new Map((await t.database.db.select().from(units)).map((u) => [u.id, u.code]));
    for (const a of audits) {
      expect(a.actorUsername).toBe('admin1');
      expect((a.after as { code: string }).code).toBe(codeById.get(a.entityId!));
    }
    const again = await upload(await workbook(goodRows.slice(0, 1)), false);
    expect(again.json().code).toBe('import_invalid');
  });

  it('refuses what is not an .xlsx file, whatever its name (415 unsupported_file_type)', async () => {
    const before = await unitCount();
    const fakes = [
      Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'),
      Buffer.from('Mã đơn vị,Tên đơn vị\nX-1,Phường Một\n'),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    ];
    for (const data of fakes) {
      const res = await upload(data, false, 'don-vi.xlsx');
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('unsupported_file_type');
    }
    const json = await admin.request('POST', '/api/units/import?dryRun=false', { code: 'X' });
    expect(json.statusCode).toBe(415);
    expect(await unitCount()).toBe(before);
  });

  it('refuses a file over 10 MB (413 file_too_large)', async () => {
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 1), true);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('file_too_large');
  });

  it('refuses a file missing a required column (422), naming it', async () => {
    const before = await unitCount();
    const res = await upload(
      await workbook([row('X-301', 'Phường Thiếu Tên', 'xa', 'phường', '01/07/2025')], ['name']),
      false,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().message).toContain('Tên đơn vị');
    expect(await unitCount()).toBe(before);
  });

  it('exports every unit in the import layout, and the export can be imported again under new codes', async () => {
    const res = await admin.request('GET', '/api/units/export?status=all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const [head, ...rows] = await readSheet(res.rawPayload);
    expect(head).toEqual(headers);
    const registry = sql`
      select u.code, u.name, u.level, u.kind, coalesce(u.group_no::text, '') as group, coalesce(p.code, '') as parent,
        to_char(u.valid_from, 'DD/MM/YYYY') as valid_from, coalesce(to_char(u.valid_to, 'DD/MM/YYYY'), '') as valid_to
      from units u left join units p on p.id = u.parent_id`;
    const line = (r: Record<string, string>) =>
      [r.code, r.name, r.level, r.kind, r.group, r.parent, r.valid_from, r.valid_to].join('|');
    const expected = (await rowsOf<Record<string, string>>(registry)).map(line).sort();
    const col = (field: string) => headers.findIndex((h) => FIELD_OF_HEADER[h] === field);
    const fields = ['code', 'name', 'level', 'kind', 'group', 'parentCode', 'validFrom', 'validTo'];
    const exported = rows.map((r) => fields.map((f) => r[col(f)] ?? '').join('|')).sort();
    expect(exported).toEqual(expected);
    expect(exported).toHaveLength(5);

    const renamed = rows.map((r) =>
      r.map((v, i) => ([col('code'), col('parentCode')].includes(i) && v ? `R-${v}` : v)),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(head!);
    for (const r of renamed) ws.addRow(r);
    const reimport = await upload(Buffer.from(await wb.xlsx.writeBuffer()), false);
    expect(reimport.statusCode, reimport.body).toBe(200);
    expect(reimport.json().imported).toBe(5);
    const copies = (await rowsOf<Record<string, string>>(registry)).filter((r) => r.code!.startsWith('R-'));
    const originals = expected.map((l) => l.split('|')).map(([code, ...rest]) => [`R-${code}`, ...rest]);
    const withParent = (r: string[]) => (r[5] ? [...r.slice(0, 5), `R-${r[5]}`, ...r.slice(6)] : r).join('|');
    expect(copies.map(line).sort()).toEqual(originals.map(withParent).sort());
  });
});
