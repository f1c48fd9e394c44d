import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/shared/app-error';
import { auditLog, candidates, frameworkVersions, questions, units } from '../db/schema';
import { MAX_FILE_BYTES } from '../files/file-size';
import { MAX_TEXT_BYTES } from '../questions/formats/parsed-question';
import {
  BILLION_LAUGHS_DTD,
  EXTERNAL_ENTITY_DTD,
  entityMoodleXml,
  entityXlsx,
  multipartFile,
  oversized,
  randomBytes,
  truncated,
  zipBombXlsx,
} from '../testing/hostile-files';
import { type Agent, createTestApp, type TestApp } from '../testing/test-app';
import { dbKinds } from '../testing/test-db';

const MB = 1024 * 1024;
/** A letter only Vietnamese text has: every refusal must explain itself in Vietnamese. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** A hostile file, the status and code it must be refused with, and whether to watch memory. */
interface Hostile {
  name: string;
  file: () => Buffer | string;
  status: number;
  code: string;
  bomb?: boolean;
}

interface ImportRoute {
  name: string;
  url: () => string;
  filename: string;
  /** A file the route accepts, to truncate and to prove the server still works afterwards. */
  valid: () => Promise<Buffer | string>;
  /** The table an import writes to. */
  table: PgTable;
  hostile: Hostile[];
}

/** The refusals every .xlsx import route owes. */
const XLSX_ABUSE: Omit<Hostile, 'file'>[] = [
  { name: 'a truncated valid file', status: 415, code: 'unsupported_file_type' },
  { name: 'random bytes named .xlsx', status: 415, code: 'unsupported_file_type' },
  { name: 'an empty file', status: 415, code: 'unsupported_file_type' },
  { name: 'a file over the size limit', status: 413, code: 'file_too_large' },
  { name: 'a ZIP bomb declaring 600 MB', status: 413, code: 'file_too_large', bomb: true },
  { name: 'a ZIP bomb lying about its size', status: 415, code: 'unsupported_file_type', bomb: true },
  { name: 'a sheet with billion laughs', status: 415, code: 'unsupported_file_type' },
  { name: 'a sheet with an external entity', status: 415, code: 'unsupported_file_type' },
];

function xlsxAbuse(valid: () => Buffer): Hostile[] {
  const files: (() => Buffer)[] = [
    () => truncated(valid()),
    () => randomBytes(64 * 1024),
    () => Buffer.alloc(0),
    () => oversized(MAX_FILE_BYTES + 1024, 'PK\x03\x04'),
    () => zipBombXlsx(600 * MB),
    () => zipBombXlsx(600 * MB, 4096),
    () => entityXlsx(BILLION_LAUGHS_DTD, '&lol9;'),
    () => entityXlsx(EXTERNAL_ENTITY_DTD, '&xxe;'),
  ];
  return XLSX_ABUSE.map((h, i) => ({ ...h, file: files[i]! }));
}

/** The first sheet of a template with one data row, filled by header text. */
async function withRow(template: Buffer, row: Record<string, string | number>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const values = headers.map((h) => row[h] ?? null);
  for (const h of Object.keys(row)) expect(headers, h).toContain(h);
  ws.addRow(values.slice(1));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const AIKEN = `Văn bản đi theo Nghị định 30 có mấy bước?
A. 4 bước
B. 5 bước
ANSWER: B

Chữ ký số bảo đảm tính chất nào?
A. Toàn vẹn
B. Màu sắc
ANSWER: A
`;

const GIFT = `::G-1::Chữ ký số bảo đảm tính toàn vẹn của văn bản. {T}

::G-2::Sổ đăng ký văn bản đi đánh số theo? {=Năm ~Tháng ~Tuần}
`;

const MOODLE = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <questiontext format="html"><text>Văn thư kiểm tra gì khi tiếp nhận văn bản?</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>Tính xác thực</text></answer>
    <answer fraction="0"><text>Màu giấy</text></answer>
  </question>
</quiz>
`;

describe.each(dbKinds())('hostile uploads to every import route (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let contestId: string;
  const templates = new Map<string, Buffer>();

  const rows = async (table: PgTable) =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

  async function upload(route: ImportRoute, data: Buffer | string, dryRun: boolean) {
    const { payload, contentType } = await multipartFile(data, route.filename);
    return admin.request('POST', `${route.url()}?dryRun=${dryRun}`, payload, { 'content-type': contentType });
  }

  const template = (url: () => string) => async () => {
    const key = url();
    if (!templates.has(key)) {
      const res = await admin.request('GET', key);
      expect(res.statusCode, key).toBe(200);
      templates.set(key, res.rawPayload);
    }
    return templates.get(key)!;
  };
  const unitsTemplate = template(() => '/api/units/import-template');
  const frameworkTemplate = template(() => '/api/frameworks/import-template');
  const questionsTemplate = template(() => '/api/questions/import-template');
  const candidatesTemplate = template(() => `/api/contests/${contestId}/candidates/import-template`);

  /** Valid files, built once before the tests (the hostile builders are synchronous). */
  const valid = new Map<string, Buffer>();
  const validOf = (name: string) => () => valid.get(name)!;

  const routes: ImportRoute[] = [
    {
      name: 'units',
      url: () => '/api/units/import',
      filename: 'don-vi.xlsx',
      table: units,
      valid: async () =>
        withRow(await unitsTemplate(), {
          'Mã đơn vị': 'SO26-THU',
          'Tên đơn vị': 'Sở Thử nghiệm',
          'Cấp (so/huyen/xa)': 'so',
          Loại: 'sở',
          'Nhóm (sở: 1/2/3)': 1,
          'Hiệu lực từ (dd/mm/yyyy)': '01/07/2025',
        }),
      hostile: xlsxAbuse(validOf('units')),
    },
    {
      name: 'index sets',
      url: () => '/api/frameworks/import',
      filename: 'bo-chi-so.xlsx',
      table: frameworkVersions,
      valid: frameworkTemplate,
      hostile: xlsxAbuse(validOf('index sets')),
    },
    {
      name: 'candidates',
      url: () => `/api/contests/${contestId}/candidates/import`,
      filename: 'thi-sinh.xlsx',
      table: candidates,
      valid: async () =>
        withRow(await candidatesTemplate(), {
          'Họ và tên': 'Nguyễn Thị Thử',
          'Đơn vị (mã hoặc tên)': 'CT26-001',
        }),
      hostile: xlsxAbuse(validOf('candidates')),
    },
    {
      name: 'questions (Excel)',
      url: () => '/api/questions/import',
      filename: 'cau-hoi.xlsx',
      table: questions,
      valid: async () =>
        withRow(await questionsTemplate(), {
          'Danh mục': 'Văn thư',
          Loại: 'Một đáp án',
          'Câu hỏi': 'Văn bản đi có mấy bước?',
          'Phương án A': '4',
          'Phương án B': '5',
          'Đáp án đúng': 'B',
        }),
      hostile: xlsxAbuse(validOf('questions (Excel)')),
    },
    {
      name: 'questions (Moodle XML)',
      url: () => '/api/questions/import',
      filename: 'cau-hoi.xml',
      table: questions,
      valid: async () => MOODLE,
      hostile: [
        {
          name: 'a truncated valid file',
          file: () => truncated(MOODLE),
          status: 415,
          code: 'unsupported_file_type',
        },
        {
          name: 'random bytes named .xml',
          file: () => randomBytes(64 * 1024),
          status: 415,
          code: 'unsupported_file_type',
        },
        { name: 'an empty file', file: () => Buffer.alloc(0), status: 415, code: 'unsupported_file_type' },
        {
          name: 'a text file over its size limit',
          file: () => oversized(MAX_TEXT_BYTES + 1024, '<?xml version="1.0"?><quiz>'),
          status: 413,
          code: 'file_too_large',
        },
        {
          name: 'a file over the upload limit',
          file: () => oversized(MAX_FILE_BYTES + 1024),
          status: 413,
          code: 'file_too_large',
        },
        {
          name: 'billion laughs',
          file: () => entityMoodleXml(BILLION_LAUGHS_DTD, '&lol9;'),
          status: 415,
          code: 'unsupported_file_type',
        },
        {
          name: 'an external entity',
          file: () => entityMoodleXml(EXTERNAL_ENTITY_DTD, '&xxe;'),
          status: 415,
          code: 'unsupported_file_type',
        },
        {
          name: 'a parameter entity fetching a remote DTD',
          file: () =>
            entityMoodleXml('<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd">\n%remote;', 'Câu hỏi'),
          status: 415,
          code: 'unsupported_file_type',
        },
        {
          name: 'a ZIP bomb named .xml',
          file: () => zipBombXlsx(600 * MB),
          status: 413,
          code: 'file_too_large',
          bomb: true,
        },
      ],
    },
    {
      name: 'questions (Aiken)',
      url: () => '/api/questions/import',
      filename: 'cau-hoi.txt',
      table: questions,
      valid: async () => AIKEN,
      hostile: [
        {
          name: 'a truncated valid file',
          file: () => truncated(AIKEN, 0.8),
          status: 422,
          code: 'import_invalid',
        },
        {
          name: 'random bytes named .txt',
          file: () => randomBytes(64 * 1024),
          status: 415,
          code: 'unsupported_file_type',
        },
        { name: 'an empty file', file: () => '', status: 415, code: 'unsupported_file_type' },
      ],
    },
    {
      name: 'questions (GIFT)',
      url: () => '/api/questions/import',
      filename: 'cau-hoi.gift',
      table: questions,
      valid: async () => GIFT,
      hostile: [
        {
          name: 'a truncated valid file',
          file: () => truncated(GIFT, 0.8),
          status: 422,
          code: 'import_invalid',
        },
        {
          name: 'random bytes named .gift',
          file: () => randomBytes(64 * 1024, 7),
          status: 415,
          code: 'unsupported_file_type',
        },
      ],
    },
  ];

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUnit('CT26-001', 'Phường An Bình');
    await t.addUser('hostile-admin', 'admin');
    admin = await t.login('hostile-admin');
    contestId = (await admin.request('POST', '/api/contests', { year: 2026, name: 'Hội thi thử' })).json().id;
    for (const route of routes) {
      const data = await route.valid();
      valid.set(route.name, Buffer.from(data));
    }
  });
  afterAll(() => t.close());

  const cases = routes.flatMap((route) => route.hostile.map((h) => [route.name, h.name, route, h] as const));

  it.each(routes.map((r) => [r.name, r] as const))(
    'accepts the valid %s file the abuse starts from',
    async (_n, route) => {
      const res = await upload(route, valid.get(route.name)!, true);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().errors ?? []).toEqual([]);
    },
  );

  it.each(cases)('%s: refuses %s, imports nothing and keeps serving', async (_r, _h, route, hostile) => {
    const before = { rows: await rows(route.table), audit: await rows(auditLog) };
    const data = hostile.file();
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    let res: Awaited<ReturnType<typeof upload>>;
    try {
      res = await upload(route, data, false);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(res.statusCode, res.body).toBe(hostile.status);
    const body = res.json();
    expect(body.code).toBe(hostile.code);
    expect(ERROR_CODES).toContain(body.code);
    expect(body.message).toMatch(VIETNAMESE);
    expect({ rows: await rows(route.table), audit: await rows(auditLog) }).toEqual(before);
    if (hostile.bomb) expect((peak - baseline) / MB).toBeLessThan(300);

    const after = await upload(route, valid.get(route.name)!, true);
    expect(after.statusCode, after.body).toBe(200);
  });

  it('counts what a real import writes, so "imports nothing" above means something', async () => {
    for (const route of routes) {
      const before = await rows(route.table);
      const res = await upload(route, valid.get(route.name)!, false);
      expect(res.statusCode, `${route.name}: ${res.body}`).toBe(200);
      expect(await rows(route.table), route.name).toBeGreaterThan(before);
    }
  });
});
