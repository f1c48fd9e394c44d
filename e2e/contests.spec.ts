import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { confirmDialog, expectAccessible, login, shot } from './helpers';

const HEADERS = [
  'Số báo danh',
  'Họ và tên',
  'Ngày sinh (dd/mm/yyyy)',
  'Chức vụ',
  'Đơn vị (mã hoặc tên)',
  'Cấp (so/huyen/xa)',
  'Ca thi',
  'Thời gian cộng thêm (phút)',
];

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thí sinh');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an organiser sets up a contest: rules, sessions, candidates import, passwords and slips', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Kỳ thi & thí sinh' }).click();
  await expect(page.getByRole('heading', { name: 'Kỳ thi & thí sinh' })).toBeVisible();
  const demoLink = page.getByRole('link', { name: /năm 2026 \(dữ liệu mẫu\)/ });
  await expect(demoLink).toBeVisible();
  await shot(page, 'contests-01-list');
  await expectAccessible(page, 'contests list');

  // Create a contest: it starts from the default rules.
  await page.getByRole('button', { name: 'Tạo kỳ thi' }).click();
  const create = page.getByRole('dialog', { name: 'Tạo kỳ thi mới' });
  await create.getByLabel('Tên kỳ thi').fill('Hội thi thử nghiệm năng lực số 2027');
  await create.getByLabel('Năm').fill('2027');
  await create.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Hội thi thử nghiệm năng lực số 2027' })).toBeVisible();

  // Rules: the 2022 split 45/55; a wrong total is refused with a Vietnamese message.
  await page.getByLabel('Điểm', { exact: true }).first().fill('45');
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'phải bằng thang điểm' })).toBeVisible();
  await page.getByLabel('Điểm', { exact: true }).nth(1).fill('55');
  await expect(page.getByText('Tổng: 100 / 100 điểm')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(page.getByText('Đã lưu quy chế')).toBeVisible();
  await expect(page.getByText('Đối chiếu với câu hỏi đã duyệt')).toBeVisible();
  await shot(page, 'contests-02-rules');
  await expectAccessible(page, 'contest rules');

  // Back to the demo contest: sessions and candidates.
  await page.getByRole('link', { name: 'Kỳ thi & thí sinh' }).first().click();
  await demoLink.click();
  await page.getByRole('tab', { name: /Ca thi/ }).click();
  await expect(page.getByRole('cell', { name: 'Phòng máy 1' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '24/06/2026 07:30' })).toBeVisible();
  await shot(page, 'contests-03-sessions');

  await page.getByRole('tab', { name: /Thí sinh/ }).click();
  await expect(page.getByText('Tổng 40 mục')).toBeVisible();
  await page.getByLabel('Tìm số báo danh, họ tên, đơn vị (không cần dấu)').fill('nguyen');
  await expect(page.getByRole('cell', { name: /^Nguyễn / }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /^Trần / })).toHaveCount(0);
  await shot(page, 'contests-04-candidates-search');
  await expectAccessible(page, 'candidates');
  await page.getByLabel('Tìm số báo danh, họ tên, đơn vị (không cần dấu)').fill('');

  // Import: one unknown unit rejects the whole file and names the row and column.
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập thí sinh từ Excel' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByText('Chọn hoặc kéo thả tệp .xlsx vào đây').click();
  await (await chooser).setFiles({
    name: 'thi-sinh.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook([
      [null, 'Đặng Quốc Việt', '05/09/1975', 'Phó Giám đốc', 'Sở Nội vụ', null, 'Ca 1', '10'],
      [null, 'Lê Thị Hồng', null, null, 'Phường Không Tồn Tại', null, null, null],
    ]),
  });
  await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(dialog.getByText('Các dòng lỗi (không thí sinh nào được nhập)')).toBeVisible();
  await expect(
    dialog.getByRole('cell', { name: /Không tìm thấy đơn vị "Phường Không Tồn Tại"/ }),
  ).toBeVisible();
  await shot(page, 'contests-05-import-errors');

  const chooser2 = page.waitForEvent('filechooser');
  await dialog.getByText(/Tệp: thi-sinh.xlsx/).click();
  await (await chooser2).setFiles({
    name: 'thi-sinh-dung.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook([
      [null, 'Đặng Quốc Việt', '05/09/1975', 'Phó Giám đốc', 'sở nội vụ', null, 'Ca 1', '10'],
    ]),
  });
  await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(dialog.getByRole('cell', { name: 'TS26-0041' })).toBeVisible();
  await shot(page, 'contests-06-import-preview');
  await dialog.getByRole('button', { name: 'Nhập 1 thí sinh' }).click();
  await confirmDialog(page, 'Nhập 1 thí sinh vào kỳ thi?', 'Nhập 1 thí sinh');
  await expect(page.getByText('Đã nhập 1 thí sinh')).toBeVisible();
  await expect(page.getByText('Tổng 41 mục')).toBeVisible();

  // Passwords for Ca 1: confirmation, then the PDF of slips is downloaded.
  await page.getByRole('button', { name: 'Cấp mật khẩu' }).click();
  const issue = page.getByRole('dialog', { name: 'Cấp mật khẩu và in phiếu đăng nhập' });
  // The first session is chosen by default.
  await expect(issue.getByTitle('Ca 1 (21)')).toBeVisible();
  const go = issue.getByRole('button', { name: 'Cấp mật khẩu và tải PDF' });
  await expect(go).toBeDisabled();
  await issue.getByText('Tôi hiểu: mật khẩu cũ sẽ bị thay thế').click();
  await shot(page, 'contests-07-issue');
  const download = page.waitForEvent('download');
  await go.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('phieu-dang-nhap.pdf');
  const pdf = readFileSync((await file.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByText('Đã cấp mật khẩu cho 21 thí sinh')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Đã cấp' }).first()).toBeVisible();
  await shot(page, 'contests-08-issued');

  // Phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'e2e/artifacts/contests-09-candidates-phone.png' });
  await page.getByRole('tab', { name: /Quy chế/ }).click();
  // axe must see the rules alone, not the candidates' pane while it is still leaving.
  await expect(page.getByRole('tabpanel')).toHaveCount(1);
  await page.screenshot({ path: 'e2e/artifacts/contests-10-rules-phone.png' });
  await expectAccessible(page, 'contest rules on a phone');
  await page.setViewportSize({ width: 1366, height: 768 });
});
