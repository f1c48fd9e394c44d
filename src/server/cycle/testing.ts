import type { TCreateCycle, TWindows } from '../../contracts/cycles';
import { CYCLE_WINDOWS } from '../../core/cycle/windows';
import type { Framework } from '../../core/framework/model';
import { insertVersion } from '../framework/create-version';
import type { Agent, TestApp } from '../testing/test-app';

const HOUR = 3600_000;

/** A commune-level set with the shapes the cycle meets: evidence named, "not applicable" allowed, a ratio. */
export function cycleFramework(over: Partial<Framework> = {}): Framework {
  return {
    formatVersion: 1,
    code: 'ky-xa',
    name: 'Bộ chỉ số kỳ đánh giá cấp xã',
    year: 2025,
    level: 'xa',
    nominalMax: 100,
    illustrative: true,
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [],
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
            name: 'Nhận thức số',
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
                name: 'Có chuyên mục chuyển đổi số',
                maxPoints: 20,
                evidence: 'Đường dẫn tới chuyên mục',
                rule: { type: 'yes_no' },
              },
              {
                code: '1.1.3',
                kind: 'component',
                name: 'Số cuộc họp Ban Chỉ đạo',
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
            name: 'Tổ công nghệ số cộng đồng',
            maxPoints: 40,
            rule: { type: 'yes_no' },
          },
        ],
      },
    ],
    ...over,
  };
}

/** Windows that are all open from an hour ago, each closing a day after the one before. */
export function openWindows(now = new Date()): TWindows {
  const out = {} as TWindows;
  CYCLE_WINDOWS.forEach((w, i) => {
    out[w] = {
      opensAt: new Date(now.getTime() - HOUR).toISOString(),
      closesAt: new Date(now.getTime() + (10 + i) * 24 * HOUR).toISOString(),
    };
  });
  return out;
}

export interface CycleWorld {
  cycleId: string;
  frameworkId: string;
  units: { id: string; code: string }[];
  organiser: Agent;
  reviewer: Agent;
  council: Agent;
  /** One reporter per unit, in the order of `units`. */
  reporters: Agent[];
  reviewerId: string;
}

/**
 * A cycle ready for self-assessment: a set, `unitCount` communes each with a reporter, an organiser, a
 * reviewer assigned to every unit, a council member; every window open.
 */
export async function cycleWorld(
  t: TestApp,
  opts: { unitCount?: number; framework?: Framework; prefix?: string } = {},
): Promise<CycleWorld> {
  const p = opts.prefix ?? 'k';
  const frameworkId = await insertVersion(
    t.database.db,
    { id: null, username: 'test', ip: null },
    opts.framework ?? cycleFramework(),
    {
      action: 'test',
    },
  );
  const units: CycleWorld['units'] = [];
  for (let i = 1; i <= (opts.unitCount ?? 2); i++) {
    const code = `${p.toUpperCase()}-X${String(i).padStart(3, '0')}`;
    units.push({ id: await t.addUnit(code, `Phường Thử ${i}`, { validFrom: '2025-07-01' }), code });
  }
  await t.addUser(`${p}org`, 'organiser');
  const reviewerId = await t.addUser(`${p}rev`, 'reviewer');
  await t.addUser(`${p}hd`, 'council');
  for (const [i, u] of units.entries()) await t.addUser(`${p}bc${i + 1}`, 'reporter', u.id);
  const organiser = await t.login(`${p}org`);
  const body: TCreateCycle = {
    year: 2025,
    name: 'Đánh giá DTI cấp xã năm 2025',
    windows: openWindows(),
    frameworks: { xa: frameworkId },
    unitIds: units.map((u) => u.id),
  };
  const res = await organiser.request('POST', '/api/cycles', body);
  if (res.statusCode !== 200) throw new Error(`create cycle: ${res.body}`);
  const cycleId = res.json().id as string;
  const assign = await organiser.request('PUT', `/api/cycles/${cycleId}/reviewers`, {
    assignments: units.map((u) => ({ userId: reviewerId, unitId: u.id })),
  });
  if (assign.statusCode !== 200) throw new Error(`assign: ${assign.body}`);
  const reporters: Agent[] = [];
  for (let i = 1; i <= units.length; i++) reporters.push(await t.login(`${p}bc${i}`));
  return {
    cycleId,
    frameworkId,
    units,
    organiser,
    reviewer: await t.login(`${p}rev`),
    council: await t.login(`${p}hd`),
    reporters,
    reviewerId,
  };
}
