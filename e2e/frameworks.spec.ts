import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, expectAccessible, login, pickOption, shot } from './helpers';

const shipped = JSON.parse(readFileSync('templates/frameworks/cantho-so-2022.json', 'utf8')) as {
  name: string;
  nominalMax: number;
  nodes: { maxPoints: number }[];
};
const shippedTotal = shipped.nodes.reduce((s, n) => s + n.maxPoints, 0);
const nf = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

test('an organiser opens a shipped index set, clones it for 2027, edits a rule with a live preview, changes a band and compares', async ({
  page,
}) => {
  // Four accessibility scans of large tables take most of a minute on a slow machine.
  test.setTimeout(150_000);
  await login(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Bộ chỉ số' }).click();
  await expect(page.getByRole('heading', { name: 'Bộ chỉ số' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Danh sách phiên bản bộ chỉ số' });
  await expect(list.getByRole('link', { name: shipped.name })).toBeVisible();
  await expect(list.getByText('Mẫu minh họa').first()).toBeVisible();
  // The national set is a province-level set, not a district one.
  const national = list.getByRole('row', { name: /chuyển đổi số cấp tỉnh \(DTI\)/ });
  await expect(national.getByText('Cấp tỉnh', { exact: true })).toBeVisible();
  await expect(national.getByText('Cấp huyện', { exact: true })).toHaveCount(0);
  // Search ignores diacritics.
  await page.getByRole('searchbox', { name: 'Tìm bộ chỉ số' }).fill('cap so, ban, nganh');
  await expect(list.getByRole('link', { name: shipped.name })).toBeVisible();
  await expect(list.getByRole('link', { name: /cấp xã/ })).toHaveCount(0);
  await shot(page, 'frameworks-01-list');
  await expectAccessible(page, 'frameworks list');

  // The shipped set: its displayed total equals the set's maximum, and there is nothing to fix.
  await list.getByRole('link', { name: shipped.name }).click();
  await expect(page.getByRole('heading', { name: shipped.name })).toBeVisible();
  expect(shippedTotal).toBe(shipped.nominalMax);
  const total = page.locator('.ant-statistic').filter({ hasText: 'Tổng điểm các chỉ số' });
  await expect(total).toContainText(nf(shipped.nominalMax));
  await expect(page.getByText('Kiểm tra bộ chỉ số')).toBeVisible();
  await expect(page.getByText(/^\d+ lỗi/)).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: 'Cây chỉ số của phiên bản' }).getByText('1.1.2', { exact: true }),
  ).toBeVisible();
  await shot(page, 'frameworks-02-version');
  await expectAccessible(page, 'framework version');

  // Clone for 2027.
  await page.getByRole('button', { name: 'Nhân bản cho năm mới' }).click();
  const cloneDialog = page.getByRole('dialog', { name: 'Nhân bản bộ chỉ số' });
  await cloneDialog.getByLabel('Năm áp dụng').fill('2027');
  await cloneDialog.getByRole('button', { name: 'Nhân bản' }).click();
  await expect(page.getByText(/Đã tạo phiên bản năm 2027/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /năm 2027/ })).toBeVisible();
  await expect(page.getByText('Nhân bản từ')).toBeVisible();

  // Edit a leaf rule in the clone: the preview scores what is typed, as it is typed.
  const tree = page.getByRole('table', { name: 'Cây chỉ số của phiên bản' });
  await tree
    .getByRole('button', { name: /Tỷ lệ cuộc họp về chuyển đổi số do người đứng đầu chủ trì/ })
    .click();
  const drawer = page.getByRole('dialog', { name: 'Sửa chỉ số 1.1.2' });
  await expect(drawer.getByText('Thử cách tính điểm')).toBeVisible();
  await drawer.getByLabel('Tử số (a)').fill('3');
  await drawer.getByLabel('Mẫu số (b)').fill('4');
  await expect(drawer.getByTestId('preview-points')).toHaveText(`Điểm: ${nf(7.5)} / 10`);
  await drawer.getByLabel('Tỷ lệ đạt điểm tối đa').fill('0.75');
  await expect(drawer.getByTestId('preview-points')).toHaveText('Điểm: 10 / 10');
  // The drawer is fixed to the viewport: a full-page capture would cut it.
  await page.screenshot({ path: `${ARTIFACTS}/frameworks-03-node-editor.png` });
  // Another rule type: the preview's fields follow it.
  await drawer.getByLabel('Cách tính điểm', { exact: true }).click();
  await pickOption(page, 'Theo mức (ngưỡng)');
  await expect(drawer.getByLabel('Giá trị', { exact: true })).toBeVisible();
  await drawer.getByLabel('Giá trị', { exact: true }).fill('2');
  await expect(drawer.getByTestId('preview-points')).toHaveText('Điểm: 10 / 10');
  await drawer.getByLabel('Giá trị', { exact: true }).fill('1');
  await expect(drawer.getByTestId('preview-points')).toHaveText('Điểm: 5 / 10');
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu chỉ số 1.1.2')).toBeVisible();
  await expect(tree.getByRole('row', { name: /1\.1\.2/ }).getByText('Theo mức (ngưỡng)')).toBeVisible();

  // The set's details: a duplicate band threshold is refused in Vietnamese; a new one is saved.
  await page.getByRole('button', { name: 'Thông tin bộ chỉ số' }).click();
  const meta = page.getByRole('dialog', { name: 'Thông tin bộ chỉ số' });
  await expect(meta.getByLabel('Mức 2: tên')).toHaveValue('Khá');
  const khaMin = meta.getByLabel('Mức 2: ngưỡng dưới');
  await expect(khaMin).toHaveValue('0.65');
  await khaMin.fill('0.8');
  await meta.getByRole('button', { name: 'Lưu' }).click();
  await expect(meta.getByText('Hai mức cùng ngưỡng 0.8')).toHaveCount(2);
  // The drawer is fixed to the viewport: a full-page capture would cut it.
  await page.screenshot({ path: `${ARTIFACTS}/frameworks-08-meta-error.png` });
  await khaMin.fill('0.7');
  await expect(meta.getByText('Hai mức cùng ngưỡng 0.8')).toHaveCount(0);
  await meta.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu thông tin bộ chỉ số')).toBeVisible();
  await expect(meta).toBeHidden();
  await page.reload();
  await page.getByRole('button', { name: 'Thông tin bộ chỉ số' }).click();
  await expect(meta.getByLabel('Mức 2: ngưỡng dưới')).toHaveValue('0.70');
  await expectAccessible(page, 'set details');
  await meta.getByRole('button', { name: 'Hủy' }).click();
  await expect(meta).toBeHidden();

  // Compare the clone with the shipped set.
  await page.getByRole('button', { name: 'So sánh phiên bản' }).click();
  await expect(page.getByRole('heading', { name: 'So sánh hai phiên bản' })).toBeVisible();
  const diff = page.getByRole('table', { name: 'So sánh hai phiên bản' });
  const changed = diff.getByRole('row', { name: /1\.1\.2/ });
  await expect(changed.getByText('Sửa', { exact: true })).toBeVisible();
  await expect(changed.getByText('cách tính điểm')).toBeVisible();
  await expect(page.getByText('Thêm mới: 0')).toBeVisible();
  await expect(page.getByText('Bỏ: 0')).toBeVisible();
  await expect(page.getByText(/Thông tin chung thay đổi: .*chính sách tính điểm/)).toBeVisible();
  await shot(page, 'frameworks-04-compare');
  await expectAccessible(page, 'framework compare');

  // Phone width: the list, the version and the editor stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/dti/frameworks');
  await expect(page.getByRole('heading', { name: 'Bộ chỉ số' })).toBeVisible();
  await shot(page, 'frameworks-05-list-phone');
  await page.getByRole('link', { name: shipped.name }).click();
  await expect(page.getByRole('heading', { name: shipped.name })).toBeVisible();
  await shot(page, 'frameworks-06-version-phone');
  await page
    .getByRole('table', { name: 'Cây chỉ số của phiên bản' })
    .getByRole('button', { name: /Trang thông tin điện tử có chuyên mục/ })
    .click();
  await expect(page.getByRole('dialog', { name: 'Sửa chỉ số 1.1.3' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/frameworks-07-editor-phone.png` });
  await page.getByRole('dialog', { name: 'Sửa chỉ số 1.1.3' }).getByRole('button', { name: 'Hủy' }).click();
  await page.getByRole('button', { name: 'Thông tin bộ chỉ số' }).click();
  await expect(meta.getByLabel('Mức 1: ngưỡng dưới')).toHaveValue('0.80');
  await page.screenshot({ path: `${ARTIFACTS}/frameworks-09-meta-phone.png` });
  await meta.getByLabel('Mức 4: ngưỡng dưới').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/frameworks-10-meta-bands-phone.png` });
});
