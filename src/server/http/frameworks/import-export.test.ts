import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, frameworkVersions } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';
import { sampleFramework } from './fixture';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(dbKinds())('index-set Excel import and export (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let reporter: Agent;
  let exported: Buffer;
  let sourceId: string;

  const versionCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(frameworkVersions))[0]!.n);
  const importAudits = async () =>
    Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(eq(auditLog.action, 'import'))
      )[0]!.n,
    );

  async function upload(data: Buffer, dryRun: boolean, agent = admin) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: XLSX_MIME }), 'bo-chi-so.xlsx');
    const body = new Response(form);
    const payload = Buffer.from(await body.arrayBuffer());
    return agent.request('POST', `/api/frameworks/import?dryRun=${dryRun}`, payload, {
      'content-type': body.headers.get('content-type')!,
    });
  }

  /** The exported workbook with some cells of the node sheet replaced, found by code and header text. */
  async function edited(
    changes: { code: string; header: string; value: string | number }[],
  ): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Chỉ số')!;
    const headers = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    for (const c of changes) {
      const col = headers.indexOf(c.header);
      const codeCol = headers.indexOf('Mã');
      expect(col, c.header).toBeGreaterThan(0);
      let hit = false;
      ws.eachRow((row) => {
        if (String(row.getCell(codeCol).value) === c.code) {
          row.getCell(col).value = c.value;
          hit = true;
        }
      });
      expect(hit, c.code).toBe(true);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const unit = await t.addUnit('X-AB', 'Phường An Bình');
    await t.addUser('admin1', 'admin');
    await t.addUser('rep1', 'reporter', unit);
    admin = await t.login('admin1');
    reporter = await t.login('rep1');
    const res = await admin.request('POST', '/api/frameworks', {
      document: sampleFramework({ code: 'excel' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    sourceId = res.json().id;
    const xlsx = await admin.request('GET', `/api/frameworks/${sourceId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX_MIME);
    expect(xlsx.headers['content-disposition']).toContain('excel-2025-v1.xlsx');
    exported = xlsx.rawPayload;
  });
  afterAll(() => t.close());

  it('previews an exported workbook without storing it, then imports it as the next version', async () => {
    const before = await versionCount();
    const dry = await upload(exported, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      id: null,
      code: 'excel',
      year: 2025,
      versionNo: 2,
      nodeCount: 7,
    });
    expect(dry.json().totalMax).toBe(100);
    expect(await versionCount()).toBe(before);

    const done = await upload(exported, false);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ dryRun: false, versionNo: 2 });
    const id = done.json().id;
    const [source, copy] = await Promise.all(
      [sourceId, id].map(async (v) => (await admin.request('GET', `/api/frameworks/${v}`)).json()),
    );
    expect(copy.document).toEqual(source.document);
    expect(await t.auditActions(id)).toEqual(['import']);
  });

  it('a workbook with bad rows imports nothing and lists every bad row by sheet, row and column', async () => {
    const before = await versionCount();
    const audits = await importAudits();
    const bad = await edited([
      { code: '1.1.2', header: 'Điểm tối đa', value: 'hai mươi' },
      { code: '2.1', header: 'Loại quy tắc', value: 'bốc thăm' },
    ]);
    for (const dryRun of [true, false]) {
      const res = await upload(bad, dryRun);
      expect(res.statusCode, res.body).toBe(422);
      const body = res.json();
      expect(body.code).toBe('import_invalid');
      expect(body.message).toMatch(/không có gì được nhập/);
      const where = body.details.map(
        (d: { sheet: string; row: number; column: string }) => `${d.sheet}|${d.row}|${d.column}`,
      );
      // Title row, header row, then 1, 1.1, 1.1.1, 1.1.2 (row 6) … 2, 2.1 (row 9).
      expect(where).toContain('Chỉ số|6|Điểm tối đa');
      expect(where).toContain('Chỉ số|9|Loại quy tắc');
      for (const d of body.details) expect(d.message).toMatch(/[àáảãạăâđêôơưẠ-ỹ]/i);
    }
    expect(await versionCount()).toBe(before);
    expect(await importAudits()).toBe(audits);
  });

  it('refuses a file that is not a workbook, and a reporter', async () => {
    const notXlsx = await upload(Buffer.from('không phải excel'), true);
    expect(notXlsx.statusCode).toBe(415);
    expect((await upload(exported, true, reporter)).statusCode).toBe(403);
    expect((await reporter.request('GET', '/api/frameworks/import-template')).statusCode).toBe(403);
  });

  it('serves an import template that reads back as a valid set', async () => {
    const tpl = await admin.request('GET', '/api/frameworks/import-template');
    expect(tpl.statusCode).toBe(200);
    const dry = await upload(tpl.rawPayload, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ code: 'ma-bo-chi-so', nodeCount: 3, totalMax: 100 });
  });
});
