import { expect, test } from '@playwright/test';
import { confirmDialog, expectAccessible, login, shot } from './helpers';

const NAME_2022 = 'Đề thực hành mẫu năm 2022 — lãnh đạo Ủy ban nhân dân quận';

test('an organiser reviews, checks and copies a practice scenario', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Đề thực hành' }).click();
  await expect(page.getByRole('heading', { name: 'Đề thực hành' })).toBeVisible();
  const link2022 = page.getByRole('link', { name: NAME_2022 });
  await expect(link2022).toBeVisible();
  await expect(page.getByRole('row', { name: /năm 2022/ }).getByText('Có sẵn')).toBeVisible();
  await shot(page, 'scenarios-01-list');
  await expectAccessible(page, 'scenario list');

  // Search ignores diacritics: "phuong" finds only the 2023 scenario.
  await page.getByLabel('Tìm kiếm').fill('phuong');
  await expect(link2022).toHaveCount(0);
  await expect(page.getByRole('link', { name: /năm 2023/ })).toBeVisible();
  await page.getByLabel('Tìm kiếm').fill('khong co de nay');
  await expect(page.getByText('Không có đề nào khớp với “khong co de nay”')).toBeVisible();
  await page.getByLabel('Tìm kiếm').fill('');

  // The 2022 scenario: form, JSON, summary.
  await link2022.click();
  await expect(page.getByRole('heading', { name: NAME_2022 })).toBeVisible();
  await expect(page.getByLabel('Chức vụ của thí sinh')).toHaveValue('Phó Chủ tịch');
  await shot(page, 'scenarios-02-editor');
  await expectAccessible(page, 'scenario editor');
  await page.getByRole('tab', { name: 'Tóm tắt' }).click();
  await expect(page.getByRole('heading', { name: /Nhiệm vụ và tiêu chí chấm \(4\)/ })).toBeVisible();
  await shot(page, 'scenarios-03-summary');
  await expectAccessible(page, 'scenario summary');

  // As the candidate sees it: the sample candidate's inbox, documents, tasks.
  await page.getByRole('tab', { name: 'Xem như thí sinh' }).click();
  await expect(page.getByText(/thí sinh mẫu Nguyễn Văn An/)).toBeVisible();
  await expect(page.getByRole('tab', { name: /Hộp thư đến \(\d+\)/ })).toBeVisible();
  await shot(page, 'scenarios-04-preview-inbox');
  await expectAccessible(page, 'scenario preview');
  await page.getByRole('tab', { name: /Văn bản \(\d+\)/ }).click();
  await expect(page.getByRole('cell', { name: /2150\/STTTT/ })).toBeVisible();
  await shot(page, 'scenarios-05-preview-documents');

  // Trial grading of an untouched attempt: nothing earned, each check with the grader's reason.
  await page.getByRole('tab', { name: 'Chấm thử' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả: 0 / 55 điểm' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Không đạt' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Đạt', exact: true })).toHaveCount(0);
  await shot(page, 'scenarios-06-dry-run');
  await expectAccessible(page, 'scenario dry run');

  // Break the JSON: every problem is listed with its path, and saving stores nothing.
  await page.getByRole('tab', { name: 'Soạn đề' }).click();
  const json = page.getByLabel('Nội dung đề (JSON)');
  const original = await json.inputValue();
  await json.fill(
    original.replace('"totalPoints": 55', '"totalPoints": 50').replace('"year": 2022', '"year": 1990'),
  );
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Đề có 2 lỗi' });
  await expect(problems).toBeVisible();
  await expect(problems.getByText('totalPoints', { exact: true })).toBeVisible();
  await expect(problems.getByText('year', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(problems).toBeVisible();
  await shot(page, 'scenarios-07-problems');
  await expectAccessible(page, 'scenario problems');
  // A syntax error is named too.
  await json.fill('{ "code": ');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'JSON sai cú pháp' })).toBeVisible();

  // Copy to a new scenario; it opens on its own page and appears in the list.
  await page.getByRole('button', { name: 'Sao chép' }).click();
  const copy = page.getByRole('dialog', { name: /Sao chép đề/ });
  await copy.getByLabel('Mã đề').fill('quan-2026-thu');
  await copy.getByLabel('Tên đề').fill('Đề quận năm 2026 (thử)');
  await copy.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Đề quận năm 2026 (thử)' })).toBeVisible();
  await expect(page.getByLabel('Mã đề')).toHaveValue('quan-2026-thu');
  await page.getByRole('link', { name: 'Đề thực hành' }).first().click();
  const row = page.getByRole('row', { name: /Đề quận năm 2026 \(thử\)/ });
  await expect(row).toBeVisible();
  // The shipped ones cannot be deleted; the copy can, after confirmation.
  await expect(page.getByRole('button', { name: `Xóa: ${NAME_2022}` })).toBeDisabled();
  await row.getByRole('button', { name: /Xóa/ }).click();
  await confirmDialog(page, 'Xóa đề “Đề quận năm 2026 (thử)”?', 'Xóa');
  await expect(page.getByText('Đã xóa đề')).toBeVisible();
  await expect(row).toHaveCount(0);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(link2022).toBeVisible();
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await shot(page, 'scenarios-08-phone');
});
