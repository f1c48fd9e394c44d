import { type APIRequestContext, expect, type Page, type TestInfo, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { TCycleSummary, TSnapshot, TSnapshotUnit } from '../src/contracts/cycles';
import type { TDashboard } from '../src/contracts/results';
import { spearman } from '../src/core/results/stats';
import { expectAccessible, login } from './helpers';

/**
 * The leaders' dashboard and the what-if sandbox on the published demo cycles. Every figure the test
 * expects comes from the published snapshot (the scoring engine's output stored at publication) or is
 * worked out here from the API's per-index points — never read back from the page.
 */

const ORGANISER = 'demo.tochuc';
const DEMO_PASSWORD = 'Demo-2026-ThuocDo';

// The page's number formats, written out independently: vi-VN, comma decimals.
const vi4 = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const vi2 = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const signed4 = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${vi4(Math.abs(n))}`;

async function apiLogin(request: APIRequestContext) {
  const res = await request.post('/api/auth/login', {
    data: { username: ORGANISER, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return { 'x-csrf-token': (await res.json()).csrfToken as string };
}

async function get<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** A screenshot kept with the test's artifacts (and in the output folder). */
async function keep(page: Page, info: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** The published demo cycles, newest first, with their snapshots. */
async function publishedCycles(request: APIRequestContext) {
  const list = await get<{ items: TCycleSummary[] }>(request, '/api/cycles?pageSize=200');
  const published = list.items.filter((c) => c.publishedVersion !== null);
  // Other journeys may have published cycles of their own (communes only): the demo's years say so in their name.
  const demo = published.filter((c) => c.name.includes('dữ liệu mẫu'));
  expect(demo.length, 'the demo data publishes 2024 and 2025').toBeGreaterThanOrEqual(2);
  const [latest, previous] = demo as [TCycleSummary, TCycleSummary];
  const snap = (c: TCycleSummary) =>
    get<TSnapshot>(request, `/api/cycles/${c.id}/snapshots/${c.publishedVersion}`);
  return {
    newest: published[0]!,
    latest,
    previous,
    snapshot: await snap(latest),
    previousSnapshot: await snap(previous),
  };
}

/** Competition ranks ("1, 2, 2, 4") within each group, values tied when equal to 9 decimals (as the engine). */
function competitionRanks(units: { id: string; group: number | null; value: number }[]): Map<string, number> {
  const key = (v: number) => Math.round(v * 1e9);
  const out = new Map<string, number>();
  for (const u of units) {
    const above = units.filter((o) => o.group === u.group && key(o.value) > key(u.value)).length;
    out.set(u.id, above + 1);
  }
  return out;
}

test('the dashboard shows the published figures and the what-if reranks as the engine does', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  await apiLogin(request);
  const { newest, latest, previous, snapshot, previousSnapshot } = await publishedCycles(request);
  const prevById = new Map(previousSnapshot.data.units.map((u) => [u.unitId, u]));

  await login(page, ORGANISER, DEMO_PASSWORD);
  await page.getByRole('navigation').getByRole('link', { name: 'Kết quả', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả đánh giá DTI' })).toBeVisible();
  // The latest cycle with a published version is chosen, its latest version shown.
  await expect(page.getByTestId('results-source')).toContainText(newest.name);
  await expect(page.getByTestId('results-source')).toContainText(`phiên bản ${newest.publishedVersion}`);
  // The demo's latest published year, by the shareable address of the dashboard.
  await page.goto(`/dti/results?cycle=${latest.id}`);
  await expect(page.getByTestId('results-source')).toContainText(latest.name);
  await expect(page.getByTestId('results-source')).toContainText(`phiên bản ${latest.publishedVersion}`);

  // The first level (sở, ban, ngành), every group: each row is the snapshot's unit.
  const so = snapshot.data.units.filter((u) => u.level === 'so');
  expect(so.length).toBeGreaterThan(0);
  const checkRow = async (u: TSnapshotUnit) => {
    const row = page.getByTestId(`league-row-${u.code}`);
    await expect(row.getByTestId('value')).toHaveText(vi4(u.final.value!));
    await expect(row.getByTestId('rank')).toHaveText(String(u.rank));
    await expect(row.getByTestId('points')).toHaveText(`${vi2(u.final.points)}/${vi2(u.final.max)}`);
    if (u.band) await expect(row.getByRole('cell').last()).toHaveText(u.band);
  };
  for (const u of so) await checkRow(u);

  // Change on last year for units that replaced one earlier unit: this year's value − the predecessor's.
  let compared = 0;
  for (const u of so) {
    const detail = await get<{ predecessors: { id: string }[] }>(request, `/api/units/${u.unitId}`);
    if (detail.predecessors.length !== 1) continue;
    const before = prevById.get(detail.predecessors[0]!.id);
    if (!before?.final.value) continue;
    const change = u.final.value! - before.final.value;
    const cell = page.getByTestId(`league-row-${u.code}`).getByRole('cell').nth(4);
    await expect(cell).toContainText(signed4(change));
    // Last year's rank is restated among this year's group, so only the value is the snapshot's.
    await expect(cell).toContainText(`Năm trước: ${vi4(before.final.value)},`);
    compared++;
  }
  expect(compared, `units of ${latest.year} with one predecessor in ${previous.year}`).toBeGreaterThan(0);

  // Band counts of the level: the snapshot's units per band.
  const bands = page.getByTestId('band-counts');
  for (const band of new Set(so.map((u) => u.band).filter((b): b is string => b !== null))) {
    const n = so.filter((u) => u.band === band).length;
    await expect(bands.getByRole('row').filter({ hasText: band }).getByRole('cell').last()).toHaveText(
      String(n),
    );
  }
  // Distribution summary: the mean of the snapshot's values.
  const mean = so.reduce((a, u) => a + u.final.value!, 0) / so.length;
  await expect(page.getByTestId('results-distribution')).toContainText(`Trung bình${vi4(mean)}`);
  await expectAccessible(page, 'results dashboard');
  await keep(page, info, 'results-dashboard-1366');

  // The league tables download: the sở sheet's rows are the snapshot's units with their values.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('results-download-league').click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const cells = new Map<string, ExcelJS.CellValue[]>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      const v = (row.values as ExcelJS.CellValue[]).slice(1);
      if (typeof v[1] === 'string') cells.set(v[1], v);
    });
  }
  for (const u of so) {
    const row = cells.get(u.code);
    expect(row, `workbook row of ${u.code}`).toBeDefined();
    expect(row).toContain(u.name);
    expect(row!.some((c) => typeof c === 'number' && Math.abs(c - u.final.value!) < 5e-5)).toBe(true);
  }

  // The communes: the first page of their table against the snapshot.
  await page.getByLabel('Cấp').click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle('Xã, phường, thị trấn', { exact: true })
    .click();
  const xa = snapshot.data.units
    .filter((u) => u.level === 'xa')
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  await expect(page.getByTestId(`league-row-${xa[0]!.code}`)).toBeVisible();
  for (const u of xa.slice(0, 50)) await checkRow(u);
  // A unit's name opens its profile.
  await page.setViewportSize({ width: 390, height: 844 });
  await keep(page, info, 'results-dashboard-xa-390');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId(`league-row-${xa[0]!.code}`).getByRole('link', { name: xa[0]!.name }).click();
  await expect(page).toHaveURL(new RegExp(`/dti/results/${latest.id}/units/${xa[0]!.unitId}`));
  await page.goBack();

  // What-if on the sở level: the scenario doubles one main index's maximum. Every indicator under it
  // doubles with it, so a unit's points on it double and its applicable maximum too:
  //   total' = total + p, maximum' = maximum + m, value' = total' ÷ maximum'
  // with p and m the unit's points and applicable maximum on that index (the dashboard's main-index tab).
  const dash = (q: string) =>
    get<TDashboard>(request, `/api/results/cycles/${latest.id}/dashboard?level=so${q}`);
  const total = await dash('');
  const rows = total.tables.flatMap((t) => t.rows.map((r) => ({ ...r, group: t.group })));
  const mains = [...new Map(total.heatmaps.flatMap((h) => h.columns).map((c) => [c.code, c])).values()];
  let chosen: { code: string; max: number; expected: Map<string, number> } | undefined;
  for (const main of mains) {
    const byMain = await dash(`&by=main:${main.code}`);
    const onMain = new Map(byMain.tables.flatMap((t) => t.rows).map((r) => [r.unitId, r]));
    const scenario = rows.map((r) => {
      const m = onMain.get(r.unitId);
      const p = m?.value === null || m === undefined ? 0 : m.points!;
      const mx = m?.value === null || m === undefined ? 0 : m.max!;
      return { id: r.unitId, group: r.group, value: (r.points! + p) / (r.max! + mx) };
    });
    const expected = competitionRanks(scenario);
    if (rows.some((r) => expected.get(r.unitId) !== r.rank)) {
      chosen = { code: main.code, max: main.maxPoints, expected };
      break;
    }
  }
  expect(chosen, 'some main index reorders the units when doubled').toBeDefined();
  const { code, max, expected } = chosen!;
  const places = 1;

  await page.getByRole('button', { name: 'Giả định xếp hạng' }).click();
  await expect(page.getByRole('heading', { name: 'Giả định xếp hạng (what-if)' })).toBeVisible();
  await page.getByTestId(`what-if-max-${code}`).fill(String(max * 2));
  await page.getByLabel('Ngưỡng dịch chuyển N (bậc)').fill(String(places));
  await page.getByTestId('what-if-run').click();
  await expect(page.getByTestId('what-if-changes')).toBeVisible();
  let moved = 0;
  for (const r of rows) {
    const row = page.getByTestId(`what-if-row-${r.code}`);
    const after = expected.get(r.unitId)!;
    await expect(row.getByTestId('baseline-rank')).toHaveText(String(r.rank));
    await expect(row.getByTestId('scenario-rank')).toHaveText(String(after));
    await expect(row.getByTestId('rank-change')).toHaveAttribute('data-value', String(r.rank! - after));
    if (Math.abs(r.rank! - after) > places) moved++;
  }
  await expect(page.getByTestId('what-if-moved')).toHaveText(String(moved));
  // Spearman per group, from the two rankings worked out above.
  const groups = [...new Set(rows.map((r) => r.group))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const rho = groups.map((g) => {
    const members = rows.filter((r) => r.group === g);
    return spearman(
      members.map((r) => r.rank!),
      members.map((r) => expected.get(r.unitId)!),
    );
  });
  const shown = await page.getByTestId('what-if-spearman').allTextContents();
  expect(shown).toEqual(
    rho.map((x) =>
      x === null ? '—' : x.toLocaleString('vi-VN', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    ),
  );
  await expectAccessible(page, 'what-if');
  await keep(page, info, 'results-what-if-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await keep(page, info, 'results-what-if-390');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

  // The sandbox changed nothing: the published dashboard answers as before.
  const again = await dash('');
  expect(again.tables).toEqual(total.tables);
});

test('organisers preview unpublished results; the council sees published versions only', async ({
  page,
}, info) => {
  await login(page, ORGANISER, DEMO_PASSWORD);
  await page.goto('/dti/results');
  await page.getByLabel('Phiên bản').click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle('Bản xem trước (chưa công bố)', { exact: true })
    .click();
  await expect(page.getByText('Đây là bản xem trước, chưa công bố')).toBeVisible();
  await expect(page.getByTestId('results-source')).toContainText('bản xem trước');
  await keep(page, info, 'results-preview-1366');

  // The council reads the published versions only.
  await page.context().clearCookies();
  await login(page, 'demo.hoidong', DEMO_PASSWORD);
  await page.goto('/dti/results');
  await expect(page.getByTestId('results-source')).toContainText('công bố lúc');
  await page.getByLabel('Phiên bản').click();
  const options = page.locator(
    '.ant-select-dropdown:visible [role=option], .ant-select-dropdown:visible .ant-select-item',
  );
  await expect(options.first()).toBeVisible();
  await expect(page.locator('.ant-select-dropdown:visible').getByText('Bản xem trước')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Giả định xếp hạng' })).toHaveCount(0);
});
