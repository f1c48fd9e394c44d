import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, questionCategories, questions } from '../../db/schema';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const HEADERS = [
  'Mã',
  'Danh mục',
  'Loại',
  'Câu hỏi',
  'Phương án A',
  'Phương án B',
  'Phương án C',
  'Phương án D',
  'Phương án E',
  'Phương án F',
  'Đáp án đúng',
  'Mức độ',
  'Thẻ',
  'Văn bản nguồn',
  'Điều',
  'Giải thích',
];

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Câu hỏi');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const xlsxRow = (
  code: string,
  category: string,
  type: string,
  stem: string,
  opts: string[],
  answer: string,
) => [
  code,
  category,
  type,
  stem,
  ...[...opts, '', '', '', '', '', ''].slice(0, 6),
  answer,
  'Trung bình',
  'thử',
  'Nghị định 30/2020/NĐ-CP',
  'Điều 14',
  '',
];

const AIKEN_BAD = `Văn bản đi theo Nghị định 30 có mấy bước?
A. 4 bước
B. 5 bước
ANSWER: B

Câu thiếu đáp án?
A. Có
B. Không

Số đến được đánh thế nào?
A. Liên tục trong năm
B. Theo tháng
ANSWER: D
`;

const GIFT_BAD = `// Ngân hàng thử
$CATEGORY: $course$/top/Pháp luật/Chữ ký số
::CKS-1::Chữ ký số không bảo đảm tính chất nào? {~Xác thực ~Toàn vẹn =Bí mật}

Câu ghép đôi không hỗ trợ {=a -> 1 =b -> 2}

::CKS-2::Chữ ký số bảo đảm tính bí mật. {F}

Câu thiếu đóng ngoặc {=Đúng ~Sai
`;

const XML_BAD = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Văn thư</text></category></question>
  <question type="multichoice">
    <questiontext format="html"><text><![CDATA[<p>Văn thư kiểm tra gì khi <b>tiếp nhận</b>?</p>]]></text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Tính xác thực</text></answer>
    <answer fraction="50"><text>Tính toàn vẹn</text></answer>
    <answer fraction="-100"><text>Màu giấy</text></answer>
  </question>
  <question type="essay"><questiontext><text>Viết một đoạn văn</text></questiontext></question>
  <question type="multichoice">
    <questiontext format="html"><text>Câu không có đáp án đúng</text></questiontext>
    <single>true</single>
    <answer fraction="0"><text>A</text></answer>
    <answer fraction="0"><text>B</text></answer>
  </question>
</quiz>`;

describe.each(dbKinds())('question import and export (%s)', (kind) => {
  let t: TestApp;
  let admin: Agent;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('iadmin', 'admin');
    admin = await t.login('iadmin');
  });
  afterAll(() => t.close());

  const count = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(questions))[0]!.n);
  const categoryCount = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(questionCategories))[0]!.n);
  const importAudits = async () =>
    Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(sql`action = 'import'`)
      )[0]!.n,
    );

  async function upload(data: Buffer | string, query: string, filename = 'cau-hoi.txt') {
    const form = new FormData();
    form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
    const body = new Response(form);
    const payload = Buffer.from(await body.arrayBuffer());
    return admin.request('POST', `/api/questions/import?${query}`, payload, {
      'content-type': body.headers.get('content-type')!,
    });
  }

  const cases: [string, () => Promise<Buffer | string>, string, string[]][] = [
    [
      'xlsx',
      () =>
        workbook([
          xlsxRow('VT-1', 'Văn thư', 'Một đáp án', 'Văn bản đi có mấy bước?', ['4', '5'], 'B'),
          xlsxRow('VT-2', 'Văn thư', 'Một đáp án', 'Câu có đáp án ngoài phương án', ['4', '5'], 'E'),
          xlsxRow('VT-3', 'Văn thư', 'Nhiều đáp án', 'Chọn các ý đúng', ['X', 'Y', 'Z'], 'A,B,C'),
          xlsxRow('VT-4', 'Văn thư', 'Loại lạ', 'Câu loại lạ', ['X', 'Y'], 'A'),
        ]),
      'Dòng',
      ['Dòng 3', 'Dòng 4', 'Dòng 5'],
    ],
    ['aiken', async () => AIKEN_BAD, 'Câu', ['Câu 2 (dòng 6)', 'Câu 3 (dòng 10)']],
    ['gift', async () => GIFT_BAD, 'Câu', ['Câu 2 (dòng 5)', 'Câu 4 (dòng 9)']],
    ['moodle_xml', async () => XML_BAD, 'Câu', ['Câu 2 (dòng 11)', 'Câu 3 (dòng 12)']],
  ];

  it.each(cases)(
    'imports nothing from a %s file with bad questions and lists every one',
    async (format, make, _w, refs) => {
      const before = { q: await count(), c: await categoryCount(), a: await importAudits() };
      const data = await make();
      const dry = await upload(data, 'dryRun=true');
      expect(dry.statusCode, dry.body).toBe(200);
      const preview = dry.json();
      expect(preview.format).toBe(format);
      expect(preview.errors.map((e: { ref: { label: string } }) => e.ref.label)).toEqual(refs);
      for (const e of preview.errors) expect(e.messages.length).toBeGreaterThan(0);
      expect(preview.preview.length).toBe(preview.total);
      const commit = await upload(data, 'dryRun=false');
      expect(commit.statusCode).toBe(422);
      expect(commit.json().code).toBe('import_invalid');
      expect(commit.json().details.map((e: { ref: { label: string } }) => e.ref.label)).toEqual(refs);
      expect({ q: await count(), c: await categoryCount(), a: await importAudits() }).toEqual(before);
    },
  );

  it('explains the problems in Vietnamese', async () => {
    const res = await upload(AIKEN_BAD, 'dryRun=true');
    const messages = res.json().errors.flatMap((e: { messages: string[] }) => e.messages);
    expect(messages).toContain('Thiếu dòng "ANSWER: …" sau các phương án');
    expect(messages).toContain('Dòng 13: đáp án D không có trong các phương án');
    const gift = await upload(GIFT_BAD, 'dryRun=true');
    expect(gift.json().errors[0].messages[0]).toMatch(/ghép đôi/);
  });

  it('imports a clean GIFT file in one go, creating categories, then reports the same file as duplicates', async () => {
    const clean = `${GIFT_BAD.split('\n\nCâu ghép')[0]}\n\n::CKS-2::Chữ ký số bảo đảm tính bí mật. {F}\n`;
    const before = await count();
    const res = await upload(clean, 'dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(2);
    expect(res.json().newCategories).toEqual(['Pháp luật', 'Pháp luật / Chữ ký số']);
    expect(await count()).toBe(before + 2);
    const list = (await admin.request('GET', '/api/questions?q=chu%20ky%20so')).json();
    expect(list.items.map((i: { categoryPath: string[] }) => i.categoryPath.join(' / '))).toEqual([
      'Pháp luật / Chữ ký số',
      'Pháp luật / Chữ ký số',
    ]);
    const again = await upload(clean, 'dryRun=false');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ duplicates: 2, skipped: 2, imported: 0 });
    expect(again.json().preview.map((p: { duplicateOf: string }) => p.duplicateOf)).toEqual(['bank', 'bank']);
    expect(await count()).toBe(before + 2);
  });

  it('refuses hostile XML cleanly and imports nothing', async () => {
    const before = await count();
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<quiz><question type="multichoice"><questiontext><text>&lol2;</text></questiontext></question></quiz>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz><question type="truefalse"><questiontext><text>&x;</text></questiontext></question></quiz>`;
    for (const body of [laughs, xxe]) {
      const res = await upload(body, 'dryRun=true', 'a.xml');
      expect(res.statusCode).toBe(415);
      expect(res.json().message).toMatch(/DOCTYPE\/ENTITY/);
    }
    const deep = `<quiz>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</quiz>`;
    const res = await upload(deep, 'dryRun=true', 'a.xml');
    expect(res.statusCode).toBe(415);
    const broken = await upload('<quiz><question type="truefalse"></quiz>', 'dryRun=true', 'a.xml');
    expect(broken.statusCode).toBe(415);
    expect(broken.json().message).toMatch(/sai cú pháp ở dòng 1/);
    expect(await count()).toBe(before);
  });

  it('judges the file type by content, not by the chosen format or name', async () => {
    const res = await upload(AIKEN_BAD, 'dryRun=true&format=xlsx', 'cau-hoi.xlsx');
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(/Aiken/);
    const binary = await upload(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]), 'dryRun=true', 'anh.txt');
    expect(binary.statusCode).toBe(415);
  });

  it.each(['xlsx', 'moodle_xml'])('exports to %s and imports the export back unchanged', async (format) => {
    const cat = (
      await admin.request('POST', '/api/question-categories', { name: `Khứ hồi ${format}` })
    ).json().id;
    const sub = (
      await admin.request('POST', '/api/question-categories', { name: 'Cấp 2 & <b>', parentId: cat })
    ).json().id;
    const made = [
      {
        code: `RT-${format}-1`,
        type: 'single',
        stem: 'Luật Giao dịch điện tử 2023 có hiệu lực từ ngày nào?\nChọn một đáp án.',
        options: [
          { key: 'a', text: '01/7/2024', correct: true },
          { key: 'b', text: '22/6/2023 & "sau đó"', correct: false },
          { key: 'c', text: '<script>1</script>', correct: false },
        ],
        explanation: 'Số 20/2023/QH15',
        categoryId: sub,
        tags: ['luật', 'gdđt'],
        difficulty: 'hard',
        sourceDocument: 'Luật Giao dịch điện tử 2023',
        sourceArticle: 'Điều 54',
      },
      {
        type: 'multiple',
        stem: 'Những văn bản nào về chữ ký số?',
        options: [
          { key: 'a', text: 'Nghị định 68/2024/NĐ-CP', correct: true },
          { key: 'b', text: 'Nghị định 23/2025/NĐ-CP', correct: true },
          { key: 'c', text: 'Nghị định 30/2020/NĐ-CP', correct: false },
        ],
        categoryId: cat,
        difficulty: 'easy',
      },
      {
        type: 'true_false',
        stem: 'Chữ ký số bảo đảm tính bí mật.',
        options: [
          { key: 'dung', text: 'Đúng', correct: false },
          { key: 'sai', text: 'Sai', correct: true },
        ],
        categoryId: cat,
      },
    ];
    for (const m of made) expect((await admin.request('POST', '/api/questions', m)).statusCode).toBe(200);
    const exported = await admin.request('GET', `/api/questions/export?format=${format}&categoryId=${cat}`);
    expect(exported.statusCode).toBe(200);
    const file = exported.rawPayload;
    const shape = (items: Record<string, unknown>[]) =>
      items
        .map((i) => ({
          code: i.code,
          categoryPath: i.categoryPath,
          type: i.type,
          stem: i.stem,
          options: i.options,
          explanation: i.explanation,
          difficulty: i.difficulty,
          tags: i.tags,
          sourceDocument: i.sourceDocument,
          sourceArticle: i.sourceArticle,
        }))
        .sort((a, b) => String(a.stem).localeCompare(String(b.stem)));
    const original = shape((await admin.request('GET', `/api/questions?categoryId=${cat}`)).json().items);
    expect(original).toHaveLength(3);
    const preview = (await upload(file, 'dryRun=true', `x.${format}`)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.duplicates).toBe(3);

    // Into an empty bank the export must come back as the same questions.
    const fresh = await createTestApp(kind);
    try {
      await fresh.addUser('fadmin', 'admin');
      const other = await fresh.login('fadmin');
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), `x.${format}`);
      const body = new Response(form);
      const res = await other.request(
        'POST',
        '/api/questions/import?dryRun=false',
        Buffer.from(await body.arrayBuffer()),
        {
          'content-type': body.headers.get('content-type')!,
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().imported).toBe(3);
      const back = shape((await other.request('GET', '/api/questions')).json().items);
      expect(back).toEqual(original);
    } finally {
      await fresh.close();
    }
  });

  it('serves the template with a header row and an instructions sheet that imports as empty', async () => {
    const res = await admin.request('GET', '/api/questions/import-template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Câu hỏi', 'Hướng dẫn']);
    expect((wb.getWorksheet('Câu hỏi')!.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    const dry = (await upload(res.rawPayload, 'dryRun=true', 'mau.xlsx')).json();
    expect(dry.errors[0].messages).toEqual(['Tệp không có câu hỏi nào']);
  });
});
