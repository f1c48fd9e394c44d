import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible, login, pickOption, shot } from './helpers';

async function workbookWithOneBadRow(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow([
    'Mã đơn vị',
    'Tên đơn vị',
    'Cấp (so/huyen/xa)',
    'Loại',
    'Nhóm (sở: 1/2/3)',
    'Mã đơn vị cấp trên',
    'Hiệu lực từ (dd/mm/yyyy)',
    'Hiệu lực đến (dd/mm/yyyy)',
    'Ghi chú',
  ]);
  ws.addRow(['E2E-IMP-1', 'Phường Thử Nghiệm Một', 'xa', 'phường', '', '', '01/01/2026', '', '']);
  ws.addRow(['E2E-IMP-2', 'Xã Thử Nghiệm Hai', 'xa', 'làng', '', '', '31/02/2026', '', '']);
  ws.addRow(['E2E-IMP-3', 'Xã Thử Nghiệm Ba', 'xa', 'xã', '', '', '01/01/2026', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an organiser logs in, creates a unit, finds it without diacritics, imports a bad workbook, logs out', async ({
  page,
}) => {
  await login(page);
  await shot(page, '01-home');
  await expectAccessible(page, 'home');

  await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Danh mục đơn vị' })).toBeVisible();
  await expect(page.getByText('Phường An Bình').first()).toBeVisible();
  await shot(page, '02-units');
  await expectAccessible(page, 'units list');

  // Create a unit.
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const drawer = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await drawer.getByLabel('Mã', { exact: true }).fill('E2E-DQV');
  await drawer.getByLabel('Tên đơn vị').fill('Phường Đặng Quốc Việt');
  await drawer.getByLabel('Cấp').click();
  await pickOption(page, 'Xã, phường, thị trấn');
  await expect(drawer.getByTitle('Xã, phường, thị trấn', { exact: true })).toBeVisible();
  await drawer.getByLabel('Loại').click();
  await pickOption(page, 'phường');
  await expect(drawer.getByTitle('phường', { exact: true })).toBeVisible();
  await drawer.getByLabel('Hiệu lực từ ngày').fill('01/07/2025');
  await shot(page, '03-create-filled');
  // Enter in the last field submits the form: the drawer is usable from the keyboard.
  await drawer.getByLabel('Hiệu lực từ ngày').press('Enter');
  await expect(page.getByText('Đã thêm đơn vị Phường Đặng Quốc Việt')).toBeVisible();

  // Find it by typing the name without diacritics.
  await page.goto('/units');
  await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('dang quoc viet');
  const table = page.getByRole('table');
  await expect(table.getByText('Phường Đặng Quốc Việt')).toBeVisible();
  await expect(table.getByText('Phường An Bình')).toHaveCount(0);
  await shot(page, '04-search-without-diacritics');

  // Import a workbook with one bad row: nothing is imported, the row is reported.
  await page
    .getByRole('link', { name: 'Nhập từ Excel' })
    .or(page.getByRole('button', { name: 'Nhập từ Excel' }))
    .click();
  await expect(page.getByRole('heading', { name: 'Nhập đơn vị từ Excel' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({
    name: 'don-vi.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbookWithOneBadRow(),
  });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(page.getByText('Tệp có 1 dòng lỗi — chưa nhập đơn vị nào')).toBeVisible();
  const errors = page.getByRole('table');
  await expect(errors.getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expect(errors.getByText('E2E-IMP-2')).toBeVisible();
  await expect(errors.getByText('E2E-IMP-1')).toHaveCount(0);
  await shot(page, '05-import-bad-row');
  await expectAccessible(page, 'import errors');

  const res = await page.request.get('/api/units?q=thu%20nghiem&status=all');
  expect((await res.json()).total).toBe(0);

  // Log out.
  await page.getByRole('button', { name: /Tài khoản/ }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
  await shot(page, '06-logged-out');
  await expectAccessible(page, 'login');
});
