import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSnapshot, TSnapshotUnit } from '../../../contracts/cycles';
import { pointsFramework } from '../../../core/cycle/three-scores';
import type { Framework } from '../../../core/framework/model';
import { scoreUnits } from '../../../core/scoring/score-unit';
import { type CycleWorld, cycleFramework, cycleWorld } from '../../cycle/testing';
import { FOUR_COMMUNES, ok, throughCouncil } from '../../cycle/testing-flow';
import { units } from '../../db/schema';
import { cellText } from '../../files/workbook';
import { readScoreData } from '../../framework-files/read-score-data';
import type { Agent, TestApp } from '../../testing/test-app';
import { createTestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const FRAMEWORK: Framework = cycleFramework({
  policy: {
    ...cycleFramework().policy,
    bands: [
      { code: 'A', label: 'Tốt', minValue: 0.7 },
      { code: 'B', label: 'Khá', minValue: 0.45 },
    ],
  },
});

/** Names with stacked tone marks; the first is stored decomposed (NFD) to prove every output is NFC. */
const NAMES = ['Phường Hưng Lợi', 'Xã Thạnh Phú Đông', 'Phường Cái Khế', 'Xã Trường Xuân'];

/**
 * Final points of the four communes (`FOUR_COMMUNES`) worked out by hand; the reviewer lowers unit 1's
 * 1.1.2 from 20 to 10. Totals: 75/100, 40/80 (1.1.3 not applicable), 40/100, 50/100.
 */
const FINAL: Record<string, number | 'na'>[] = [
  { '1.1.1': 15, '1.1.2': 10, '1.1.3': 10, '2.1': 40 },
  { '1.1.1': 0, '1.1.2': 0, '1.1.3': 'na', '2.1': 40 },
  { '1.1.1': 20, '1.1.2': 0, '1.1.3': 20, '2.1': 0 },
  { '1.1.1': 10, '1.1.2': 0, '1.1.3': 0, '2.1': 40 },
];

/** poppler's view of a PDF: its text (not normalised here, so decomposed marks would show) and its pages. */
function poppler(pdf: Buffer, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'thuocdo-reports-'));
  const file = join(dir, name);
  writeFileSync(file, pdf);
  try {
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function workbook(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as objects keyed by its header row. */
function sheetRows(ws: ExcelJS.Worksheet) {
  const head = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v ?? null));
  const rows: { cells: Record<string, ExcelJS.CellValue>; fmt: Record<string, string> }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, ExcelJS.CellValue> = {};
    const fmt: Record<string, string> = {};
    head.forEach((h, i) => {
      if (!h) return;
      cells[h] = row.getCell(i).value;
      fmt[h] = row.getCell(i).numFmt;
    });
    rows.push({ cells, fmt });
  });
  return rows;
}

/** "75,00" and "0,5833": the vi-VN figures of the printed page, worked from the number directly. */
const vn = (n: number, decimals: number) => n.toFixed(decimals).replace('.', ',');

describe.each(dbKinds())('results reports: Excel exports and PDF (%s)', (kind) => {
  let t: TestApp;
  let w: CycleWorld;
  let viewer: Agent;
  let snap: TSnapshot;
  const base = () => `/api/results/cycles/${w.cycleId}`;
  const card = (i: number) => `${base()}/units/${w.units[i]!.id}/scorecard.pdf`;
  const all = () => [
    `${base()}/exports/league.xlsx`,
    `${base()}/exports/detail.xlsx`,
    card(0),
    `${base()}/report.pdf`,
  ];
  const snapUnit = (i: number): TSnapshotUnit => snap.data.units.find((u) => u.unitId === w.units[i]!.id)!;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await cycleWorld(t, { unitCount: 4, framework: FRAMEWORK, prefix: 'e' });
    for (const [i, u] of w.units.entries()) {
      const name = i === 0 ? NAMES[i]!.normalize('NFD') : NAMES[i]!;
      await t.database.db.update(units).set({ name }).where(eq(units.id, u.id));
    }
    await t.addUser('eviewer', 'viewer');
    viewer = await t.login('eviewer');
    await throughCouncil(w, FOUR_COMMUNES, [
      { unit: 0, code: '1.1.2', points: 10, reason: 'Chuyên mục chưa cập nhật thường xuyên' },
    ]);
  });
  afterAll(() => t.close());

  it('before publication: leaders get 404, a forced preview 403; organisers get the preview', async () => {
    for (const url of all()) {
      const res = await viewer.request('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: 'Kỳ đánh giá này chưa công bố kết quả',
      });
      const forced = await viewer.request('GET', `${url}?version=preview`);
      expect(forced.statusCode, url).toBe(403);
      expect(forced.json().code).toBe('forbidden');
    }
    const res = await w.organiser.request('GET', card(0));
    expect(res.statusCode, res.body).toBe(200);
    expect(poppler(res.rawPayload, 'preview.pdf').text).toContain('BẢN XEM TRƯỚC');
    const detail = await w.organiser.request('GET', `${base()}/exports/detail.xlsx`);
    expect(detail.statusCode).toBe(200);
    const info: string[] = [];
    (await workbook(detail.rawPayload)).getWorksheet('Thông tin')!.eachRow((row) => {
      info.push(row.getCell(2).text);
    });
    expect(info).toContain('BẢN XEM TRƯỚC – kết quả chưa công bố, tính từ số liệu hiện tại');

    await ok(w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' }));
    snap = (await w.organiser.request('GET', `/api/cycles/${w.cycleId}/snapshots/1`)).json() as TSnapshot;
  });

  it('league tables: rank, code, name, value (4 decimals), points, max, band and main indices as in the snapshot', async () => {
    const res = await viewer.request('GET', `${base()}/exports/league.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe('Bảng xếp hạng DTI 2025 (bản 1).xlsx');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Cấp xã', 'Thông tin']);
    const rows = sheetRows(wb.getWorksheet('Cấp xã')!);
    // Expected order from the snapshot: by rank, ties by name (Vietnamese collation).
    const expected = [...snap.data.units].sort(
      (a, b) =>
        (a.rank ?? 99) - (b.rank ?? 99) ||
        a.name.normalize('NFC').localeCompare(b.name.normalize('NFC'), 'vi'),
    );
    expect(rows.map((r) => r.cells['Mã đơn vị'])).toEqual(expected.map((u) => u.code));
    for (const [k, u] of expected.entries()) {
      const { cells, fmt } = rows[k]!;
      expect(cells.Hạng).toBe(u.rank);
      expect(cells['Tên đơn vị']).toBe(u.name.normalize('NFC'));
      expect(cells['Giá trị'] as number).toBeCloseTo(u.final.value!, 12);
      expect(fmt['Giá trị']).toBe('0.0000');
      expect(cells.Điểm as number).toBeCloseTo(u.final.points, 12);
      expect(cells['Điểm tối đa']).toBe(u.final.max);
      expect(cells['Xếp loại'] ?? null).toBe(u.band);
      expect(cells['Giá trị năm trước'] ?? null).toBeNull();
      // One main index per pillar in this set: the pillar's points ÷ maximum is the main index's value.
      for (const [p, main] of [
        ['1', '1.1. Nhận thức số'],
        ['2', '2.1. Tổ công nghệ số cộng đồng'],
      ] as const) {
        const pillar = u.pillars.find((x) => x.code === p)!;
        expect(cells[main] as number).toBeCloseTo(pillar.points / pillar.max, 12);
      }
    }
    // By hand: 75/100, 40/80, 50/100, 40/100; ranks 1, 2, 2, 4; bands Tốt, Khá, Khá, none.
    expect(rows.map((r) => [r.cells.Hạng, r.cells['Giá trị'], r.cells['Xếp loại'] ?? null])).toEqual([
      [1, 0.75, 'Tốt'],
      [2, 0.5, 'Khá'],
      [2, 0.5, 'Khá'],
      [4, 0.4, null],
    ]);
  });

  it('detail: one row per unit and indicator, read back by the score-data reader to the snapshot totals', async () => {
    const res = await w.council.request('GET', `${base()}/exports/detail.xlsx?version=1`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Số liệu', 'Chỉ số', 'Thông tin']);
    const rows = sheetRows(wb.getWorksheet('Số liệu')!);
    expect(rows).toHaveLength(16);
    expect(rows.map((r) => r.cells.STT)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (const [i, u] of w.units.entries()) {
      const mine = rows.filter((r) => r.cells['Mã đơn vị'] === u.code);
      expect(mine.map((r) => r.cells['Mã chỉ số'])).toEqual(['1.1.1', '1.1.2', '1.1.3', '2.1']);
      for (const r of mine) {
        expect(r.cells['Tên đơn vị']).toBe(NAMES[i]);
        expect(r.cells.Cấp).toBe('xã');
        const want = FINAL[i]![r.cells['Mã chỉ số'] as string]!;
        if (want === 'na') {
          expect([r.cells.Trường ?? '', r.cells['Giá trị'], r.cells['Lý do']]).toEqual([
            '',
            'KHONG_AP_DUNG',
            'Chưa thành lập Ban Chỉ đạo',
          ]);
        } else {
          expect([r.cells.Trường, r.cells['Giá trị']]).toEqual(['points', want]);
          const max = r.cells['Mã chỉ số'] === '2.1' ? 40 : 20;
          expect(r.cells['Điểm tối đa']).toBe(max);
          // Rounded to 4 decimals in the file.
          expect(r.cells['Tỷ lệ đạt'] as number).toBeCloseTo(want / max, 4);
        }
      }
    }
    const read = await readScoreData(pointsFramework(FRAMEWORK), res.rawPayload);
    // The reader names each unit by its code.
    const scores = scoreUnits(pointsFramework(FRAMEWORK), read);
    for (const [i, u] of w.units.entries()) {
      const s = scores.find((x) => x.unitId === u.code)!;
      expect(s.total.points).toBeCloseTo(snapUnit(i).final.points, 12);
      expect(s.total.max).toBe(snapUnit(i).final.max);
    }
    const sets = sheetRows(wb.getWorksheet('Chỉ số')!);
    const leaf = sets.find((r) => r.cells['Mã chỉ số'] === '1.1.1')!.cells;
    expect(leaf['Cách xác định và tính điểm']).toBe('a ÷ b × 20');
    expect(leaf['Tài liệu kiểm chứng']).toBe('Báo cáo trích xuất từ Cổng dịch vụ công');
  });

  it('the scorecard PDF (A4) prints the unit’s name, total, rank, band and main indices of the snapshot', async () => {
    for (const i of [0, 1]) {
      const res = await w.reporters[i]!.request('GET', card(i));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text, info } = poppler(res.rawPayload, `card-${i}.pdf`);
      expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
      const u = snapUnit(i);
      expect(text).toContain(NAMES[i]!);
      expect(text).toContain(u.name.normalize('NFC'));
      expect(text).toContain(`${vn(u.final.points, 2)} / ${vn(u.final.max, 2)}`);
      expect(text).toContain(vn(u.final.value!, 4));
      expect(text).toContain(`${u.rank}/${u.rankOf}`);
      expect(text).toContain(u.band!);
      for (const p of u.pillars) expect(text).toContain(vn(p.points / p.max, 4));
      // The chart is drawn from SVG with the document's font: its Vietnamese legend is text in the PDF.
      expect(text).toContain('Trung bình của nhóm');
    }
    // By hand for the first unit: 75/100; 1.1 = 35/60 = 0,5833 against (35 + 0 + 40 + 10)/60 ÷ 4 = 0,3542;
    // 2.1 = 40/40 = 1,0000 against (1 + 1 + 0 + 1) ÷ 4 = 0,7500.
    const { text } = poppler(
      ((await ok(w.reporters[0]!.request('GET', card(0)))) as never as { rawPayload: Buffer }).rawPayload,
      'hand.pdf',
    );
    for (const figure of ['75,00 / 100,00', '0,7500', '0,5833', '0,3542', '1,0000', 'Tốt'])
      expect(text).toContain(figure);
  });

  it('the cycle report PDF (A4): overview, distribution chart, band counts, league table', async () => {
    const res = await viewer.request('GET', `${base()}/report.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const { text, info } = poppler(res.rawPayload, 'report.pdf');
    expect(info).toMatch(/\(A4\)/);
    expect(text).toContain('BÁO CÁO KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2025');
    for (const n of NAMES) expect(text).toContain(n);
    // Bands by hand: one "Tốt" (0.75), two "Khá" (0.5, 0.5), one below every band (0.4).
    expect(text).toMatch(/Tốt\s+từ 0,7000\s+1\s+25,0%/);
    expect(text).toMatch(/Khá\s+từ 0,4500\s+2\s+50,0%/);
    expect(text).toMatch(/Dưới mọi mức\s+1\s+25,0%/);
    // Mean (0.75 + 0.5 + 0.4 + 0.5) / 4 = 0.5375.
    expect(text).toContain('0,5375');
    expect(text).toContain('Số đơn vị');
  });

  it('refusals: another unit’s reporter, the reviewer, an unknown version', async () => {
    const other = await w.reporters[0]!.request('GET', card(1));
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden_unit');
    for (const url of all().filter((u) => !u.endsWith('scorecard.pdf'))) {
      const rep = await w.reporters[0]!.request('GET', url);
      expect(rep.statusCode, url).toBe(403);
      expect(rep.json().code).toBe('forbidden');
      expect((await w.reviewer.request('GET', url)).statusCode, url).toBe(403);
    }
    for (const url of all()) {
      const res = await viewer.request('GET', `${url}?version=2`);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message).toBe('Không có bản công bố phiên bản 2');
    }
    const outside = await viewer.request('GET', `${base()}/units/${w.reviewerId}/scorecard.pdf`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('unit_not_found');
  });
});
