import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCandidate, TCandidateImportError } from '../../../contracts/contests';
import { auditLog, candidates } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Record<string, string | number | null>;

describe.each(dbKinds())('candidate import (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let contestId: string;
  let headers: string[];

  const candidateCount = async () =>
    Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(candidates)
          .where(eq(candidates.contestId, contestId))
      )[0]!.n,
    );

  /** A workbook with the template's header row and rows keyed by header. */
  async function workbook(rows: Row[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thí sinh');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function upload(data: Buffer, dryRun: boolean, type = XLSX_MIME) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), 'thi-sinh.xlsx');
    const body = new Response(form);
    const payload = Buffer.from(await body.arrayBuffer());
    return admin.request('POST', `/api/contests/${contestId}/candidates/import?dryRun=${dryRun}`, payload, {
      'content-type': body.headers.get('content-type')!,
    });
  }

  const person = (name: string, unit: string, extra: Row = {}): Row => ({
    'Họ và tên': name,
    'Đơn vị (mã hoặc tên)': unit,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUnit('SO26-NV', 'Sở Nội vụ', { level: 'so', kind: 'sở', groupNo: 2 });
    await t.addUnit('CT26-001', 'Phường An Bình');
    await t.addUnit('CT26-014', 'Xã Phong Điền', { kind: 'xã' });
    await t.addUser('admin1', 'admin');
    admin = await t.login('admin1');
    contestId = (await admin.request('POST', '/api/contests', { year: 2026, name: 'Hội thi 2026' })).json()
      .id;
    await admin.request('POST', `/api/contests/${contestId}/sessions`, {
      name: 'Ca 1',
      room: 'Phòng 1',
      scheduledAt: '2026-06-24T07:30:00+07:00',
    });
    const template = await admin.request('GET', `/api/contests/${contestId}/candidates/import-template`);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_MIME);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    headers = (wb.getWorksheet('Thí sinh')!.getRow(1).values as string[]).slice(1);
  });
  afterAll(() => t.close());

  it('offers a template with every documented column', () => {
    expect(headers).toEqual([
      'Số báo danh',
      'Họ và tên',
      'Ngày sinh (dd/mm/yyyy)',
      'Chức vụ',
      'Đơn vị (mã hoặc tên)',
      'Cấp (so/huyen/xa)',
      'Ca thi',
      'Thời gian cộng thêm (phút)',
    ]);
  });

  it('imports nothing when rows are bad and lists every bad row with its column', async () => {
    const data = await workbook([
      person('Nguyễn Văn An', 'SO26-NV', { 'Ngày sinh (dd/mm/yyyy)': '05/09/1975' }),
      person('Trần Thị Bình', 'Phường Không Có'),
      person('Lê Hoàng Đức', 'phuong an binh', { 'Ngày sinh (dd/mm/yyyy)': '31/02/1980' }),
      person('Phạm Thị Ánh', 'CT26-014', { 'Cấp (so/huyen/xa)': 'so' }),
      person('Võ Minh Châu', 'CT26-001', { 'Ca thi': 'Ca 9', 'Thời gian cộng thêm (phút)': 'mười' }),
      person('', 'CT26-001'),
    ]);
    for (const dryRun of [true, false]) {
      const res = await upload(data, dryRun);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('import_invalid');
      expect(res.json().message).toContain('không thí sinh nào được nhập');
      const errors = res.json().details as TCandidateImportError[];
      const at = (row: number) => errors.filter((e) => e.rowNumber === row);
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual([
        expect.objectContaining({
          column: 'Đơn vị (mã hoặc tên)',
          message: expect.stringContaining('Phường Không Có'),
        }),
      ]);
      expect(at(4)).toEqual([expect.objectContaining({ column: 'Ngày sinh (dd/mm/yyyy)' })]);
      expect(at(5)).toEqual([
        expect.objectContaining({
          column: 'Cấp (so/huyen/xa)',
          message: expect.stringContaining('không khớp'),
        }),
      ]);
      expect(
        at(6)
          .map((e) => e.column)
          .sort(),
      ).toEqual(['Ca thi', 'Thời gian cộng thêm (phút)']);
      expect(at(6)[0]!.message).toMatch(/Ca 9|phút/);
      expect(at(7)).toEqual([expect.objectContaining({ column: 'Họ và tên', message: 'Thiếu họ và tên' })]);
    }
    expect(await candidateCount()).toBe(0);
  });

  it('previews, then imports with generated numbers in unit and given-name order', async () => {
    const data = await workbook([
      person('Trần Văn Bình', 'Phường An Bình', { 'Ca thi': 'ca 1' }),
      person('Nguyễn Thị An', 'phuong an binh', { 'Thời gian cộng thêm (phút)': 10 }),
      person('Đặng Quốc Việt', 'SO26-NV', {
        'Chức vụ': 'Phó Giám đốc',
        'Ngày sinh (dd/mm/yyyy)': '05/09/1975',
      }),
    ]);
    const preview = await upload(data, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().imported).toBe(0);
    expect(await candidateCount()).toBe(0);
    const byName = Object.fromEntries(
      preview.json().preview.map((p: { fullName: string; number: string }) => [p.fullName, p.number]),
    );
    // Phường An Bình sorts before Sở Nội vụ; within it "An" before "Bình".
    expect(byName).toEqual({
      'Nguyễn Thị An': 'TS26-0001',
      'Trần Văn Bình': 'TS26-0002',
      'Đặng Quốc Việt': 'TS26-0003',
    });

    const res = await upload(data, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(3);
    const list = (await admin.request('GET', `/api/contests/${contestId}/candidates`)).json()
      .items as TCandidate[];
    const viet = list.find((c) => c.fullName === 'Đặng Quốc Việt')!;
    expect(viet).toMatchObject({
      level: 'so',
      unitName: 'Sở Nội vụ',
      birthDate: '1975-09-05',
      hasPassword: false,
    });
    expect(list.find((c) => c.fullName === 'Trần Văn Bình')!.sessionName).toBe('Ca 1');
    expect(list.find((c) => c.fullName === 'Nguyễn Thị An')!.extraMinutes).toBe(10);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'import_candidates'));
    expect(audits).toHaveLength(1);

    const search = await admin.request('GET', `/api/contests/${contestId}/candidates?q=dang%20quoc`);
    expect(search.json().items.map((c: TCandidate) => c.number)).toEqual(['TS26-0003']);
    const bySo = await admin.request('GET', `/api/contests/${contestId}/candidates?level=xa`);
    expect(bySo.json().total).toBe(2);
  });

  it('refuses duplicate numbers and people already registered, and continues the numbering', async () => {
    const dup = await workbook([
      person('Lê Văn Cường', 'CT26-014', { 'Số báo danh': 'TS26-0002' }),
      person('Hồ Thị Dung', 'CT26-014', { 'Số báo danh': 'X-01' }),
      person('Bùi Văn Em', 'CT26-014', { 'Số báo danh': 'x-01' }),
      person('Nguyễn Thị An', 'CT26-001'),
    ]);
    const res = await upload(dup, false);
    expect(res.statusCode).toBe(422);
    const errors = res.json().details as TCandidateImportError[];
    expect(errors.find((e) => e.rowNumber === 2)!.message).toContain('TS26-0002');
    expect(errors.find((e) => e.rowNumber === 4)!.message).toContain('trùng với dòng 3');
    expect(errors.find((e) => e.rowNumber === 5)!.message).toContain('đã có trong kỳ thi');
    expect(errors.map((e) => e.rowNumber).sort()).toEqual([2, 4, 5]);
    expect(await candidateCount()).toBe(3);

    const ok = await upload(await workbook([person('Lê Văn Cường', 'CT26-014')]), false);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().preview[0].number).toBe('TS26-0004');
  });

  it('refuses a file that is not a workbook by its content', async () => {
    const res = await upload(Buffer.from('Họ và tên,Đơn vị\nAn,Sở Nội vụ\n'), false);
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_file_type');
  });
});
