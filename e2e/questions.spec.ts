import { expect, test } from '@playwright/test';
import { ARTIFACTS, expectAccessible, login, pickOption, shot } from './helpers';

const AIKEN_ONE_BAD = `Văn bản đi theo Nghị định 30/2020 có mấy bước?
A. 4 bước
B. 5 bước
ANSWER: B

Câu thiếu đáp án E2E?
A. Có
B. Không
ANSWER: E
`;

const GIFT_CLEAN = `$CATEGORY: $course$/top/E2E nhập/Chữ ký số
::E2E-G1::Chữ ký số E2E không bảo đảm tính chất nào? {~Xác thực ~Toàn vẹn =Bí mật}

::E2E-G2::Chữ ký số E2E bảo đảm tính chống chối bỏ. {T}
`;

test('an organiser manages the question bank: search, categories, editor, approval, import, delete', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Ngân hàng câu hỏi' })
    .click();
  await expect(page.getByRole('heading', { name: 'Ngân hàng câu hỏi', level: 1 })).toBeVisible();
  // The demo bank is loaded with the demo data.
  await expect(page.getByText(/Tổng \d+ câu hỏi/)).toBeVisible();
  await shot(page, 'questions-01-list');
  await expectAccessible(page, 'question bank');

  // Search ignoring diacritics.
  await page.getByRole('textbox', { name: 'Tìm câu hỏi' }).fill('chu ky so');
  await expect(page).toHaveURL(/q=chu\+ky\+so/);
  const table = page.getByRole('table');
  await expect(table.getByText(/chữ ký số/i).first()).toBeVisible();
  await shot(page, 'questions-02-search');
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();

  // A category of our own.
  await page.getByRole('button', { name: 'Thêm danh mục' }).click();
  const catDialog = page.getByRole('dialog', { name: 'Thêm danh mục' });
  await catDialog.getByLabel('Tên danh mục').fill('Thử nghiệm E2E');
  await catDialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu danh mục')).toBeVisible();
  await page.getByRole('tree').getByText('Thử nghiệm E2E').click();
  await expect(page).toHaveURL(/categoryId=/);
  await expect(page.getByText('Không có câu hỏi nào khớp bộ lọc')).toBeVisible();

  // The editor: validation first, then a valid single-answer question.
  await page.getByRole('button', { name: 'Thêm câu hỏi' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'Thêm câu hỏi' });
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(drawer.getByText('Nhập nội dung câu hỏi')).toBeVisible();
  await drawer.getByLabel('Nội dung câu hỏi').fill('Ngày Chuyển đổi số quốc gia E2E là ngày nào?');
  for (const [letter, text] of [
    ['A', '10/10'],
    ['B', '03/6'],
    ['C', '15/9'],
    ['D', '22/12'],
  ]) {
    await drawer.getByLabel(`Phương án ${letter}`, { exact: true }).fill(text as string);
  }
  await drawer.getByRole('checkbox', { name: 'Phương án A là đáp án đúng' }).check();
  await drawer.getByLabel('Thẻ').click();
  await page.keyboard.type('qd505');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await drawer.getByLabel('Văn bản nguồn').fill('Quyết định 505/QĐ-TTg');
  await shot(page, 'questions-03-editor');
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã thêm câu hỏi (nháp)')).toBeVisible();
  const editDrawer = page.getByRole('dialog', { name: /Câu hỏi/ });
  await expect(editDrawer.getByRole('tab', { name: 'Lịch sử phiên bản (1)' })).toBeVisible();

  // Approve, then look at the history tab.
  await editDrawer.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByText('Đã duyệt câu hỏi')).toBeVisible();
  await expect(editDrawer.getByText('Đã duyệt').first()).toBeVisible();
  await editDrawer.getByRole('tab', { name: /Lịch sử phiên bản/ }).click();
  await expect(editDrawer.getByText('Phiên bản 1')).toBeVisible();
  await shot(page, 'questions-04-history');
  await editDrawer.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(table.getByText('Ngày Chuyển đổi số quốc gia E2E là ngày nào?')).toBeVisible();
  await expect(table.getByText('Đã duyệt')).toBeVisible();

  // Import: a file with a bad question imports nothing and names the question.
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập câu hỏi từ tệp' })).toBeVisible();
  const chooser = page.locator('input[type=file]');
  await chooser.setInputFiles({
    name: 'aiken.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(AIKEN_ONE_BAD),
  });
  await expect(page.getByText('1 câu hỏi có lỗi: chưa nhập câu nào')).toBeVisible();
  await expect(page.getByRole('alert').getByText(/Câu 2 \(dòng 6\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Nhập \d+ câu hỏi$/ })).toBeDisabled();
  await shot(page, 'questions-05-import-errors');
  await expectAccessible(page, 'import with errors');

  await chooser.setInputFiles({ name: 'gift.txt', mimeType: 'text/plain', buffer: Buffer.from(GIFT_CLEAN) });
  await expect(page.getByText(/Định dạng GIFT \(\.txt\): đọc được 2 câu/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Câu 2 (dòng 4)' })).toBeVisible();
  await shot(page, 'questions-06-import-preview');
  await page.getByRole('button', { name: 'Nhập 2 câu hỏi' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nhập 2 câu hỏi' }).click();
  await expect(page.getByText('Đã nhập 2 câu hỏi')).toBeVisible();
  await page.getByRole('button', { name: 'Về ngân hàng câu hỏi' }).click();
  await expect(page.getByRole('tree').getByText('E2E nhập')).toBeVisible();

  // Delete with confirmation.
  await page.getByRole('textbox', { name: 'Tìm câu hỏi' }).fill('chong choi bo E2E');
  await table.getByRole('button', { name: /Sửa câu hỏi Chữ ký số E2E bảo đảm/ }).click();
  const imported = page.getByRole('dialog', { name: /Câu hỏi/ });
  await expect(imported.getByLabel('Đúng', { exact: true })).toBeChecked();
  await imported.getByRole('button', { name: 'Xóa', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Xóa câu hỏi này khỏi ngân hàng?' })
    .getByRole('button', { name: 'Xóa' })
    .click();
  await expect(page.getByText('Đã xóa câu hỏi')).toBeVisible();
  await expect(page.getByText('Không có câu hỏi nào khớp bộ lọc')).toBeVisible();

  // Phone width: the tree gives way to a category filter; the drawer takes the full width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/contest/questions');
  await expect(page.getByText(/Tổng \d+ câu hỏi/)).toBeVisible();
  await expect(page.getByLabel('Danh mục', { exact: true })).toBeVisible();
  // Viewport-sized: a full-page shot of a long list at phone width is too tall to read.
  await page.screenshot({ path: `${ARTIFACTS}/questions-07-phone-list.png` });
  await expectAccessible(page, 'question bank on a phone');
  await page.getByRole('button', { name: 'Thêm câu hỏi' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Thêm câu hỏi' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Thêm câu hỏi' }).getByLabel('Loại câu hỏi').click();
  await pickOption(page, 'Đúng/Sai');
  await expect(
    page.getByRole('dialog', { name: 'Thêm câu hỏi' }).getByRole('radio', { name: 'Đúng' }),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/questions-08-phone-editor.png` });
});
