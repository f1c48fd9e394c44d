import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectAccessible } from './helpers';

const PHONE = { width: 390, height: 844 };

interface PublishedUnit {
  code: string;
  name: string;
  level: string;
  rank: number | null;
  rankOf: number | null;
  band: string | null;
  final: { points: number; max: number; value: number | null };
}

/** Four decimals, comma decimal (vi-VN), as the national ranking page shows the DTI. */
const vi4 = (x: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(x);

async function snap(page: Page, info: TestInfo, name: string) {
  const body = await page.screenshot({ fullPage: true, path: info.outputPath(`${name}.png`) });
  await info.attach(name, { body, contentType: 'image/png' });
}

/** The page's own width does not grow past the viewport (wide tables scroll inside their frame). */
async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

test('the published results are public: a year ranked per level, a unit at its own link, on a phone', async ({
  page,
  request,
}, info) => {
  test.setTimeout(120_000);
  // The published 2025 table, as published (the public JSON of the snapshot); the figures the page must
  // show are computed here from the published points: DTI = points ÷ maximum, four decimals.
  const api = await request.get('/api/public/results/2025');
  expect(api.status()).toBe(200);
  const published = (await api.json()) as { cycles: { units: PublishedUnit[] }[] };
  const all = published.cycles.flatMap((c) => c.units);
  const so = all.filter((u) => u.level === 'so').sort((a, b) => a.rank! - b.rank!);
  const xa = all.filter((u) => u.level === 'xa').sort((a, b) => a.rank! - b.rank!);
  expect(so.length).toBe(14);
  expect(xa.length).toBe(103);

  // From the login page, without logging in.
  await page.goto('/login');
  await page.getByRole('link', { name: 'Xem kết quả đánh giá chuyển đổi số (DTI) đã công bố' }).click();
  await expect(page).toHaveURL(/\/cong-khai\/dti$/);
  await expect(
    page.getByRole('heading', { name: 'Kết quả đánh giá chuyển đổi số (DTI) đã công bố' }),
  ).toBeVisible();
  const years = page.getByRole('table', { name: 'Các năm đã công bố kết quả' });
  await expect(years.getByRole('link', { name: 'Năm 2024' })).toBeVisible();
  await snap(page, info, 'public-01-years');
  await years.getByRole('link', { name: 'Năm 2025' }).click();

  // The year: sở first, ranked by the DTI; every row's rank and value as computed from the snapshot.
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page).toHaveTitle('Kết quả DTI năm 2025 – Cấp sở, ban, ngành – Chỉ số DTI');
  const tables = page.getByRole('table', { name: 'Xếp hạng Chỉ số DTI' });
  for (const u of so) {
    const row = tables
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: u.name, exact: true }) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(String(u.rank));
    await expect(row.getByRole('cell').nth(3)).toHaveText(vi4(u.final.points / u.final.max));
  }
  await snap(page, info, 'public-02-year-so');
  await expectAccessible(page, 'public year page');

  // Communes: the top five and the detailed table of main-index values.
  await page
    .getByRole('navigation', { name: 'Cấp đánh giá' })
    .getByRole('link', { name: 'Cấp xã, phường' })
    .click();
  await expect(page).toHaveURL(/cap=xa/);
  const xaTable = page.getByRole('table', { name: 'Xếp hạng Chỉ số DTI' });
  for (const u of xa.slice(0, 5)) {
    const row = xaTable
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: u.name, exact: true }) });
    await expect(row).toContainText(vi4(u.final.points / u.final.max));
    await expect(row.getByRole('cell').nth(0)).toHaveText(String(u.rank));
  }
  await page
    .getByRole('navigation', { name: 'Xếp hạng theo' })
    .getByRole('link', { name: 'Xếp hạng chi tiết' })
    .click();
  await expect(page.getByRole('table', { name: 'Xếp hạng chi tiết' })).toBeVisible();
  await snap(page, info, 'public-03-year-xa-detail');

  // A unit's shareable link: its DTI, rank and band.
  const top = xa[0]!;
  await page.getByRole('link', { name: top.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cong-khai/dti/2025/${encodeURIComponent(top.code)}$`));
  await expect(page.getByRole('heading', { level: 1, name: top.name })).toBeVisible();
  const cards = page.locator('.card');
  await expect(cards.nth(0)).toContainText(vi4(top.final.points / top.final.max));
  await expect(cards.nth(1)).toContainText(`${top.rank}/${top.rankOf}`);
  await expect(cards.nth(3)).toContainText(top.band ?? '–');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    `${top.name} – Kết quả DTI năm 2025`,
  );
  await snap(page, info, 'public-04-unit');
  await expectAccessible(page, 'public unit page');

  // On a phone: the unit page and the year page fit the width; tables scroll in their own frame.
  await page.setViewportSize(PHONE);
  await page.reload();
  await expectNoHorizontalOverflow(page);
  await snap(page, info, 'public-05-unit-phone');
  await page.goto('/cong-khai/dti/2025?cap=xa');
  await expectNoHorizontalOverflow(page);
  await snap(page, info, 'public-06-year-phone');
  await page.goto('/cong-khai/dti/2025?cap=xa&theo=chi-tiet');
  await expectNoHorizontalOverflow(page);

  // The demo's 2026 cycle is under way, not published: nothing of it is public (another journey of the
  // same run may publish a 2026 cycle of its own); a year with nothing published answers 404.
  await page.goto('/cong-khai/dti/2026');
  await expect(page.getByText('Đánh giá mức độ chuyển đổi số (DTI) năm 2026 (dữ liệu mẫu)')).toHaveCount(0);
  const res = await page.goto('/cong-khai/dti/2023');
  expect(res?.status()).toBe(404);
  await expect(page.getByText('Chưa có kết quả đánh giá chuyển đổi số năm 2023 được công bố.')).toBeVisible();
  await snap(page, info, 'public-07-not-published-phone');
});
