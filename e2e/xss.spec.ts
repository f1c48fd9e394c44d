import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { examLogin } from './exam-page';
import { adminHeaders, readSlips } from './exam-setup';
import { login } from './helpers';

/**
 * Stored XSS: markup typed into every free-text field reachable through the staff API must come back
 * on every page as text, never as markup. The browser ignores the Content-Security-Policy here, so a
 * payload that reached the DOM as markup would run and be caught, rather than be stopped by the
 * policy and go unnoticed.
 */
test.use({ bypassCSP: true });

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const JS = 'javascript:window.__xss=1';

const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every stored value, named by the field that holds it. */
const V = {
  unitName: `Phường Thử ${IMG}`,
  unitNote: `Ghi chú ${SCRIPT} ${SVG} ${JS}`,
  userName: `Cán bộ ${SVG}`,
  setName: `Bộ chỉ số ${SCRIPT}`,
  setSource: JS,
  bandLabel: `Tốt ${IMG}`,
  pillarName: `Trụ cột ${IMG}`,
  leafName: `Chỉ số ${SVG}`,
  leafMethod: `Cách tính ${SCRIPT}`,
  leafEvidence: `Kiểm chứng ${IMG}`,
  leafDataSource: JS,
  leafVerifier: `Xác minh ${SVG}`,
  categoryName: `Danh mục ${IMG}`,
  stem1: `Câu hỏi một ${SCRIPT}`,
  stem2: `Câu hỏi hai ${IMG}`,
  optionA: `Phương án ${IMG}`,
  optionB: `Phương án ${SVG}`,
  optionC: JS,
  explanation: `Giải thích ${SVG}`,
  sourceDocument: `Văn bản ${SCRIPT}`,
  sourceArticle: `Điều ${IMG}`,
  contestName: `Hội thi ${SVG}`,
  sectionName: `Lý thuyết ${IMG}`,
  sessionName: `Ca ${IMG}`,
  sessionRoom: `Phòng ${SCRIPT}`,
  candidateName: `Nguyễn ${SVG}`,
  candidatePosition: `Chức vụ ${IMG}`,
  importUnitName: `Phường Nhập ${SVG}`,
  importUnitNote: `Ghi chú nhập ${SCRIPT}`,
  importStem: `Câu nhập từ tệp ${IMG}`,
  importUnknownUnit: `Đơn vị ${SCRIPT}`,
};

interface Seeded {
  unitId: string;
  frameworkId: string;
  categoryId: string;
  questionIds: string[];
  contestId: string;
  sessionId: string;
  candidate: { id: string; number: string; fullName: string; password: string };
  userPassword: string;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** Stores every payload through the staff API, the way the screens would. */
async function seed(request: APIRequestContext): Promise<Seeded> {
  const headers = await adminHeaders(request);
  const post = <T>(url: string, data: unknown) => request.post(url, { headers, data }).then(ok<T>);

  const unit = await post<{ id: string; code: string }>('/api/units', {
    code: `XSS-${RUN}`,
    name: V.unitName,
    level: 'xa',
    kind: 'phường',
    validFrom: '2025-07-01',
    note: V.unitNote,
  });

  const userPassword = 'Mat-khau-XSS-2026';
  await post('/api/users', {
    username: `xss.${RUN.toLowerCase()}`,
    fullName: V.userName,
    role: 'organiser',
    password: userPassword,
  });

  const framework = await post<{ id: string }>('/api/frameworks', {
    document: {
      formatVersion: 1,
      code: `xss-${RUN.toLowerCase()}`,
      name: V.setName,
      year: 2026,
      level: 'xa',
      nominalMax: 100,
      illustrative: true,
      source: V.setSource,
      policy: {
        notApplicable: 'rescale',
        missing: 'zero',
        rounding: { decimals: 2, mode: 'half_up' },
        bands: [{ code: 'tot', label: V.bandLabel, minValue: 0.8 }],
      },
      nodes: [
        {
          code: '1',
          kind: 'pillar',
          name: V.pillarName,
          maxPoints: 100,
          children: [
            {
              code: '1.1',
              kind: 'main',
              name: V.leafName,
              maxPoints: 100,
              method: V.leafMethod,
              evidence: V.leafEvidence,
              dataSource: V.leafDataSource,
              verifier: V.leafVerifier,
              rule: { type: 'yes_no' },
            },
          ],
        },
      ],
    },
  });

  const category = await post<{ id: string }>('/api/question-categories', { name: V.categoryName });
  const questionIds: string[] = [];
  for (const stem of [V.stem1, V.stem2]) {
    const q = await post<{ id: string }>('/api/questions', {
      type: 'single',
      stem,
      options: [
        { key: 'a', text: V.optionA, correct: true },
        { key: 'b', text: V.optionB, correct: false },
        { key: 'c', text: V.optionC, correct: false },
      ],
      explanation: V.explanation,
      categoryId: category.id,
      sourceDocument: V.sourceDocument,
      sourceArticle: V.sourceArticle,
    });
    await post(`/api/questions/${q.id}/approve`, {});
    questionIds.push(q.id);
  }

  const contest = await post<{ id: string }>('/api/contests', {
    year: 2026,
    name: V.contestName,
    rules: {
      durationMinutes: 10,
      graceSeconds: 5,
      scale: 100,
      sections: [{ code: 'theory', name: V.sectionName, points: 100 }],
      blueprint: [{ categoryId: category.id, count: 2 }],
      shuffleQuestions: false,
      shuffleOptions: false,
      passThreshold: 50,
      multipleScoring: 'all_or_nothing',
    },
  });
  const session = await post<{ id: string }>(`/api/contests/${contest.id}/sessions`, {
    name: V.sessionName,
    room: V.sessionRoom,
    scheduledAt: new Date(Date.now() + 600_000).toISOString(),
  });

  // Candidates only come in through the Excel import.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thí sinh');
  ws.addRow(['Số báo danh', 'Họ và tên', 'Chức vụ', 'Đơn vị (mã hoặc tên)', 'Ca thi']);
  const number = `X${RUN}-1`;
  ws.addRow([number, V.candidateName, V.candidatePosition, unit.code, V.sessionName]);
  const imported = await ok<{ imported: number }>(
    await request.post(`/api/contests/${contest.id}/candidates/import?dryRun=false`, {
      headers,
      multipart: {
        file: {
          name: 'thi-sinh.xlsx',
          mimeType: XLSX_MIME,
          buffer: Buffer.from(await wb.xlsx.writeBuffer()),
        },
      },
    }),
  );
  expect(imported.imported).toBe(1);
  await post(`/api/contests/${contest.id}/status`, { status: 'open' });
  const slips = await request.post(`/api/contests/${contest.id}/passwords`, {
    headers,
    data: { sessionId: session.id },
  });
  expect(slips.status(), await slips.text()).toBe(200);
  const slip = readSlips(await slips.body()).find((s) => s.number === number)!;
  const list = await ok<{ items: { id: string; number: string; fullName: string }[] }>(
    await request.get(`/api/contests/${contest.id}/candidates?pageSize=100`),
  );
  const row = list.items.find((c) => c.number === number)!;
  expect(row.fullName).toBe(V.candidateName);

  return {
    unitId: unit.id,
    frameworkId: framework.id,
    categoryId: category.id,
    questionIds,
    contestId: contest.id,
    sessionId: session.id,
    candidate: { id: row.id, number, fullName: row.fullName, password: slip.password },
    userPassword,
  };
}

/** Watches a page for anything a payload could do: dialogs, and the global it sets. */
function watch(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', async (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  return seen;
}

/**
 * The page shows each of `texts` as text (in an element or a form field) and nothing of a payload
 * ran or reached the DOM as markup.
 */
async function expectInert(page: Page, seen: { dialogs: string[] }, where: string, texts: string[]) {
  for (const text of texts) {
    await expect
      .poll(
        () =>
          page.evaluate((t) => {
            const fields = [
              ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
            ];
            return document.body.innerText.includes(t) || fields.some((f) => f.value.includes(t));
          }, text),
        { message: `${where}: "${text}" shown as text` },
      )
      .toBe(true);
  }
  // An injected <img onerror> fires after its failed load: give it the time to.
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => ({
    xss: (window as { __xss?: unknown }).__xss,
    handlers: document.querySelectorAll('[onerror], [onload], img[src="x"]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
    links: [...document.querySelectorAll('a[href]')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
    ).length,
  }));
  expect(found, where).toEqual({ xss: undefined, handlers: 0, scripts: 0, links: 0 });
  expect(seen.dialogs, where).toEqual([]);
}

/** How a string reads inside the audit log's JSON blocks. */
const asJson = (s: string) => JSON.stringify(s).slice(1, -1);

async function signedInPage(browser: Browser, username?: string, password?: string) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const seen = watch(page);
  if (username) {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password!);
    await page.getByLabel('Mật khẩu').press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
  } else {
    await login(page);
  }
  return { page, seen, context };
}

test('markup stored in every free-text field is shown as text on every page', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const s = await seed(request);
  const { page, seen, context } = await signedInPage(browser);

  await test.step('units', async () => {
    await page.goto(`/units?q=${RUN}`);
    await expectInert(page, seen, 'unit list', [V.unitName]);
    await page.goto(`/units/${s.unitId}`);
    await expectInert(page, seen, 'unit detail', [V.unitName, V.unitNote]);
    await page.goto('/');
    await expectInert(page, seen, 'home', []);
  });

  await test.step('users', async () => {
    await page.goto('/admin/users');
    await expectInert(page, seen, 'user list', [V.userName]);
  });

  await test.step('index sets', async () => {
    await page.goto('/dti/frameworks');
    await expectInert(page, seen, 'index-set list', [V.setName]);
    await page.goto(`/dti/frameworks/${s.frameworkId}`);
    await expectInert(page, seen, 'index-set version', [V.setName, V.setSource, V.pillarName, V.leafName]);
    await page
      .getByRole('table', { name: 'Cây chỉ số của phiên bản' })
      .getByRole('button', { name: V.leafName })
      .click();
    await expectInert(page, seen, 'node editor', [
      V.leafName,
      V.leafMethod,
      V.leafEvidence,
      V.leafDataSource,
      V.leafVerifier,
    ]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Thông tin bộ chỉ số' }).click();
    await expectInert(page, seen, 'index-set metadata', [V.setName, V.setSource, V.bandLabel]);
    await page.keyboard.press('Escape');
  });

  await test.step('question bank', async () => {
    await page.goto(`/contest/questions?categoryId=${s.categoryId}`);
    await expectInert(page, seen, 'question list', [V.categoryName, V.stem1, V.stem2]);
    await page.getByRole('button', { name: V.stem1 }).first().click();
    await expectInert(page, seen, 'question editor', [
      V.stem1,
      V.optionA,
      V.optionB,
      V.optionC,
      V.explanation,
      V.sourceDocument,
      V.sourceArticle,
    ]);
    await page.getByRole('tab', { name: /Lịch sử/ }).click();
    await expectInert(page, seen, 'question versions', [V.stem1, V.optionA, V.optionB, V.explanation]);
    await page.keyboard.press('Escape');
  });

  await test.step('contest', async () => {
    await page.goto('/contest/exams');
    await expectInert(page, seen, 'contest list', [V.contestName]);
    await page.goto(`/contest/exams/${s.contestId}`);
    await expectInert(page, seen, 'contest rules', [V.contestName, V.sectionName, V.categoryName]);
    await page.getByRole('tab', { name: /Ca thi/ }).click();
    await expectInert(page, seen, 'contest sessions', [V.sessionName, V.sessionRoom]);
    await page.getByRole('tab', { name: /Thí sinh/ }).click();
    await expectInert(page, seen, 'contest candidates', [V.candidateName, V.candidatePosition, V.unitName]);
    await page.goto('/contest/proctor');
    await page.getByLabel('Kỳ thi', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(`${V.contestName} (2026)`).click();
    await expectInert(page, seen, 'proctor sessions', [V.sessionName, V.sessionRoom]);
    await page.goto(`/contest/proctor/${s.sessionId}`);
    await expectInert(page, seen, 'proctor console', [V.sessionName, V.candidateName]);
  });

  await test.step('audit log', async () => {
    await page.goto('/admin/audit');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    const expanders = page.locator('button.ant-table-row-expand-icon-collapsed');
    for (let i = 0; i < 25 && (await expanders.count()) > 0; i++) await expanders.first().click();
    await expectInert(
      page,
      seen,
      'audit log',
      [V.unitName, V.unitNote, V.setName, V.stem1, V.optionB, V.contestName, V.sessionRoom].map(asJson),
    );
  });
  await test.step('import previews, which show what a received file holds', async () => {
    const units = new ExcelJS.Workbook();
    units.addWorksheet('Đơn vị').addRows([
      ['Mã đơn vị', 'Tên đơn vị', 'Cấp (so/huyen/xa)', 'Loại', 'Hiệu lực từ (dd/mm/yyyy)', 'Ghi chú'],
      [`XSS-${RUN}-2`, V.importUnitName, 'xa', 'phường', '01/01/2026', V.importUnitNote],
    ]);
    await page.goto('/units/import');
    await page.locator('input[type=file]').setInputFiles({
      name: 'don-vi.xlsx',
      mimeType: XLSX_MIME,
      buffer: Buffer.from(await units.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expectInert(page, seen, 'unit import preview', [V.importUnitName]);

    await page.goto('/contest/questions/import');
    await page.locator('input[type=file]').setInputFiles({
      name: 'aiken.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`${V.importStem}\nA. ${V.optionA}\nB. ${V.optionB}\nC. ${V.optionC}\nANSWER: A\n`),
    });
    await expectInert(page, seen, 'question import preview', [V.importStem]);

    const candidates = new ExcelJS.Workbook();
    candidates.addWorksheet('Thí sinh').addRows([
      ['Họ và tên', 'Chức vụ', 'Đơn vị (mã hoặc tên)'],
      [V.candidateName, V.candidatePosition, V.importUnknownUnit],
    ]);
    await page.goto(`/contest/exams/${s.contestId}?tab=candidates`);
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập thí sinh từ Excel' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByText('Chọn hoặc kéo thả tệp .xlsx vào đây').click();
    await (await chooser).setFiles({
      name: 'thi-sinh.xlsx',
      mimeType: XLSX_MIME,
      buffer: Buffer.from(await candidates.xlsx.writeBuffer()),
    });
    await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expectInert(page, seen, 'candidate import errors', [V.importUnknownUnit]);
    await page.keyboard.press('Escape');
  });
  await context.close();

  await test.step('the user menu of the user with a hostile name', async () => {
    const u = await signedInPage(browser, `xss.${RUN.toLowerCase()}`, s.userPassword);
    await expectInert(u.page, u.seen, 'signed-in user', [V.userName]);
    await u.context.close();
  });

  await test.step('the candidate exam page', async () => {
    const exam = await browser.newContext({ bypassCSP: true });
    const candidatePage = await exam.newPage();
    const candidateSeen = watch(candidatePage);
    await candidatePage.goto('/exam');
    await examLogin(candidatePage, s.candidate);
    await expect(candidatePage.getByRole('heading', { name: 'Phòng chờ' })).toBeVisible();
    await expectInert(candidatePage, candidateSeen, 'waiting room', [
      V.candidateName,
      V.contestName,
      V.sessionName,
      V.sessionRoom,
    ]);
    const headers = await adminHeaders(request);
    await ok(await request.post(`/api/proctor/sessions/${s.sessionId}/start`, { headers }));
    await expect(candidatePage.getByRole('heading', { name: 'Câu 1/2', exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expectInert(candidatePage, candidateSeen, 'exam question 1', [
      V.candidateName,
      V.stem1,
      V.optionA,
      V.optionB,
      V.optionC,
    ]);
    await candidatePage.getByRole('button', { name: 'Câu sau →' }).click();
    await expectInert(candidatePage, candidateSeen, 'exam question 2', [V.stem2, V.optionA]);
    await exam.close();
  });
});
