import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSnapshot } from '../../../contracts/cycles';
import {
  ZDashboard,
  ZPublicResults,
  ZPublicUnitResult,
  ZUnitProfile,
  ZWhatIfResult,
} from '../../../contracts/results';
import { pointsFramework } from '../../../core/cycle/three-scores';
import type { Framework } from '../../../core/framework/model';
import { rankUnits } from '../../../core/scoring/rank';
import { scoreUnits } from '../../../core/scoring/score-unit';
import type { LeafEntry } from '../../../core/scoring/types';
import { type CycleWorld, cycleFramework, cycleWorld, openWindows } from '../../cycle/testing';
import { type Adjustment, FOUR_COMMUNES, ok, throughCouncil } from '../../cycle/testing-flow';
import { cycleEntries, cycleSnapshotDetails, cycleSnapshots, unitLinks } from '../../db/schema';
import { insertVersion } from '../../framework/create-version';
import { clearResultsCache } from '../../results/load-results';
import type { Agent, TestApp } from '../../testing/test-app';
import { createTestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const BANDS = [
  { code: 'A', label: 'Tốt', minValue: 0.7 },
  { code: 'B', label: 'Khá', minValue: 0.45 },
];
const FRAMEWORK: Framework = cycleFramework({
  policy: { ...cycleFramework().policy, bands: BANDS },
});

/**
 * Final points of the four communes worked out by hand from what they enter (`FOUR_COMMUNES`); the
 * reviewer lowers unit 1's 1.1.2 from 20 to 10 and agrees to everything else.
 */
const NA: LeafEntry = { notApplicable: true, reason: 'Chưa thành lập Ban Chỉ đạo' };
const FINAL: Record<string, LeafEntry>[] = [
  { '1.1.1': { points: 15 }, '1.1.2': { points: 10 }, '1.1.3': { points: 10 }, '2.1': { points: 40 } },
  { '1.1.1': { points: 0 }, '1.1.2': { points: 0 }, '1.1.3': NA, '2.1': { points: 40 } },
  { '1.1.1': { points: 20 }, '1.1.2': { points: 0 }, '1.1.3': { points: 20 }, '2.1': { points: 0 } },
  { '1.1.1': { points: 10 }, '1.1.2': { points: 0 }, '1.1.3': { points: 0 }, '2.1': { points: 40 } },
];

const LOWER_112: Adjustment = {
  unit: 0,
  code: '1.1.2',
  points: 10,
  reason: 'Chuyên mục chưa cập nhật thường xuyên',
};

describe.each(dbKinds())('results: dashboard, unit profile, what-if, public page (%s)', (kind) => {
  let t: TestApp;
  let w: CycleWorld;
  let viewer: Agent;
  let dash: string;
  const unitUrl = (i: number) => `/api/results/cycles/${w.cycleId}/units/${w.units[i]!.id}`;

  // The engine's own results for the hand-worked final points, computed here independently of the API.
  const engine = () => {
    const f = pointsFramework(FRAMEWORK);
    const scores = scoreUnits(
      f,
      w.units.map((u, i) => ({ unitId: u.id, level: 'xa' as const, group: null, inputs: FINAL[i]! })),
    );
    const ranks = rankUnits(scores, f, { kinds: ['main'] });
    return { scores, ranks };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await cycleWorld(t, { unitCount: 4, framework: FRAMEWORK, prefix: 'r' });
    await t.addUser('rviewer', 'viewer');
    viewer = await t.login('rviewer');
    dash = `/api/results/cycles/${w.cycleId}/dashboard`;
    await throughCouncil(w, FOUR_COMMUNES, [LOWER_112]);
  });
  afterAll(() => t.close());

  it('before publication: leaders get 404, organisers preview, the public page has nothing', async () => {
    const leader = await viewer.request('GET', dash);
    expect(leader.statusCode).toBe(404);
    expect(leader.json()).toMatchObject({
      code: 'not_found',
      message: 'Kỳ đánh giá này chưa công bố kết quả',
    });
    const forced = await viewer.request('GET', `${dash}?version=preview`);
    expect(forced.statusCode).toBe(403);

    const preview = await w.organiser.request('GET', dash);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = ZDashboard.parse(preview.json());
    expect(body).toMatchObject({ source: 'preview', version: null });
    // Hand-worked totals: 75/100, 40/80 (1.1.3 not applicable), 40/100, 50/100.
    expect(body.tables[0]!.rows.map((r) => [r.code, r.rank, r.value])).toEqual([
      [w.units[0]!.code, 1, 0.75],
      [w.units[1]!.code, 2, 0.5],
      [w.units[3]!.code, 2, 0.5],
      [w.units[2]!.code, 4, 0.4],
    ]);

    for (const url of ['/api/public/results/2025', `/api/public/results/2025/units/${w.units[0]!.code}`]) {
      const res = await t.anonymous().request('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('Chưa có kết quả đánh giá chuyển đổi số năm 2025 được công bố');
    }
  });

  it('after publication the dashboard matches the scoring engine', async () => {
    await ok(w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' }));
    const res = await viewer.request('GET', dash);
    expect(res.statusCode, res.body).toBe(200);
    const body = ZDashboard.parse(res.json());
    expect(body).toMatchObject({ source: 'published', version: 1, year: 2025, level: 'xa', by: 'total' });
    const { scores, ranks } = engine();
    const rows = body.tables[0]!.rows;
    for (const [i, u] of w.units.entries()) {
      const row = rows.find((r) => r.unitId === u.id)!;
      expect(row.value).toBeCloseTo(scores[i]!.total.value!, 12);
      expect(row.points).toBeCloseTo(scores[i]!.total.points, 12);
      expect(row.rank).toBe(ranks[i]!.total.rank);
      expect(row.previous).toBeNull();
    }
    // Bands by hand: 0.75 is "Tốt", both 0.5 are "Khá", 0.4 is below every band.
    expect(rows.map((r) => r.band)).toEqual(['Tốt', 'Khá', 'Khá', null]);
    expect(body.distribution.bands.map((b) => [b.code, b.count])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect(body.distribution.unbanded).toBe(1);
    expect(body.distribution.summary.mean).toBeCloseTo((0.75 + 0.5 + 0.4 + 0.5) / 4, 12);
    // Heatmap of main indices: 1.1 = (15+10+10)/60, 0/40, 40/60, 10/60; 2.1 = 1, 1, 0, 1.
    const h = body.heatmaps[0]!;
    expect(h.columns.map((c) => c.code)).toEqual(['1.1', '2.1']);
    const cell = (i: number) => h.rows.find((r) => r.unitId === w.units[i]!.id)!.values;
    expect(cell(0)[0]).toBeCloseTo(35 / 60, 12);
    expect(cell(1)).toEqual([0, 1]);
    expect(cell(2)[0]).toBeCloseTo(40 / 60, 12);
    expect(cell(3)[1]).toBe(1);
    // Self 85 → appraised 75 for unit 1; the others were agreed as entered.
    const gap = body.gaps.find((g) => g.unitId === w.units[0]!.id)!;
    expect(gap).toMatchObject({ gapPoints: -10 });
    expect(gap.relative).toBeCloseTo(-10 / 85, 12);
    expect(body.gaps.filter((g) => g.gapPoints !== 0)).toHaveLength(1);
    expect(body.mostImproved).toEqual([]);
    expect(body.tabs.map((x) => x.by)).toEqual(['total', 'pillar:1', 'main:1.1', 'pillar:2', 'main:2.1']);

    const byMain = ZDashboard.parse((await viewer.request('GET', `${dash}?by=main:1.1`)).json());
    // On 1.1: unit 3 (40/60) > unit 1 (35/60) > unit 4 (10/60) > unit 2 (0/40).
    expect(byMain.tables[0]!.rows.map((r) => r.unitId)).toEqual([2, 0, 3, 1].map((i) => w.units[i]!.id));
    expect(byMain.tables[0]!.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    const wrong = await viewer.request('GET', `${dash}?by=pillar:1.1`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('validation_failed');
  });

  it('a unit profile: three scores, radar against the group, strengths, trend, evidence', async () => {
    const res = await w.council.request('GET', unitUrl(0));
    expect(res.statusCode, res.body).toBe(200);
    const p = ZUnitProfile.parse(res.json());
    expect(p.scores.self.points).toBe(85);
    expect(p.scores.appraised.points).toBe(75);
    expect(p.scores.final.points).toBe(75);
    expect(p).toMatchObject({ rank: 1, rankOf: 4, band: 'Tốt' });
    expect(p.radar.axes.map((a) => a.code)).toEqual(['1.1', '2.1']);
    expect(p.radar.unit[0]).toBeCloseTo(35 / 60, 12);
    // Group average of 1.1: (35/60 + 0 + 40/60 + 10/60) / 4.
    expect(p.radar.groupAverage[0]).toBeCloseTo((35 / 60 + 40 / 60 + 10 / 60) / 4, 12);
    expect(p.trend).toEqual([expect.objectContaining({ year: 2025, value: 0.75, rank: 1, basis: 'own' })]);
    // 1.1.1 and 1.1.2 claimed points and name evidence; both had it when submitted.
    expect(p.evidence).toEqual({ required: 2, provided: 2, missing: 0, share: 1 });

    const third = ZUnitProfile.parse((await w.council.request('GET', unitUrl(2))).json());
    // 2.1: 0 against a group average of 3/4, a gap of −0.75.
    const weak = third.weaknesses.find((x) => x.code === '2.1')!;
    expect(weak.gap).toBeCloseTo(-0.75, 12);
    expect(third.evidence).toEqual({ required: 1, provided: 1, missing: 0, share: 1 });
  });

  it('a reporter reads only its own unit’s profile and not the dashboard', async () => {
    expect((await w.reporters[0]!.request('GET', unitUrl(0))).statusCode).toBe(200);
    const other = await w.reporters[0]!.request('GET', unitUrl(1));
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden_unit');
    const board = await w.reporters[0]!.request('GET', dash);
    expect(board.json().code).toBe('forbidden');
    expect((await w.reviewer.request('GET', dash)).statusCode).toBe(403);
  });

  it('the public page shows exactly the published snapshot, per year and per unit', async () => {
    const snap = (
      await w.organiser.request('GET', `/api/cycles/${w.cycleId}/snapshots/1`)
    ).json() as TSnapshot;
    const res = await t.anonymous().request('GET', '/api/public/results/2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    ZPublicResults.parse(body);
    expect(body).toEqual({
      year: 2025,
      cycles: [
        {
          cycleId: w.cycleId,
          cycleName: snap.cycleName,
          version: 1,
          publishedAt: snap.publishedAt,
          units: snap.data.units,
        },
      ],
    });
    const unit = await t.anonymous().request('GET', `/api/public/results/2025/units/${w.units[2]!.code}`);
    expect(unit.statusCode).toBe(200);
    ZPublicUnitResult.parse(unit.json());
    expect(unit.json().unit).toEqual(snap.data.units.find((u) => u.unitId === w.units[2]!.id));
    expect(Object.keys(unit.json()).sort()).toEqual(['cycle', 'unit', 'year']);
    const missing = await t.anonymous().request('GET', '/api/public/results/2025/units/KHONG-CO');
    expect(missing.statusCode).toBe(404);
    expect((await t.anonymous().request('GET', '/api/public/results/2024')).statusCode).toBe(404);
  });

  it('published results do not move when entries change later; the preview does', async () => {
    const before = (await viewer.request('GET', dash)).json();
    await t.database.db
      .update(cycleEntries)
      .set({ finalPoints: 0 })
      .where(and(eq(cycleEntries.cycleId, w.cycleId), eq(cycleEntries.unitId, w.units[0]!.id)));
    clearResultsCache();
    const after = (await viewer.request('GET', dash)).json();
    expect(after).toEqual(before);
    const preview = ZDashboard.parse((await w.organiser.request('GET', `${dash}?version=preview`)).json());
    expect(preview.tables[0]!.rows.find((r) => r.unitId === w.units[0]!.id)!.value).toBe(0);
  });

  it('what-if reranks in a sandbox and changes no published row', async () => {
    const rows = async () => ({
      snaps: await t.database.db.select().from(cycleSnapshots).where(eq(cycleSnapshots.cycleId, w.cycleId)),
      details: await t.database.db.select().from(cycleSnapshotDetails).orderBy(cycleSnapshotDetails.unitId),
      entries: await t.database.db
        .select()
        .from(cycleEntries)
        .where(eq(cycleEntries.cycleId, w.cycleId))
        .orderBy(cycleEntries.unitId, cycleEntries.code),
    });
    const before = await rows();
    expect(before.details).toHaveLength(4);
    const url = `/api/results/cycles/${w.cycleId}/what-if`;
    const refused = await viewer.request('POST', url, { mainMax: { '2.1': 10 } });
    expect(refused.statusCode).toBe(403);
    const res = await w.organiser.request('POST', url, { mainMax: { '2.1': 10 } });
    expect(res.statusCode, res.body).toBe(200);
    const r = ZWhatIfResult.parse(res.json());
    // 2.1 worth 10 instead of 40: 45/70, 10/50, 40/70, 20/70 → ranks 1, 4, 2, 3 (were 1, 2, 4, 2).
    const by = (i: number) => r.units.find((u) => u.unitId === w.units[i]!.id)!;
    expect([0, 1, 2, 3].map((i) => by(i).scenario.rank)).toEqual([1, 4, 2, 3]);
    expect([0, 1, 2, 3].map((i) => by(i).rankChange)).toEqual([0, -2, 2, -1]);
    expect(by(0).scenario.value).toBeCloseTo(45 / 70, 12);
    expect(r).toMatchObject({ compared: 4, moved: 3, share: 0.75 });
    const policy = await w.organiser.request('POST', url, { notApplicable: 'rank_separately' });
    expect(policy.statusCode, policy.body).toBe(200);
    const empty = await w.organiser.request('POST', url, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation_failed');
    expect(await rows()).toEqual(before);
  });

  it('published details are immutable', async () => {
    await expect(
      t.database.db.update(cycleSnapshotDetails).set({ evidenceProvided: 0 }).where(sql`true`),
    ).rejects.toThrow();
    await expect(t.database.db.delete(cycleSnapshotDetails).where(sql`true`)).rejects.toThrow();
  });
});

describe.each(dbKinds())('results: a merged unit’s trend, mean or weighted (%s)', (kind) => {
  let t: TestApp;
  let w: CycleWorld;
  let url: string;

  /**
   * 2024: two communes, published with FOUR_COMMUNES[0] and FOUR_COMMUNES[1] (final 1.1 = 35/60 and 0/40 with
   * 1.1.3 not applicable, 2.1 = 40/40 for both; totals 75/100 and 40/80). On 01/07/2025 they merge into
   * the 2025 commune, which is published with FOUR_COMMUNES[0] (75/100).
   */
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await cycleWorld(t, { unitCount: 1, framework: FRAMEWORK, prefix: 'm' });
    const old: CycleWorld['units'] = [];
    for (const i of [1, 2]) {
      const code = `M-CU${i}`;
      const id = await t.addUnit(code, `Xã Cũ ${i}`, { validFrom: '2020-01-01', validTo: '2025-06-30' });
      old.push({ id, code });
      await t.database.db.insert(unitLinks).values({
        predecessorId: id,
        successorId: w.units[0]!.id,
        kind: 'merge',
        effectiveDate: '2025-07-01',
      });
      await t.addUser(`mcu${i}`, 'reporter', id);
    }
    const set24 = await insertVersion(
      t.database.db,
      { id: null, username: 'test', ip: null },
      { ...FRAMEWORK, year: 2024 },
      { action: 'test' },
    );
    const created = await ok(
      w.organiser.request('POST', '/api/cycles', {
        year: 2024,
        name: 'Đánh giá DTI cấp xã năm 2024',
        windows: openWindows(),
        frameworks: { xa: set24 },
        unitIds: old.map((u) => u.id),
      }),
    );
    const cycle24 = JSON.parse(created.body).id as string;
    await ok(
      w.organiser.request('PUT', `/api/cycles/${cycle24}/reviewers`, {
        assignments: old.map((u) => ({ userId: w.reviewerId, unitId: u.id })),
      }),
    );
    const w24: CycleWorld = {
      ...w,
      cycleId: cycle24,
      units: old,
      reporters: [await t.login('mcu1'), await t.login('mcu2')],
    };
    await throughCouncil(w24, FOUR_COMMUNES, [LOWER_112]);
    await ok(w.organiser.request('POST', `/api/cycles/${cycle24}/publish`, { reason: '' }));
    await throughCouncil(w, FOUR_COMMUNES, [LOWER_112]);
    await ok(w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' }));
    url = `/api/results/cycles/${w.cycleId}/units/${w.units[0]!.id}`;
  });
  afterAll(() => t.close());

  it('2024 stands on the plain mean of the predecessors’ main indices by default', async () => {
    const p = ZUnitProfile.parse(JSON.parse((await ok(w.council.request('GET', url))).body));
    expect(p.trendMethod).toBe('mean');
    expect(p.trend.map((x) => [x.year, x.basis])).toEqual([
      [2024, 'merged'],
      [2025, 'own'],
    ]);
    const [y24, y25] = p.trend;
    expect(y24!.sources.sort()).toEqual(
      (await t.database.db.select().from(unitLinks)).map((l) => l.predecessorId).sort(),
    );
    // 1.1: (35/60 + 0) / 2 = 7/24 → 7/24 × 60 = 17.5 points; 2.1: (1 + 1) / 2 = 1 → 40; 57.5 of 100.
    expect(y24!.nodes['1.1']).toBeCloseTo(7 / 24, 12);
    expect(y24!.points).toBeCloseTo(57.5, 12);
    expect(y24!.value).toBeCloseTo(0.575, 12);
    expect(y24!.rank).toBeNull();
    expect(p.predecessors.map((x) => [x.code, x.name])).toEqual([
      ['M-CU1', 'Xã Cũ 1'],
      ['M-CU2', 'Xã Cũ 2'],
    ]);
    expect(y25).toMatchObject({ value: 0.75, rank: 1, basis: 'own' });
    expect(y25!.change).toBeCloseTo(0.75 - 0.575, 12);
  });

  it('weighted by each predecessor’s applicable maximum (100 and 80 points)', async () => {
    const p = ZUnitProfile.parse(
      JSON.parse((await ok(w.council.request('GET', `${url}?trend=weighted`))).body),
    );
    expect(p.trendMethod).toBe('weighted');
    const y24 = p.trend[0]!;
    // 1.1: (35/60 × 100 + 0 × 80) / 180 = 35/108 → × 60 = 2100/108 points; 2.1 stays 1 → 40.
    expect(y24.nodes['1.1']).toBeCloseTo(35 / 108, 12);
    expect(y24.points).toBeCloseTo(2100 / 108 + 40, 12);
    expect(y24.value).toBeCloseTo((2100 / 108 + 40) / 100, 12);
    // The default view is still the mean: the two are cached apart.
    const again = ZUnitProfile.parse(JSON.parse((await ok(w.council.request('GET', url))).body));
    expect(again.trend[0]!.value).toBeCloseTo(0.575, 12);

    const bad = await w.council.request('GET', `${url}?trend=median`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });
});
