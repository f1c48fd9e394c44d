import { copyFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, type TestInfo, test } from '@playwright/test';
import type { TCycleDetail, TCycleSummary, TSnapshot, TUnitForm } from '../src/contracts/cycles';
import type { TUnitDetail } from '../src/contracts/units';
import { type LeafScores, pointsFramework, stageUnitData } from '../src/core/cycle/three-scores';
import type { Framework } from '../src/core/framework/model';
import { radarSeries } from '../src/core/results/radar';
import { restateUnit } from '../src/core/results/restate';
import { unitStrengths } from '../src/core/results/strengths';
import type { UnitLink } from '../src/core/results/types';
import { scoreUnits } from '../src/core/scoring/score-unit';
import type { UnitScore } from '../src/core/scoring/types';
import { type Account, signIn } from './cycle-setup';
import { adminHeaders } from './exam-setup';
import { ARTIFACTS, expectAccessible } from './helpers';

/**
 * The unit profile on the demo's published 2024 and 2025 results. The expected figures are the scoring
 * engine's, computed here from the cycle's final entries (read through the API) with `src/core`, never
 * from the page: main-index values and the group's averages, strengths and weaknesses, and the 2024
 * value a merged commune stands on (plain mean, then weighted) from its predecessors' 2024 entries.
 */

const cycleName = (year: number) =>
  `Đánh giá mức độ chuyển đổi số (DTI) năm ${year} (dữ liệu mẫu, đã công bố)`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** An index value as the page shows it: vi-VN, four decimals. */
const v4 = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** A screenshot attached to the report and kept in e2e/artifacts. */
async function keepShot(page: Page, info: TestInfo, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  await info.attach(name, { path, contentType: 'image/png' });
  copyFileSync(path, `${ARTIFACTS}/${name}.png`);
}

/** A leaf's three stored scores, as the form shows them (the engine's input for the final stage). */
function leafScores(form: TUnitForm): Map<string, LeafScores> {
  return new Map(
    form.entries.map((e) => [
      e.code,
      {
        self:
          e.selfPoints !== null
            ? { status: 'scored', points: e.selfPoints }
            : e.notApplicable !== null
              ? { status: 'not_applicable', reason: e.notApplicable }
              : { status: 'missing' },
        review: e.review,
        appraisedPoints: e.appraisedPoints,
        finalPoints: e.finalPoints,
      } as LeafScores,
    ]),
  );
}

/** The engine's final scores of `unitIds` in a cycle, on the level's index set as it scores decided points. */
async function engineScores(
  request: APIRequestContext,
  cycleId: string,
  level: 'so' | 'huyen' | 'xa',
  unitIds: string[],
): Promise<{ set: Framework; scores: UnitScore[] }> {
  const cycle = await getJson<TCycleDetail>(request, `/api/cycles/${cycleId}`);
  const ref = cycle.frameworks.find((f) => f.level === level)!;
  const doc = (await getJson<{ document: Framework }>(request, `/api/frameworks/${ref.id}`)).document;
  const set = pointsFramework(doc);
  const data = [];
  for (let i = 0; i < unitIds.length; i += 10) {
    const forms = await Promise.all(
      unitIds
        .slice(i, i + 10)
        .map((id) => getJson<TUnitForm>(request, `/api/cycles/${cycleId}/units/${id}/form`)),
    );
    for (const f of forms)
      data.push(stageUnitData({ unitId: f.unit.id, level, group: f.unit.groupNo }, leafScores(f), 'final'));
  }
  return { set, scores: scoreUnits(set, data) };
}

async function newAccount(
  request: APIRequestContext,
  headers: Record<string, string>,
  a: Partial<Account> & {
    key: string;
    role: string;
    unitId?: string;
  },
): Promise<Account> {
  const run = Date.now().toString(36).slice(-5);
  const username = `hs.${a.key}.${run}`;
  const temporary = `Tam-thoi-${run}-2026`;
  const res = await request.post('/api/users', {
    headers,
    data: { username, fullName: a.fullName, role: a.role, unitId: a.unitId ?? null, password: temporary },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { id } = (await res.json()) as { id: string };
  return { id, username, fullName: a.fullName!, temporary, password: `Moi-${a.key}-${run}-xyz` };
}

test('a unit profile on demo data matches the scoring engine; a reporter sees only its own', async ({
  browser,
  request,
}, info) => {
  test.setTimeout(240_000);
  const headers = await adminHeaders(request);
  const cycles = await getJson<{ items: TCycleSummary[] }>(request, '/api/cycles?page=1&pageSize=50');
  const c25 = cycles.items.find((c) => c.name === cycleName(2025))!;
  const c24 = cycles.items.find((c) => c.name === cycleName(2024))!;
  expect(c25?.publishedVersion, 'the demo publishes 2025').not.toBeNull();
  expect(c24?.publishedVersion, 'the demo publishes 2024').not.toBeNull();
  const snap = await getJson<TSnapshot>(request, `/api/cycles/${c25.id}/snapshots/${c25.publishedVersion}`);

  // A commune of 2025 merged from at least two communes with 2024 results; preferably predecessors scored
  // out of different maxima (indicators not applicable), so that the plain and weighted means differ.
  const snap24 = await getJson<TSnapshot>(request, `/api/cycles/${c24.id}/snapshots/${c24.publishedVersion}`);
  const max24 = new Map(snap24.data.units.map((x) => [x.unitId, x.final.max]));
  const communes = snap.data.units
    .filter((u) => u.level === 'xa')
    .sort((a, b) => a.code.localeCompare(b.code));
  let unit: (typeof communes)[number] | undefined;
  let detail: TUnitDetail | undefined;
  for (const u of communes) {
    const d = await getJson<TUnitDetail>(request, `/api/units/${u.unitId}`);
    const merged = d.predecessors.filter((p) => p.kind === 'merge' && max24.has(p.id));
    if (merged.length < 2 || merged.length !== d.predecessors.length) continue;
    if (!unit) [unit, detail] = [u, d];
    if (new Set(merged.map((p) => max24.get(p.id))).size > 1) {
      [unit, detail] = [u, d];
      break;
    }
  }
  expect(unit, 'a merged commune with 2024 predecessors').toBeDefined();
  const u = unit!;
  const preds = detail!.predecessors;

  // ---- The engine's figures, from the final entries through the API. ----
  const peers = communes.map((x) => x.unitId);
  const e25 = await engineScores(request, c25.id, 'xa', peers);
  const radar = radarSeries([e25.set], e25.scores, u.unitId);
  const sw = unitStrengths([e25.set], e25.scores).find((s) => s.unitId === u.unitId)!;
  const mine = e25.scores.find((s) => s.unitId === u.unitId)!;
  // The engine's total is the published one.
  expect(mine.total.value).toBeCloseTo(u.final.value!, 9);

  const e24 = await engineScores(
    request,
    c24.id,
    'xa',
    preds.map((p) => p.id),
  );
  const links: UnitLink[] = preds.map((p) => ({
    predecessorId: p.id,
    successorId: u.unitId,
    kind: p.kind,
    effectiveDate: p.effectiveDate,
  }));
  const year24 = { year: 2024, frameworks: [e24.set], scores: e24.scores };
  const mean24 = restateUnit(year24, u.unitId, links)!.score.total.value;
  const weighted24 = restateUnit(year24, u.unitId, links, {
    method: 'weighted',
    weightOf: (id) => e24.scores.find((s) => s.unitId === id)!.total.max,
  })!.score.total.value;

  // The chosen predecessors were scored out of different maxima: the two averages differ on the page.
  expect(v4(weighted24), 'the weighted mean differs from the plain one').not.toBe(v4(mean24));

  // ---- The organiser opens the profile. ----
  const organiser = await newAccount(request, headers, {
    key: 'tochuc',
    role: 'organiser',
    fullName: 'Võ Thị Tổ Chức',
  });
  const op = await signIn(browser, organiser, true);
  await op.goto(`/dti/results/${c25.id}/units/${u.unitId}`);
  await expect(op.getByRole('heading', { level: 1, name: u.name })).toBeVisible();
  await expect(op.getByTestId('profile-value')).toHaveText(v4(u.final.value));
  await expect(op.getByTestId('profile-rank')).toHaveText(`${u.rank} / ${u.rankOf}`);
  await expect(op.getByTestId('profile-version')).toContainText(`Công bố lần ${c25.publishedVersion}`);

  expect(radar.axes.length).toBeGreaterThan(0);
  for (const [i, axis] of radar.axes.entries()) {
    await expect(op.getByTestId(`radar-unit-${axis.code}`)).toHaveText(v4(radar.unit[i]!));
    await expect(op.getByTestId(`radar-avg-${axis.code}`)).toHaveText(v4(radar.groupAverage[i]!));
  }
  for (const kind of ['strengths', 'weaknesses'] as const) {
    const items = op.getByTestId(`profile-${kind}`).locator(`[data-testid^="${kind}-"]`);
    await expect(items).toHaveCount(sw[kind].length);
    for (const x of sw[kind]) {
      await expect(op.getByTestId(`${kind}-${x.code}`)).toContainText(`trung bình nhóm ${v4(x.peerAverage)}`);
    }
  }

  // The trend: 2024 stands on the predecessors, averaged as the national DTI did (plain mean).
  const basis = op.getByTestId('trend-basis-2024');
  await expect(basis).toContainText('Trung bình các đơn vị tiền thân');
  for (const p of preds) await expect(basis).toContainText(p.name);
  await expect(op.getByTestId('trend-value-2024')).toHaveText(v4(mean24));
  await expect(op.getByTestId('trend-value-2025')).toHaveText(v4(u.final.value));
  await expect(op.getByTestId('profile-evidence-line')).toBeVisible();
  await expectAccessible(op, 'unit profile');
  await keepShot(op, info, 'results-profile-desktop');

  // Weighted by each predecessor's applicable maximum: the address keeps the choice.
  await op.getByText('Có trọng số', { exact: true }).click();
  await expect(op).toHaveURL(/trend=weighted/);
  await expect(op.getByTestId('trend-value-2024')).toHaveText(v4(weighted24));
  await expect(op.getByTestId('trend-method-help')).toContainText('trọng số theo điểm tối đa');

  await op.setViewportSize(PHONE);
  await op.waitForTimeout(400);
  await keepShot(op, info, 'results-profile-phone');
  await op.setViewportSize(DESKTOP);

  // ---- A reporter of the commune: its own profile from the home page, and no other. ----
  const reporter = await newAccount(request, headers, {
    key: 'baocao',
    role: 'reporter',
    unitId: u.unitId,
    fullName: 'Đặng Văn Báo Cáo',
  });
  const rp = await signIn(browser, reporter, true);
  await rp.getByRole('link', { name: /Kết quả DTI của đơn vị/ }).click();
  await expect(rp).toHaveURL(`/dti/results/${c25.id}/units/${u.unitId}`);
  await expect(rp.getByRole('heading', { level: 1, name: u.name })).toBeVisible();
  await expect(rp.getByTestId(`radar-avg-${radar.axes[0]!.code}`)).toHaveText(v4(radar.groupAverage[0]!));

  const other = communes.find((x) => x.unitId !== u.unitId)!;
  await rp.goto(`/dti/results/${c25.id}/units/${other.unitId}`);
  await expect(
    rp.getByRole('heading', { level: 1, name: 'Bạn không có quyền xem kết quả của đơn vị này' }),
  ).toBeVisible();
  await expect(rp.getByText(other.name)).toHaveCount(0);
  await rp.getByRole('link', { name: 'Xem hồ sơ kết quả của đơn vị mình' }).click();
  await expect(rp.getByRole('heading', { level: 1, name: u.name })).toBeVisible();
  await rp.goto(`/dti/results/${c25.id}/units/${other.unitId}`);
  await expectAccessible(rp, 'refused profile');
  await keepShot(rp, info, 'results-profile-refused');
});
