import { expect, test } from '@playwright/test';
import { expectAccessible, login, shot } from './helpers';

test('admin pages pass axe and show real data (users, audit log, unit detail, cycle board, results)', async ({
  page,
}) => {
  // Five pages each checked by axe: the results dashboard alone takes seconds on a busy machine.
  test.setTimeout(150_000);
  await login(page);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Người dùng' })).toBeVisible();
  await expect(page.getByRole('table').getByText('admin', { exact: true })).toBeVisible();
  await shot(page, '10-users');
  await expectAccessible(page, 'users');

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Nhật ký hệ thống' })).toBeVisible();
  // Newest first: this admin's own login of a moment ago heads the log.
  await expect(page.getByRole('table').getByText('Đăng nhập', { exact: true }).first()).toBeVisible();
  await shot(page, '11-audit');
  await expectAccessible(page, 'audit');

  // A merged commune shows its predecessors from the 2022 structure.
  await page.goto('/units?q=CT26-003');
  await page.getByRole('link', { name: 'Phường Cái Khế' }).click();
  await expect(page.getByRole('heading', { name: 'Phường Cái Khế' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Phường An Hòa/ })).toBeVisible();
  await shot(page, '12-unit-detail');
  await expectAccessible(page, 'unit detail');

  // The demo data holds a DTI cycle: its list and its progress board.
  await page.getByRole('navigation').getByRole('link', { name: 'Kỳ đánh giá' }).click();
  await page.getByRole('link', { name: /Đánh giá mức độ chuyển đổi số \(DTI\) năm 2026/ }).click();
  await expect(page.getByTestId('board-export')).toBeVisible();
  await expectAccessible(page, 'cycle board');

  // The DTI results dashboard opens on the latest published demo cycle.
  await page.getByRole('navigation').getByRole('link', { name: 'Kết quả', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả đánh giá DTI' })).toBeVisible();
  await expect(page.getByTestId('results-source')).toContainText('công bố lúc');
  await expectAccessible(page, 'results dashboard');
});

test('the interface switches to English and back', async ({ page }) => {
  await login(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation').getByRole('link', { name: 'Units' }).click();
  await expect(page.getByRole('heading', { name: 'Unit register' })).toBeVisible();
  await shot(page, '13-units-english');
  await expectAccessible(page, 'units in English');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the menu opens as a drawer and the units list fits the screen', async ({ page }) => {
    await login(page);
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Đơn vị' }).click();
    await expect(page.getByRole('heading', { name: 'Danh mục đơn vị' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '20-phone-units');
    await expectAccessible(page, 'units on a phone');
  });
});

test('a reporter sees only their own unit and no admin pages', async ({ page, request }) => {
  // Set up a reporter through the API as the admin would.
  const { E2E_ADMIN_PASSWORD } = await import('../playwright.config');
  const session = await (
    await request.post('/api/auth/login', { data: { username: 'admin', password: E2E_ADMIN_PASSWORD } })
  ).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const unit = (await (await request.get('/api/units?q=CT26-001')).json()).items[0];
  const created = await request.post('/api/users', {
    headers,
    data: {
      username: 'reporter.anbinh',
      fullName: 'Nguyễn Thị Báo Cáo',
      role: 'reporter',
      unitId: unit.id,
      password: 'Bao-cao-2026-xyz',
    },
  });
  expect(created.status()).toBe(200);

  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('reporter.anbinh');
  await page.getByLabel('Mật khẩu').fill('Bao-cao-2026-xyz');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // A new account must change its password first.
  await expect(page.getByRole('heading', { name: 'Đổi mật khẩu' })).toBeVisible();
  await page.getByLabel('Mật khẩu hiện tại').fill('Bao-cao-2026-xyz');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Moi-bao-cao-2026');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Moi-bao-cao-2026');
  await page.getByLabel('Nhập lại mật khẩu mới').press('Enter');
  await expect(page.getByText('Đã đổi mật khẩu')).toBeVisible();

  await page.goto('/units');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Phường An Bình' })).toHaveCount(1);
  await expect(page.getByText('Tổng 1 đơn vị')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm đơn vị' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByText('Không có quyền truy cập')).toBeVisible();
  await shot(page, '30-reporter-forbidden');
});
