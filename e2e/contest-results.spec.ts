import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { TContestResults } from '../src/contracts/contest-results';
import { sitAndHandIn } from './exam-page';
import { type SlipCandidate, setUpExam, startSession } from './exam-setup';
import { confirmDialog, expectAccessible, login, shot } from './helpers';

const QUESTIONS = 5;

test('an organiser reads the rankings and statistics, exports the Excel, publishes; a candidate sees their own result', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const setup = await setUpExam(request, {
    name: 'Hội thi năng lực số: kết quả',
    durationMinutes: 10,
    questions: QUESTIONS,
    fullNames: ['Lê Hoàng Đức', 'Nguyễn Thị Ánh', 'Trần Văn Bình'],
  });
  const [duc, anh, binh] = setup.candidates as [SlipCandidate, SlipCandidate, SlipCandidate];
  // Đức and Ánh sit in their own browsers while the session runs; Bình never comes.
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [ducPage, anhPage] = await Promise.all(contexts.map((c) => c.newPage()));
  await startSession(request, setup);
  await sitAndHandIn(ducPage!, duc, QUESTIONS, 0);
  await sitAndHandIn(anhPage!, anh, QUESTIONS, 1);
  await expect(ducPage!.getByTestId('own-result')).toContainText('Kết quả chưa được công bố');
  // The proctor closes the absent candidate's attempt, so every attempt is final and graded.
  const forced = await request.post(`/api/proctor/sessions/${setup.sessionId}/force-submit`, {
    headers: setup.headers,
    data: { reason: 'Thí sinh vắng mặt, thu bài để công bố kết quả' },
  });
  expect(forced.status(), await forced.text()).toBe(200);

  // The figures the page must show, from the API.
  const api: TContestResults = await (await request.get(`/api/contest-results/${setup.contestId}`)).json();
  const row = (c: SlipCandidate) => api.rows.find((r) => r.candidateId === c.id)!;
  expect(row(binh).state).toBe('absent');
  expect(api.canPublish).toBe(true);

  await login(page);
  await page.goto(`/contest/results?contest=${setup.contestId}`);
  await expect(page.getByRole('heading', { name: 'Kết quả hội thi' })).toBeVisible();
  await expect(page.getByText('Chưa công bố cho thí sinh')).toBeVisible();
  const table = page.locator('.ant-table').first();
  const ducRow = table.getByRole('row').filter({ hasText: duc.number });
  const vn = (n: number | null) =>
    n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  await expect(ducRow).toContainText(vn(row(duc).total));
  await expect(ducRow).toContainText(`${row(duc).overall.rank}/2`);
  await expect(table.getByRole('row').filter({ hasText: binh.number })).toContainText('Vắng thi');
  // Rows follow the ranks: the first data row holds rank 1.
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('1/2');
  await shot(page, 'contest-results-01-rankings');
  await expectAccessible(page, 'contest results');

  // Units view: one unit (the demo ward), 3 registered, 2 sat.
  await page.locator('.ant-segmented').getByText('Đơn vị', { exact: true }).click();
  await expect(page.locator('.ant-table tbody tr.ant-table-row').first()).toContainText('CT26-001');

  // The Excel export, downloaded and read back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Xuất Excel/ }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('Tổng hợp đơn vị')!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
  const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
  const totals = [row(duc).total!, row(anh).total!];
  // Average of the two who sat: (Đức + Ánh) ÷ 2; Bình, absent, counts as registered only.
  expect(cell('Mã đơn vị')).toBe('CT26-001');
  expect(cell('Số thí sinh')).toBe(3);
  expect(cell('Số dự thi')).toBe(2);
  expect(cell('Điểm trung bình')).toBeCloseTo((totals[0]! + totals[1]!) / 2, 6);
  expect(cell('Số dưới ngưỡng')).toBe(totals.filter((t) => t < 50).length);

  // Statistics.
  await page.getByRole('tab', { name: 'Thống kê' }).click();
  await expect(page.getByText('Phân bố tổng điểm')).toBeVisible();
  await expect(page.getByText('Tỉ lệ đạt theo đơn vị')).toBeVisible();
  await expect(page.locator('[data-testid="results-contest-distribution"] svg')).toBeVisible();
  await shot(page, 'contest-results-02-dashboard');
  await expectAccessible(page, 'contest results dashboard');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'contest-results-03-dashboard-phone');
  await page.getByRole('tab', { name: 'Kết quả' }).click();
  await expect(page.getByText('Chưa công bố cho thí sinh')).toBeVisible();
  await shot(page, 'contest-results-04-rankings-phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Publication, confirmed, with the candidates' own answers.
  await page.getByRole('button', { name: 'Công bố kết quả' }).click();
  const dialog = page.getByRole('dialog', { name: 'Công bố kết quả cho thí sinh?' });
  await dialog.getByRole('checkbox').check();
  await shot(page, 'contest-results-05-publish-dialog');
  await confirmDialog(page, 'Công bố kết quả cho thí sinh?', 'Công bố kết quả');
  await expect(page.getByText(/Đã công bố cho thí sinh lúc/)).toBeVisible();

  // Đức's exam page shows his own result and paper, and nobody else's.
  await ducPage!.reload();
  const own = ducPage!.getByTestId('own-result');
  await expect(own).toContainText('Kết quả của bạn');
  await expect(ducPage!.getByTestId('own-result-total')).toContainText(vn(row(duc).total));
  await expect(own).toContainText('Lê Hoàng Đức');
  await expect(own).not.toContainText('Nguyễn Thị Ánh');
  await expect(own.getByRole('heading', { name: 'Bài làm của bạn' })).toBeVisible();
  await shot(ducPage!, 'contest-results-06-candidate');
  await expectAccessible(ducPage!, 'candidate result');
  await ducPage!.setViewportSize({ width: 390, height: 844 });
  await shot(ducPage!, 'contest-results-07-candidate-phone');
  await Promise.all(contexts.map((c) => c.close()));
});
