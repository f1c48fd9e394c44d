import { expect, type Locator, type Page, test } from '@playwright/test';
import { setUpCycle, signIn, snap } from './cycle-setup';
import { confirmDialog } from './helpers';

/** Codes and names unique to this run: the data directory may be reused between runs. */
const run = () => Date.now().toString(36).slice(-6).toUpperCase();

/** A small but real PDF: the server checks the type from the content, not the name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** The same page at phone width once, then back to the desktop size the journey runs at. */
async function phoneShot(page: Page, info: Parameters<typeof snap>[1], name: string, at?: Locator) {
  await page.setViewportSize(PHONE);
  // Let the layout settle on the breakpoint change (AntD's Grid listens to resize).
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
  if (at) await at.scrollIntoViewIfNeeded();
  await snap(page, info, name, false);
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(300);
}

/** dd/mm/yyyy HH:mm in Vietnam time, as the date-time inputs and labels show it. */
function vnDateTime(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

test('a unit self-assesses with evidence, answers a request, is appraised, confirmed and published', async ({
  browser,
  request,
  playwright,
}, info) => {
  test.setTimeout(300_000);
  const id = run();
  const baseURL = info.project.use.baseURL;
  const s = await setUpCycle(request, () => playwright.request.newContext({ baseURL }), id, 1);
  const unit = s.units[0]!;
  const formPath = `/dti/cycles/${s.cycleId}/units/${unit.id}`;

  // ---- 1. The reporter fills the form in and submits it. ----
  const rp = await signIn(browser, s.reporters[0]!, true);
  await rp.getByRole('link', { name: /Phiếu tự đánh giá/ }).click();
  await expect(rp).toHaveURL(formPath);
  await expect(rp.getByRole('heading', { level: 1, name: unit.name })).toBeVisible();
  await expect(rp.getByText('Tiến độ hoàn thành 0%')).toBeVisible();

  // 1.1.1, a ratio: 41 of 48 files fully online → 41 ÷ 48 × 20 = 17.0833… → 17.08 (2 decimals, half up).
  const e111 = rp.getByTestId('entry-1.1.1');
  await e111.getByTestId('input-1.1.1-a').fill('41');
  await expect(rp.getByTestId('self-score-1.1.1')).toHaveText('Điểm tự chấm: chưa đủ số liệu');
  await e111.getByTestId('input-1.1.1-b').fill('48');
  await expect(rp.getByTestId('self-score-1.1.1')).toHaveText('Điểm tự chấm: 17,08 / 20');
  await expect(rp.getByTestId('self-score-1.1.1')).toHaveAttribute('data-points', '17.08');
  await expect(rp.getByTestId('save-state-1.1.1')).toHaveAttribute('data-state', 'saved');
  await expect(rp.getByTestId('save-state-1.1.1')).toContainText('Đã lưu');
  // Evidence is named for 1.1.1 and none is attached yet.
  await expect(rp.getByTestId('problems-1.1.1')).toBeVisible();

  // Its evidence: a report as a PDF file.
  await rp.getByTestId('add-evidence-1.1.1').click();
  const fileDialog = rp.getByRole('dialog', { name: 'Thêm tài liệu kiểm chứng – chỉ số 1.1.1' });
  await fileDialog.getByLabel('Số hiệu văn bản').fill('45/BC-UBND');
  await fileDialog.getByLabel('Ngày văn bản').fill(`15/10/${s.year}`);
  await fileDialog.getByLabel('Ngày văn bản').press('Enter');
  await fileDialog.getByLabel('Trích yếu').fill('Báo cáo tỷ lệ hồ sơ trực tuyến toàn trình 9 tháng đầu năm');
  await fileDialog.locator('input[type=file]').setInputFiles({
    name: 'bao-cao-ho-so-truc-tuyen.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(fileDialog.getByTestId('evidence-file-chosen')).toContainText('bao-cao-ho-so-truc-tuyen.pdf');
  await fileDialog.getByRole('button', { name: 'Thêm tài liệu' }).click();
  await expect(fileDialog).toBeHidden();
  await expect(e111.getByText('Tài liệu kiểm chứng (1)')).toBeVisible();
  await expect(e111.getByRole('link', { name: 'Tải tệp bao-cao-ho-so-truc-tuyen.pdf' })).toBeVisible();
  await expect(e111.getByText(`Số 45/BC-UBND, ngày 15/10/${s.year}`)).toBeVisible();
  await expect(rp.getByTestId('problems-1.1.1')).toHaveCount(0);

  // 1.1.2, yes/no: yes → 20 of 20; its evidence is a link to the section.
  const e112 = rp.getByTestId('entry-1.1.2');
  await e112.getByRole('radio', { name: 'Có' }).check();
  await expect(rp.getByTestId('self-score-1.1.2')).toHaveText('Điểm tự chấm: 20 / 20');
  await expect(rp.getByTestId('save-state-1.1.2')).toHaveAttribute('data-state', 'saved');
  await rp.getByTestId('add-evidence-1.1.2').click();
  const linkDialog = rp.getByRole('dialog', { name: 'Thêm tài liệu kiểm chứng – chỉ số 1.1.2' });
  await linkDialog.getByLabel('Số hiệu văn bản').fill('Chuyên mục CĐS');
  await linkDialog.getByLabel('Ngày văn bản').fill(`01/03/${s.year}`);
  await linkDialog.getByLabel('Ngày văn bản').press('Enter');
  await linkDialog
    .getByLabel('Trích yếu')
    .fill('Chuyên mục chuyển đổi số trên cổng thông tin điện tử phường');
  // A button-styled radio: its input is hidden, its label is what one clicks.
  await linkDialog.getByText('Đường dẫn', { exact: true }).click();
  await expect(linkDialog.getByRole('radio', { name: 'Đường dẫn' })).toBeChecked();
  const url = `https://ky-${id.toLowerCase()}.cantho.gov.vn/chuyen-doi-so`;
  await linkDialog.getByLabel('Đường dẫn (URL)').fill(url);
  await linkDialog.getByRole('button', { name: 'Thêm tài liệu' }).click();
  await expect(linkDialog).toBeHidden();
  await expect(e112.getByRole('link', { name: url })).toBeVisible();

  // 1.1.3 does not apply to the unit: its 20 points leave the maximum (100 − 20 = 80).
  await rp.getByTestId('na-1.1.3').click();
  await rp
    .getByTestId('entry-1.1.3')
    .getByLabel('Lý do không áp dụng')
    .fill('Phường chưa thành lập Ban Chỉ đạo chuyển đổi số riêng');
  await expect(rp.getByTestId('self-score-1.1.3')).toHaveText('Điểm tự chấm: không áp dụng');
  await expect(rp.getByTestId('save-state-1.1.3')).toHaveAttribute('data-state', 'saved');

  // 2.1 is left unanswered on purpose: the first submit is refused and lists it.
  await rp.getByTestId('submit-form').click();
  await confirmDialog(rp, 'Nộp biểu mẫu tự đánh giá?', 'Nộp biểu mẫu');
  const missing = rp.getByRole('dialog', { name: 'Chưa nộp được: còn 1 chỉ số chưa hoàn thành' });
  await expect(missing.getByTestId('missing-list').getByRole('listitem')).toHaveCount(1);
  await expect(missing.getByTestId('missing-list')).toContainText('2.1');
  await snap(rp, info, 'cycle-01-missing', false);
  // The listed item leads to the indicator.
  await missing.getByTestId('missing-list').getByRole('button').click();
  await expect(missing).toBeHidden();
  const e21 = rp.getByTestId('entry-2.1');
  await expect(e21).toBeInViewport();

  // 2.1, yes/no: yes → 40 of 40.
  await e21.getByRole('radio', { name: 'Có' }).check();
  await expect(rp.getByTestId('self-score-2.1')).toHaveText('Điểm tự chấm: 40 / 40');
  await expect(rp.getByTestId('save-state-2.1')).toHaveAttribute('data-state', 'saved');
  // Self total: 17.08 + 20 + 40 = 77.08 of 100 − 20 (1.1.3 not applicable) = 80.
  await expect(rp.getByTestId('total-self')).toHaveText('77,08');
  await expect(rp.getByTestId('total-max')).toHaveText('80');
  await expect(rp.getByTestId('total-appraised')).toHaveText('—');
  await expect(rp.getByText('Tiến độ hoàn thành 100%')).toBeVisible();
  await snap(rp, info, 'cycle-02-form-filled');
  await phoneShot(rp, info, 'cycle-02-form-filled-phone');

  await rp.getByTestId('submit-form').click();
  await confirmDialog(rp, 'Nộp biểu mẫu tự đánh giá?', 'Nộp biểu mẫu');
  await expect(rp.getByText('Đã nộp biểu mẫu tự đánh giá')).toBeVisible();
  await expect(rp.getByTestId('submit-form')).toHaveCount(0);
  await expect(rp.getByText('Đơn vị đã nộp biểu mẫu; số liệu tự đánh giá chỉ đọc.')).toBeVisible();

  // ---- 2. The reviewer asks for more on 1.1.2, lowers 1.1.1 and agrees with the rest. ----
  const vp = await signIn(browser, s.reviewer, true);
  await vp.goto('/dti/cycles');
  await vp.getByRole('link', { name: s.cycleName }).click();
  await vp.getByTestId('cycle-tab-review').click();
  const queue = vp.getByRole('table', { name: 'Thẩm định' });
  const row = (code: string) => queue.locator(`tr[data-row-key="${unit.id}|${code}"]`);
  await expect(row('1.1.1')).toContainText('17,08');
  await expect(row('1.1.3')).toContainText('Không áp dụng: Phường chưa thành lập Ban Chỉ đạo');
  await expect(vp.getByText('Tổng 4 chỉ số')).toBeVisible();
  await snap(vp, info, 'cycle-03-review-queue');
  await phoneShot(vp, info, 'cycle-03-review-queue-phone', row('1.1.1'));

  const deadline = new Date(Date.now() + 2 * 86_400_000);
  deadline.setUTCHours(10, 0, 0, 0); // 17:00 in Vietnam
  await vp.getByTestId(`review-request-${unit.code}-1.1.2`).click();
  const requestDialog = vp.getByRole('dialog', { name: `Yêu cầu bổ sung 1.1.2 — ${unit.name}` });
  await requestDialog
    .getByLabel('Nội dung yêu cầu')
    .fill('Đề nghị bổ sung ảnh chụp chuyên mục có ngày đăng tin');
  await expect(requestDialog.getByLabel('Hạn bổ sung')).not.toHaveValue('');
  // The deadline is the last field: Enter takes the typed date and time and sends the request.
  await requestDialog.getByLabel('Hạn bổ sung').fill(vnDateTime(deadline));
  await requestDialog.getByLabel('Hạn bổ sung').press('Enter');
  await expect(vp.getByText('Đã gửi yêu cầu bổ sung chỉ số 1.1.2')).toBeVisible();
  await expect(requestDialog).toBeHidden();
  await expect(row('1.1.2')).toContainText(`(hạn ${vnDateTime(deadline)})`);
  await expect(row('1.1.2')).toContainText('Yêu cầu bổ sung');

  // Appraised 1.1.1 at 12 of 20.
  await vp.getByTestId(`review-adjust-${unit.code}-1.1.1`).click();
  const adjustDialog = vp.getByRole('dialog', { name: `Điều chỉnh điểm 1.1.1 — ${unit.name}` });
  await adjustDialog.getByLabel('Điểm thẩm định (0 – 20)').fill('12');
  await adjustDialog.getByLabel('Lý do').fill('Báo cáo chưa tách hồ sơ trực tuyến một phần');
  await adjustDialog.getByRole('button', { name: 'Điều chỉnh' }).click();
  await expect(vp.getByText('Đã điều chỉnh điểm chỉ số 1.1.1')).toBeVisible();
  await expect(row('1.1.1')).toContainText('12');

  await row('1.1.3').locator('.ant-checkbox').click();
  await row('2.1').locator('.ant-checkbox').click();
  await expect(vp.getByTestId('review-bulk-agree')).toHaveText('Thống nhất các mục đã chọn (2)');
  await vp.getByTestId('review-bulk-agree').click();
  await confirmDialog(vp, 'Thống nhất 2 chỉ số đã chọn?', 'Thống nhất');
  await expect(vp.getByText('Đã thống nhất 2 chỉ số')).toBeVisible();
  await expect(row('2.1')).toContainText('Thống nhất');
  await snap(vp, info, 'cycle-04-review-decided');

  // ---- 3. The reporter sees the request, explains and resubmits 1.1.2. ----
  await rp.goto('/');
  const bell = rp.getByTestId('notifications-bell');
  await expect(bell).toHaveAttribute('aria-label', /1/);
  await bell.click();
  const notice = rp.getByRole('button', { name: 'Yêu cầu bổ sung minh chứng', exact: true });
  await expect(rp.locator('li').filter({ has: notice })).toContainText(
    `chỉ số 1.1.2. Hạn: ${vnDateTime(deadline)}`,
  );
  await snap(rp, info, 'cycle-05-bell', false);
  await notice.click();
  await expect(rp).toHaveURL(formPath);
  const request112 = rp.getByTestId('request-1.1.2');
  await expect(request112).toContainText('Đề nghị bổ sung ảnh chụp chuyên mục có ngày đăng tin');
  await expect(request112).toContainText(`Hạn bổ sung: ${vnDateTime(deadline)}`);
  await expect(rp.getByText(/Có 1 chỉ số được yêu cầu bổ sung/)).toBeVisible();
  await request112
    .getByLabel('Giải trình chỉ số 1.1.2')
    .fill('Chuyên mục đăng tin từ ngày 01/3; ảnh chụp màn hình có ngày đăng đã gửi kèm đường dẫn.');
  await request112.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(rp.getByText('Đã lưu giải trình')).toBeVisible();
  await rp.getByTestId('resubmit-form').click();
  const resubmit = rp.getByRole('dialog', { name: 'Nộp lại các chỉ số đã giải trình, bổ sung' });
  await expect(resubmit.getByRole('checkbox', { name: /1\.1\.2/ })).toBeChecked();
  await confirmDialog(rp, 'Nộp lại các chỉ số đã giải trình, bổ sung', 'Nộp lại chỉ số đã bổ sung');
  await expect(rp.getByText('Đã nộp lại 1 chỉ số')).toBeVisible();
  await expect(rp.getByTestId('resubmit-form')).toHaveCount(0);
  await snap(rp, info, 'cycle-06-form-answered');

  // ---- 4. The reviewer follows the notice back to the queue and agrees. ----
  await vp.goto('/');
  await vp.getByTestId('notifications-bell').click();
  await vp.getByRole('button', { name: 'Đơn vị đã giải trình, nộp lại', exact: true }).click();
  await expect(vp.getByTestId(`review-agree-${unit.code}-1.1.2`)).toBeVisible();
  await expect(row('1.1.2')).toContainText('Chuyên mục đăng tin từ ngày 01/3');
  await expect(row('1.1.2')).toContainText('Đã giải trình');
  await vp.getByTestId(`review-agree-${unit.code}-1.1.2`).click();
  await expect(vp.getByText('Đã thống nhất chỉ số 1.1.2')).toBeVisible();
  await expect(row('1.1.2')).toContainText('Thống nhất');

  // ---- 5. The council sees the gap, sets a final value for 2.1, and confirms the unit. ----
  const cp = await signIn(browser, s.council, true);
  await cp.goto(`/dti/cycles/${s.cycleId}`);
  await cp.getByTestId('cycle-tab-council').click();
  const councilRow = cp.getByTestId(`council-row-${unit.code}`);
  // Appraised: 12 + 20 + 40 = 72; the gap 72 − 77.08 = −5.08 is at least 5% of 80 (= 4): a large gap.
  const cells = councilRow.getByRole('cell');
  await expect(councilRow).toContainText('Đã thẩm định');
  await expect(cells.filter({ hasText: /^80$/ })).toHaveCount(1);
  await expect(cells.filter({ hasText: /^77,08$/ })).toHaveCount(1);
  await expect(cells.filter({ hasText: /^72$/ })).toHaveCount(2); // appraised, and final until the council decides
  await expect(councilRow.getByText(/^[-−]5,08/)).toBeVisible();
  await expect(councilRow).toContainText('chênh lệch lớn');
  await snap(cp, info, 'cycle-07-council');
  await phoneShot(cp, info, 'cycle-07-council-phone', councilRow);

  await cp.getByTestId(`council-detail-${unit.code}`).click();
  const detail = cp.getByRole('dialog', { name: `Điểm từng chỉ số — ${unit.name}` });
  // Per indicator: 1.1.1 self 17.08, appraised and (until the council decides) final 12, gap −5.08.
  const detail111 = detail.getByRole('row').filter({ hasText: 'Tỷ lệ hồ sơ trực tuyến toàn trình' });
  await expect(detail111.getByRole('cell').nth(2)).toHaveText('17,08');
  await expect(detail111.getByRole('cell').nth(3)).toHaveText('12');
  await expect(detail111.getByRole('cell').nth(4)).toHaveText('12');
  await expect(detail111.getByRole('cell').nth(5)).toHaveText(/^[-−]5,08/);
  await snap(cp, info, 'cycle-07b-council-detail', false);
  await detail.getByTestId(`council-final-${unit.code}-2.1`).click();
  const finalDialog = cp.getByRole('dialog', { name: 'Điểm kết quả chỉ số 2.1' });
  await finalDialog.getByLabel('Điểm kết quả (0 – 40)').fill('30');
  await finalDialog.getByLabel('Lý do').fill('Tổ công nghệ số cộng đồng mới hoạt động từ tháng 6');
  await finalDialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(cp.getByText('Đã đặt điểm kết quả chỉ số 2.1')).toBeVisible();
  await expect(finalDialog).toBeHidden();
  await expect(
    detail.getByText('Hội đồng: Tổ công nghệ số cộng đồng mới hoạt động từ tháng 6'),
  ).toBeVisible();
  await detail.getByRole('button', { name: 'Đóng' }).first().click();
  await expect(detail).toBeHidden();
  // Final: 12 + 20 + 30 = 62.
  await expect(cells.filter({ hasText: /^62$/ })).toHaveCount(1);

  await councilRow.locator('.ant-checkbox').click();
  await cp.getByTestId('council-confirm').click();
  await confirmDialog(cp, `Phê duyệt kết quả của ${unit.name}?`, 'Phê duyệt');
  await expect(cp.getByText('Đã phê duyệt 1 đơn vị')).toBeVisible();
  await expect(councilRow).toContainText('Hội đồng phê duyệt');

  // ---- 6. The organiser publishes; the ranking shows the three scores. ----
  const op = await signIn(browser, s.organiser, true);
  await op.goto(`/dti/cycles/${s.cycleId}`);
  await op.getByTestId('cycle-tab-publish').click();
  await op.getByTestId('publish-button').click();
  await confirmDialog(op, 'Công bố kết quả kỳ đánh giá?', 'Công bố kết quả');
  // The message, and the cycle's heading tag.
  await expect(op.getByText('Đã công bố phiên bản 1')).toHaveCount(2);
  const ranked = op.getByTestId(`ranking-row-${unit.code}`);
  const [rank, , self, appraised, final, band] = [0, 1, 2, 3, 4, 5].map((i) =>
    ranked.getByRole('cell').nth(i),
  );
  // Values are points ÷ 80: self 77.08 → 0.9635; appraised 72 → 0.9000; final 62 → 0.7750, band "Khá"
  // (0.7 ≤ 0.775 < 0.85). The only unit of its level ranks 1 of 1.
  await expect(rank!).toHaveText('1/1');
  await expect(self!).toHaveText('0,963577,08 / 80 điểm');
  await expect(appraised!).toHaveText('0,900072 / 80 điểm');
  await expect(final!).toHaveText('0,775062 / 80 điểm');
  await expect(band!).toHaveText('Khá');
  await snap(op, info, 'cycle-08-ranking');
  await phoneShot(op, info, 'cycle-08-ranking-phone', ranked);

  // The reporter's form now carries the three totals.
  await rp.reload();
  await expect(rp.getByTestId('total-self')).toHaveText('77,08');
  await expect(rp.getByTestId('total-appraised')).toHaveText('72');
  await expect(rp.getByTestId('total-final')).toHaveText('62');
  await snap(rp, info, 'cycle-09-form-published');

  // Each indicator keeps its three scores and its history: who changed what, when and why.
  const card111 = rp.getByTestId('entry-1.1.1');
  await card111.locator('button[aria-expanded]').click();
  await expect(card111.getByTestId('score-self-1.1.1')).toHaveText('17,08 / 20');
  await expect(card111.getByTestId('score-appraised-1.1.1')).toHaveText('12 / 20');
  await expect(card111.getByTestId('score-final-1.1.1')).toHaveText('12 / 20');
  await expect(card111).toContainText('Lý do điều chỉnh: Báo cáo chưa tách hồ sơ trực tuyến một phần');
  await snap(rp, info, 'cycle-09b-indicator-scores');
  await rp.getByTestId('history-1.1.1').click();
  const history = rp.getByRole('dialog', { name: 'Lịch sử thay đổi – chỉ số 1.1.1' });
  const adjusted = history.getByRole('row').filter({ hasText: 'Điểm thẩm định' });
  await expect(adjusted).toContainText(s.reviewer.fullName);
  await expect(adjusted).toContainText('12');
  await expect(adjusted).toContainText('Báo cáo chưa tách hồ sơ trực tuyến một phần');
  await snap(rp, info, 'cycle-09c-history', false);

  for (const p of [rp, vp, cp, op]) await p.context().close();
});

test("a reporter opening another unit's form is refused and sees none of its data", async ({
  browser,
  request,
  playwright,
}, info) => {
  const id = run();
  const baseURL = info.project.use.baseURL;
  const s = await setUpCycle(request, () => playwright.request.newContext({ baseURL }), id, 2);
  const [mine, other] = s.units as [(typeof s.units)[0], (typeof s.units)[0]];
  const page = await signIn(browser, s.reporters[0]!, true);

  // Their own form opens.
  await page.goto(`/dti/cycles/${s.cycleId}/units/${mine.id}`);
  await expect(page.getByRole('heading', { level: 1, name: mine.name })).toBeVisible();

  const answer = page.waitForResponse((r) => r.url().endsWith(`/units/${other.id}/form`));
  await page.goto(`/dti/cycles/${s.cycleId}/units/${other.id}`);
  const res = await answer;
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('forbidden_unit');
  await expect(
    page.getByRole('heading', { name: 'Bạn không có quyền xem biểu mẫu của đơn vị này' }),
  ).toBeVisible();
  await expect(page.getByText(other.name)).toHaveCount(0);
  await expect(page.locator('[data-testid^="entry-"]')).toHaveCount(0);
  await expect(page.getByTestId('total-self')).toHaveCount(0);
  await snap(page, info, 'cycle-10-forbidden');
  await phoneShot(page, info, 'cycle-10-forbidden-phone');
  await page.context().close();
});
