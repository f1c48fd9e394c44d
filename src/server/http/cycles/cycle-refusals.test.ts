import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWindows } from '../../../contracts/cycles';
import { CYCLE_WINDOWS } from '../../../core/cycle/windows';
import { type CycleWorld, cycleWorld } from '../../cycle/testing';
import { auditLog, cycleEntries, cycleEvidence } from '../../db/schema';
import { multipartFile } from '../../testing/hostile-files';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const DAY = 86_400_000;

/** Windows from day offsets [opens, closes] relative to now. */
function windowsAt(spans: [number, number][]): TWindows {
  const now = Date.now();
  return Object.fromEntries(
    CYCLE_WINDOWS.map((w, i) => [
      w,
      {
        opensAt: new Date(now + spans[i]![0] * DAY).toISOString(),
        closesAt: new Date(now + spans[i]![1] * DAY).toISOString(),
      },
    ]),
  ) as TWindows;
}

describe.each(dbKinds())('DTI cycle refusals change nothing (%s)', (kind) => {
  let t: TestApp;
  let w: CycleWorld;
  let unitA: string;
  let unitB: string;
  const url = (unitId: string, rest: string) => `/api/cycles/${w.cycleId}/units/${unitId}${rest}`;

  /** Every row this cycle holds for a unit, and the audit lines about it: what a refusal must not change. */
  const stateOf = async (unitId: string) => ({
    entries: await t.database.db
      .select()
      .from(cycleEntries)
      .where(and(eq(cycleEntries.cycleId, w.cycleId), eq(cycleEntries.unitId, unitId))),
    evidence: await t.database.db.select().from(cycleEvidence).where(eq(cycleEvidence.unitId, unitId)),
    audit: Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(sql`${auditLog.entityId} like ${`${w.cycleId}:${unitId}%`}`)
      )[0]!.n,
    ),
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await cycleWorld(t, { unitCount: 2, prefix: 'r' });
    [unitA, unitB] = w.units.map((u) => u.id) as [string, string];
    const res = await w.reporters[1]!.request('PUT', url(unitB, '/entries/1.1.1'), {
      inputs: { a: 1, b: 2 },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("refuses every write and read of another unit's form", async () => {
    const before = await stateOf(unitB);
    const a = w.reporters[0]!;
    const pdf = await multipartFile(Buffer.from('%PDF-1.4\n%%EOF\n'), 'a.pdf', {
      docNumber: '1',
      docDate: '2025-01-01',
      summary: 'Báo cáo',
    });
    const calls = [
      a.request('GET', url(unitB, '/form')),
      a.request('PUT', url(unitB, '/entries/1.1.1'), { inputs: { a: 2, b: 2 } }),
      a.request('PUT', url(unitB, '/entries/1.1.1/assignee'), { userId: null }),
      a.request('POST', url(unitB, '/entries/1.1.1/evidence'), pdf.payload, {
        'content-type': pdf.contentType,
      }),
      a.request('POST', url(unitB, '/submit')),
      a.request('POST', url(unitB, '/resubmit'), { codes: ['1.1.1'] }),
      a.request('GET', url(unitB, '/entries/1.1.1/history')),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden_unit');
    }
    expect(await stateOf(unitB)).toEqual(before);
  });

  it('a reviewer sees and decides only what is assigned', async () => {
    await t.addUser('rrev2', 'reviewer');
    const other = await t.login('rrev2');
    const queue = await other.request('GET', `/api/cycles/${w.cycleId}/review-queue`);
    expect(queue.json().total).toBe(0);
    expect((await other.request('GET', url(unitB, '/form'))).statusCode).toBe(403);
    const before = await stateOf(unitB);
    const review = await other.request('POST', url(unitB, '/entries/1.1.1/review'), { action: 'agree' });
    expect(review.statusCode).toBe(403);
    expect(review.json().message).toBe('Bạn không được phân công thẩm định chỉ số 1.1.1 của đơn vị này');
    expect(await stateOf(unitB)).toEqual(before);
  });

  it('refuses writes outside the windows with their dates, and an extension reopens one unit only', async () => {
    const closed = await w.organiser.request('PATCH', `/api/cycles/${w.cycleId}`, {
      windows: windowsAt([
        [-10, -1],
        [5, 9],
        [5, 10],
        [6, 11],
        [7, 12],
      ]),
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const beforeA = await stateOf(unitA);
    const beforeB = await stateOf(unitB);
    for (const [i, reporter] of w.reporters.entries()) {
      const unitId = w.units[i]!.id;
      const save = await reporter.request('PUT', url(unitId, '/entries/1.1.2'), { inputs: { yes: true } });
      expect(save.statusCode).toBe(409);
      expect(save.json().code).toBe('window_closed');
      expect(save.json().message).toMatch(
        /^Đã hết thời gian tự đánh giá \(từ \d\d\/\d\d\/\d{4} \d\d:\d\d đến .*\)/,
      );
      const evidence = await reporter.request('POST', url(unitId, '/entries/1.1.2/evidence'), {
        docNumber: '1',
        docDate: '2025-01-01',
        summary: 'Chuyên mục',
        url: 'https://example.gov.vn/a',
      });
      expect(evidence.json().code).toBe('window_closed');
      expect((await reporter.request('POST', url(unitId, '/submit'))).json().code).toBe('window_closed');
    }
    expect(await stateOf(unitA)).toEqual(beforeA);
    expect(await stateOf(unitB)).toEqual(beforeB);

    const ext = await w.organiser.request('PUT', `/api/cycles/${w.cycleId}/extensions`, {
      unitId: unitA,
      window: 'self_assessment',
      until: new Date(Date.now() + 2 * DAY).toISOString(),
      reason: 'Đơn vị mới sáp nhập',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(
      (await w.reporters[0]!.request('PUT', url(unitA, '/entries/1.1.2'), { inputs: { yes: true } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await w.reporters[1]!.request('PUT', url(unitB, '/entries/1.1.2'), { inputs: { yes: true } }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses review and council work before their windows open', async () => {
    const a = w.reporters[0]!;
    for (const [code, inputs] of [
      ['1.1.1', { a: 1, b: 1 }],
      ['2.1', { yes: false }],
    ] as const) {
      expect((await a.request('PUT', url(unitA, `/entries/${code}`), { inputs })).statusCode).toBe(200);
    }
    await a.request('PUT', url(unitA, '/entries/1.1.3'), { notApplicable: 'Chưa thành lập' });
    for (const code of ['1.1.1', '1.1.2']) {
      await a.request('POST', url(unitA, `/entries/${code}/evidence`), {
        docNumber: '1',
        docDate: '2025-01-01',
        summary: 'Minh chứng',
        url: 'https://example.gov.vn/a',
      });
    }
    expect((await a.request('POST', url(unitA, '/submit'))).statusCode).toBe(200);
    const before = await stateOf(unitA);
    const review = await w.reviewer.request('POST', url(unitA, '/entries/1.1.1/review'), { action: 'agree' });
    expect(review.statusCode).toBe(409);
    expect(review.json().message).toMatch(/^Chưa đến thời gian thẩm định/);
    const final = await w.council.request('PUT', url(unitA, '/entries/1.1.1/final'), {
      points: 1,
      reason: 'Điều chỉnh',
    });
    expect(final.statusCode).toBe(409);
    expect(await stateOf(unitA)).toEqual(before);
  });

  it('a reviewer assigned a pillar reads and reviews only that pillar', async () => {
    const reviewerId = await t.addUser('rrev3', 'reviewer');
    const assign = await w.organiser.request('PUT', `/api/cycles/${w.cycleId}/reviewers`, {
      assignments: [
        ...w.units.map((u) => ({ userId: w.reviewerId, unitId: u.id })),
        { userId: reviewerId, pillarCode: '2' },
      ],
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const pillar = await t.login('rrev3');
    const form = await pillar.request('GET', url(unitA, '/form'));
    expect(form.json().entries.map((e: { code: string }) => e.code)).toEqual(['2.1']);
    const queue = await pillar.request('GET', `/api/cycles/${w.cycleId}/review-queue`);
    expect(queue.json().items.map((i: { code: string }) => i.code)).toEqual(['2.1']);
    expect((await pillar.request('GET', url(unitA, '/entries/2.1/history'))).statusCode).toBe(200);
    const other = await pillar.request('GET', url(unitA, '/entries/1.1.1/history'));
    expect(other.statusCode).toBe(403);
  });

  it('counts every unit in the list and shows the latest published version', async () => {
    const list = await w.organiser.request('GET', '/api/cycles');
    const item = list.json().items.find((c: { id: string }) => c.id === w.cycleId);
    expect(item).toMatchObject({ unitCount: 2, submittedCount: 1, approvedCount: 0, publishedVersion: null });
  });
});
