import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSnapshotData } from '../../../contracts/cycles';
import { type CycleWorld, cycleFramework, cycleWorld } from '../../cycle/testing';
import { type Adjustment, ok, throughCouncil } from '../../cycle/testing-flow';
import { cycleEntries, cycleSnapshots, units } from '../../db/schema';
import type { TestApp } from '../../testing/test-app';
import { createTestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const HOSTILE = `Phường <script>alert("x")</script> & 'Bình' <img src=x onerror=alert(1)>`;
/** HOSTILE as it must appear in the page, escaped by hand. */
const ESCAPED =
  'Phường &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bình&#39; &lt;img src=x onerror=alert(1)&gt;';
const BANDS = [
  { code: 'A', label: 'Tốt', minValue: 0.7 },
  { code: 'B', label: 'Khá', minValue: 0.45 },
];

/**
 * Two communes on the test set (1.1.1 = a ÷ b × 20, 1.1.2 yes/no 20, 1.1.3 = 5 per meeting up to 20,
 * 2.1 yes/no 40; "not applicable" leaves score and maximum). Worked out by hand:
 * - unit 0: 15 + 20 + 10 + 40 = 85 / 100 → DTI 0,8500 (Tốt); pillar 1 = 45/60 = 0,7500, pillar 2 = 40/40 = 1,0000.
 * - unit 1: self 6,67 + 0 + (1.1.3 not applicable) + 40 = 46,67 / 80 = 0,583375; the reviewer lowers 2.1
 *   to 20, so the published total is 26,67 / 80 = 0,333375 → 0,3334 (below every band); pillar 2 = 20/40.
 */
const ENTRIES: Record<string, object>[] = [
  {
    '1.1.1': { inputs: { a: 3, b: 4 } },
    '1.1.2': { inputs: { yes: true } },
    '1.1.3': { inputs: { value: 2 } },
    '2.1': { inputs: { yes: true } },
  },
  {
    '1.1.1': { inputs: { a: 1, b: 3 } },
    '1.1.2': { inputs: { yes: false } },
    '1.1.3': { notApplicable: 'Chưa thành lập Ban Chỉ đạo' },
    '2.1': { inputs: { yes: true } },
  },
];

const LOWER_21: Adjustment = {
  unit: 1,
  code: '2.1',
  points: 20,
  reason: 'Tổ công nghệ số mới thành lập cuối năm',
};

describe.each(dbKinds())('public results pages (%s)', (kind) => {
  let t: TestApp;
  let w: CycleWorld;
  let draft: CycleWorld;
  const get = (url: string) => t.anonymous().request('GET', url);

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await cycleWorld(t, {
      framework: cycleFramework({ policy: { ...cycleFramework().policy, bands: BANDS } }),
    });
    await t.database.db.update(units).set({ name: HOSTILE }).where(eq(units.id, w.units[0]!.id));
    await throughCouncil(w, ENTRIES, [LOWER_21]);
    await ok(w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' }));
    // A second cycle of the same year, approved but never published: none of it may show.
    draft = await cycleWorld(t, { prefix: 'p' });
    await throughCouncil(draft, ENTRIES);
  }, 120_000);
  afterAll(() => t.close());

  it('shows the year without login: the published DTI to four decimals, ranks and bands, nothing else', async () => {
    const res = await get('/cong-khai/dti/2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const body = res.body;
    expect(body).toMatch(/^<!doctype html><html lang="vi">/);
    expect(body).toContain('<title>Kết quả DTI năm 2025 – Cấp xã, phường – Chỉ số DTI</title>');
    expect(body).toMatch(/<meta property="og:url" content="http:\/\/[^"]+\/cong-khai\/dti\/2025\?cap=xa">/);
    // Rank 1: unit 0 with 0,8500, 85 / 100 points, Tốt; rank 2: unit 1 with 0,3334, 26,67 / 80 points.
    const rows = [...body.matchAll(/<tr><td class="num">\d+<\/td>[\s\S]*?<\/tr>/g)].map((m) =>
      m[0]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows).toEqual([
      `1 ${w.units[0]!.code} ${ESCAPED} 0,8500 85 / 100 Tốt`,
      `2 ${w.units[1]!.code} Phường Thử 2 0,3334 26,67 / 80 –`,
    ]);
    // The unit's self-assessed total (0,5834; 46,67 points), ids and the unpublished cycle are not there.
    expect(body).not.toContain('0,5834');
    expect(body).not.toContain('46,67');
    for (const u of [...w.units, ...draft.units]) expect(body).not.toContain(u.id);
    for (const u of draft.units) expect(body).not.toContain(u.code);
  });

  it('escapes every published string', async () => {
    for (const url of ['/cong-khai/dti/2025', `/cong-khai/dti/2025/${w.units[0]!.code}`]) {
      const body = (await get(url)).body;
      expect(body).not.toContain('<script');
      expect(body).not.toContain('<img');
      expect(body).toContain(ESCAPED);
    }
    // What a visitor types in the address is escaped too, in the 404 page that repeats it.
    const typed = await get('/cong-khai/dti/2025/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(typed.statusCode).toBe(404);
    expect(typed.body).not.toContain('<script');
    expect(typed.body).toContain('đơn vị mã &lt;script&gt;alert(1)&lt;/script&gt;.');
  });

  it('ranks by a pillar and shows the detailed table of main-index values', async () => {
    const pillar = (await get('/cong-khai/dti/2025?cap=xa&theo=2')).body;
    // Pillar 2 (Xã hội số): unit 0 40/40 = 1,0000, unit 1 20/40 = 0,5000.
    expect(pillar).toMatch(/<td class="num">1<\/td>[\s\S]*?1,0000[\s\S]*?40 \/ 40/);
    expect(pillar).toMatch(/<td class="num">2<\/td>[\s\S]*?0,5000[\s\S]*?20 \/ 40/);
    const detail = (await get('/cong-khai/dti/2025?theo=chi-tiet')).body;
    // Main 1.1: unit 0 45/60 = 0,7500; main 2.1 = pillar 2.
    expect(detail).toMatch(/0,8500<\/td><td class="num">0,7500<\/td><td class="num">1,0000<\/td>/);
    expect(detail).toMatch(/0,3334<\/td><td class="num">[\d,]+<\/td><td class="num">0,5000<\/td>/);
  });

  it("shows a unit's published figures at its own link", async () => {
    const res = await get(`/cong-khai/dti/2025/${w.units[1]!.code}`);
    expect(res.statusCode).toBe(200);
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Chỉ số DTI năm 2025 0,3334');
    expect(text).toContain('Xếp hạng 2/2');
    expect(text).toContain('Tổng điểm 26,67 trên 80 điểm');
    expect(res.body).toContain(`<title>Phường Thử 2 – Kết quả DTI năm 2025</title>`);
    expect(res.body).not.toContain(w.units[1]!.id);
    expect(res.body).not.toContain('0,5834');
  });

  it('answers 404 in Vietnamese for what is not published', async () => {
    const cases: [string, string][] = [
      ['/cong-khai/dti/2026', 'Chưa có kết quả đánh giá chuyển đổi số năm 2026 được công bố.'],
      ['/cong-khai/dti/abc', 'Chưa có kết quả đánh giá chuyển đổi số năm abc được công bố.'],
      [
        `/cong-khai/dti/2025/${draft.units[0]!.code}`,
        `Không có kết quả đã công bố năm 2025 của đơn vị mã ${draft.units[0]!.code}.`,
      ],
      ['/cong-khai/dti/2025?theo=9.9', 'Kết quả năm 2025 không có bảng xếp hạng này.'],
      ['/cong-khai/dti/2025?cap=so', 'Kết quả năm 2025 không có cấp đánh giá này.'],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<html lang="vi">');
      expect(res.body).toContain(message);
    }
  });

  it('lists the published years, and a correction replaces the cached pages with the new version', async () => {
    const index = (await get('/cong-khai/dti')).body;
    expect(index).toContain('href="/cong-khai/dti/2025"');
    expect(index).not.toContain('href="/cong-khai/dti/2024"');
    const before = (await get('/cong-khai/dti/2025')).body;
    expect((await get('/cong-khai/dti/2025')).body).toBe(before);
    // The council restores 2.1 of unit 1 to 30: 6,67 + 30 = 36,67 / 80 = 0,458375 → 0,4584 (Khá).
    await t.database.db
      .update(cycleEntries)
      .set({ finalPoints: 30, finalReason: 'Giải trình được chấp nhận một phần' })
      .where(and(eq(cycleEntries.unitId, w.units[1]!.id), eq(cycleEntries.code, '2.1')));
    await ok(
      w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: 'Đính chính điểm 2.1' }),
    );
    const after = (await get('/cong-khai/dti/2025')).body;
    expect(after).toContain('0,4584');
    expect(after).not.toContain('0,3334');
    expect(after).toContain('phiên bản 2 (đính chính)');
    // Every published total of the latest snapshot is on the page, formatted vi-VN.
    const [snap] = await t.database.db
      .select({ data: sql<string>`${cycleSnapshots.data}::text` })
      .from(cycleSnapshots)
      .where(and(eq(cycleSnapshots.cycleId, w.cycleId), eq(cycleSnapshots.version, 2)));
    const data = JSON.parse(snap!.data) as TSnapshotData;
    const vi = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
    for (const u of data.units) expect(after).toContain(vi.format(u.final.value!));
  });
});
