import { type APIRequestContext, type Browser, expect, type Page, type TestInfo } from '@playwright/test';
import { adminHeaders } from './exam-setup';

/** One account made for the journey: it logs in with `temporary` once and sets `password`. */
export interface Account {
  id: string;
  username: string;
  fullName: string;
  temporary: string;
  password: string;
}

export interface CycleSetup {
  cycleId: string;
  cycleName: string;
  year: number;
  units: { id: string; code: string; name: string }[];
  organiser: Account;
  reviewer: Account;
  council: Account;
  /** One reporter per unit, in the order of `units`. */
  reporters: Account[];
}

type Res = Awaited<ReturnType<APIRequestContext['get']>>;

async function ok<T>(res: Res): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** The year in Vietnam now: the set and the units must be valid in the cycle's year. */
export function vnYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(now));
}

/**
 * A small commune-level set: a ratio that names its evidence, a yes/no that names its evidence, a count
 * that may be declared not applicable, and a yes/no in a second pillar. Nominal maximum 100; a unit
 * that declares 1.1.3 not applicable is scored out of 80 ("rescale").
 */
export function journeyFramework(code: string, year: number) {
  return {
    formatVersion: 1,
    code,
    name: `Bộ chỉ số thử kỳ đánh giá cấp xã ${code.toUpperCase()}`,
    year,
    level: 'xa',
    nominalMax: 100,
    illustrative: true,
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [
        { code: 'tot', label: 'Tốt', minValue: 0.85 },
        { code: 'kha', label: 'Khá', minValue: 0.7 },
        { code: 'tb', label: 'Trung bình', minValue: 0 },
      ],
    },
    nodes: [
      {
        code: '1',
        kind: 'pillar',
        name: 'Chính quyền số',
        maxPoints: 60,
        children: [
          {
            code: '1.1',
            kind: 'main',
            name: 'Dịch vụ công trực tuyến',
            maxPoints: 60,
            children: [
              {
                code: '1.1.1',
                kind: 'component',
                name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
                maxPoints: 20,
                method: 'a ÷ b × 20',
                evidence: 'Báo cáo trích xuất từ Cổng dịch vụ công',
                rule: { type: 'ratio', whenDenominatorZero: 'zero' },
              },
              {
                code: '1.1.2',
                kind: 'component',
                name: 'Có chuyên mục chuyển đổi số trên cổng thông tin',
                maxPoints: 20,
                evidence: 'Đường dẫn tới chuyên mục',
                rule: { type: 'yes_no' },
              },
              {
                code: '1.1.3',
                kind: 'component',
                name: 'Số cuộc họp Ban Chỉ đạo chuyển đổi số',
                maxPoints: 20,
                mayBeNotApplicable: true,
                rule: { type: 'count', cap: 4 },
              },
            ],
          },
        ],
      },
      {
        code: '2',
        kind: 'pillar',
        name: 'Xã hội số',
        maxPoints: 40,
        children: [
          {
            code: '2.1',
            kind: 'main',
            name: 'Tổ công nghệ số cộng đồng hoạt động',
            maxPoints: 40,
            rule: { type: 'yes_no' },
          },
        ],
      },
    ],
  };
}

/** Windows all open from an hour ago, each closing a day after the one before. */
function openWindows(now = Date.now()) {
  const names = ['self_assessment', 'review', 'explanation', 'council', 'publication'] as const;
  return Object.fromEntries(
    names.map((w, i) => [
      w,
      {
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + (i + 1) * 86_400_000).toISOString(),
      },
    ]),
  );
}

/**
 * Sets a cycle up the way the admin and an organiser do through the API: an index set for this year,
 * `unitCount` new communes, an organiser, a reviewer, a council member and a reporter per unit (each
 * with a temporary password), then the organiser's cycle for just those units with the reviewer
 * assigned to each. `run` makes every code and name unique, as the data directory may be reused.
 */
export async function setUpCycle(
  request: APIRequestContext,
  newRequest: () => Promise<APIRequestContext>,
  run: string,
  unitCount: number,
): Promise<CycleSetup> {
  const headers = await adminHeaders(request);
  const post = <T>(url: string, data: unknown) => request.post(url, { headers, data }).then(ok<T>);
  const year = vnYear();
  const r = run.toLowerCase();

  const framework = await post<{ id: string }>('/api/frameworks', {
    document: journeyFramework(`e2e-ky-${r}`, year),
  });
  const units: CycleSetup['units'] = [];
  for (let i = 1; i <= unitCount; i++) {
    const code = `KY${run}-${i}`;
    const name = `Phường Đánh Giá Kỳ ${run} số ${i}`;
    const unit = await post<{ id: string }>('/api/units', {
      code,
      name,
      level: 'xa',
      kind: 'phường',
      validFrom: `${year}-01-01`,
    });
    units.push({ id: unit.id, code, name });
  }
  const account = async (key: string, fullName: string, role: string, unitId: string | null = null) => {
    const username = `ky.${key}.${r}`;
    const temporary = `Tam-thoi-${run}-2026`;
    const user = await post<{ id: string }>('/api/users', {
      username,
      fullName,
      role,
      unitId,
      password: temporary,
    });
    return { id: user.id, username, fullName, temporary, password: `Moi-${key}-${run}-xyz` };
  };
  const organiser = await account('tochuc', 'Trần Văn Tổ Chức', 'organiser');
  const reviewer = await account('thamdinh', 'Lê Thị Thẩm Định', 'reviewer');
  const council = await account('hoidong', 'Phạm Văn Hội Đồng', 'council');
  const reporters: Account[] = [];
  for (const [i, u] of units.entries())
    reporters.push(await account(`baocao${i + 1}`, `Nguyễn Thị Báo Cáo ${i + 1}`, 'reporter', u.id));

  // The organiser creates the cycle with the temporary password: the API does not wait for the change.
  const org = await newRequest();
  const session = await ok<{ csrfToken: string }>(
    await org.post('/api/auth/login', {
      data: { username: organiser.username, password: organiser.temporary },
    }),
  );
  const orgHeaders = { 'x-csrf-token': session.csrfToken };
  const cycleName = `Đánh giá DTI cấp xã năm ${year} — ${run}`;
  const cycle = await ok<{ id: string }>(
    await org.post('/api/cycles', {
      headers: orgHeaders,
      data: {
        year,
        name: cycleName,
        windows: openWindows(),
        frameworks: { xa: framework.id },
        unitIds: units.map((u) => u.id),
      },
    }),
  );
  await ok(
    await org.put(`/api/cycles/${cycle.id}/reviewers`, {
      headers: orgHeaders,
      data: { assignments: units.map((u) => ({ userId: reviewer.id, unitId: u.id })) },
    }),
  );
  await org.dispose();
  return { cycleId: cycle.id, cycleName, year, units, organiser, reviewer, council, reporters };
}

/**
 * A browser of its own for one account, signed in through the login page; on the first sign-in the
 * temporary password is changed as the application demands.
 */
export async function signIn(browser: Browser, who: Account, first: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(first ? who.temporary : who.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  if (first) {
    await expect(page.getByRole('heading', { name: 'Đổi mật khẩu' })).toBeVisible();
    await page.getByLabel('Mật khẩu hiện tại').fill(who.temporary);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(who.password);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(who.password);
    await page.getByLabel('Nhập lại mật khẩu mới').press('Enter');
    await expect(page.getByText('Đã đổi mật khẩu')).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: `Xin chào, ${who.fullName}` })).toBeVisible();
  return page;
}

/** Where screenshots are also copied, to be looked at after a run. */
export const SHOTS_DIR = '/tmp/e2e-cycle-shots';

/** A full-page screenshot into the test's output, copied to SHOTS_DIR. */
export async function snap(page: Page, info: TestInfo, name: string, fullPage = true): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  // From the top: a full-page capture of a scrolled page draws the fixed header in the middle.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  // Animations finished: a popover caught while zooming in is half transparent.
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  const { copyFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(SHOTS_DIR, { recursive: true });
  copyFileSync(path, `${SHOTS_DIR}/${name}.png`);
}
