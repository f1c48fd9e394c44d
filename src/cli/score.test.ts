import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../server/framework-files/score-report';
import { runScore } from './score';

const root = new URL('../../', import.meta.url).pathname;
const FRAMEWORK = join(root, 'templates/frameworks/cantho-so-2022.json');
const DATA = join(root, 'templates/frameworks/examples/cantho-so-2022-data.csv');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScore(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('thuocdo score', () => {
  it('scores the example file: table, ranks within each group, bands, JSON and Excel output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thuocdo-score-'));
    const r = await run(['--framework', FRAMEWORK, '--data', DATA, '--out', join(dir, 'r.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as ScoreReport;
    expect(report.units).toHaveLength(8);
    for (const u of report.units) {
      expect(u.value).toBeCloseTo(u.points / u.max, 12);
      expect(r.out).toContain(`${u.code}`);
      expect(r.out).toContain(u.value!.toFixed(4));
      // Under "rescale" the points are also shown on the 300-point scale.
      expect(u.scaled).toBeCloseTo((u.points * 300) / u.max, 9);
    }
    const g2 = report.units.filter((u) => u.group === 2);
    // Two units with identical data share rank 1 and the next rank is 3 (competition ranking).
    expect(g2.map((u) => u.rank).sort()).toEqual([1, 1, 3]);
    const g3 = report.units.filter((u) => u.group === 3);
    expect(g3.every((u) => u.max === 160)).toBe(true);
    const yt = report.units.find((u) => u.code === 'SO22-YT')!;
    expect(yt.nodes['2.2.1']).toMatchObject({ applicable: false, reason: 'Mẫu số bằng 0' });
    expect(yt.max).toBe(285);
    for (const u of report.units) {
      const expected =
        u.value! >= 0.8 ? 'Tốt' : u.value! >= 0.65 ? 'Khá' : u.value! >= 0.5 ? 'Trung bình' : 'Yếu';
      expect(u.band).toBe(expected);
    }

    const x = await run(['--framework', FRAMEWORK, '--data', DATA, '--out', join(dir, 'r.xlsx')]);
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const sheet = wb.getWorksheet('Kết quả')!;
    expect(sheet.rowCount).toBe(9);
    expect(sheet.getRow(2).getCell(1).value).toBe(report.units[0]!.code);
  });

  it('exits with a Vietnamese error listing every bad row, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thuocdo-score-'));
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(DATA, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,b,(\d+),/, ',b,-$1,');
    lines[5] = lines[5]!.replace(/,(\d+\.\d+\.\d+),/, ',7.7.7,');
    writeFileSync(bad, lines.join('\n'));
    const out = join(dir, 'r.json');
    const r = await run(['--framework', FRAMEWORK, '--data', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Tệp số liệu có 2 lỗi; không có gì được nhập/);
    expect(r.err).toMatch(/CSV, dòng 4, cột value: .*không được âm/);
    expect(r.err).toMatch(/CSV, dòng 6, cột value: Chỉ số "7\.7\.7" không có/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('scores provinces on the shipped national set (level tinh) and ranks them against each other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thuocdo-score-'));
    const data = join(dir, 'tinh.json');
    const province = (code: string, name: string, meetings: number, a: number) => ({
      code,
      name,
      level: 'tinh',
      inputs: { '1.1': { value: meetings }, '1.2': { a, b: 10 } },
    });
    writeFileSync(
      data,
      JSON.stringify({ units: [province('CT', 'Cần Thơ', 3, 5), province('DN', 'Đà Nẵng', 4, 10)] }),
    );
    const national = join(root, 'templates/frameworks/dti-tinh-2022.json');
    const r = await run(['--framework', national, '--data', data, '--out', join(dir, 'r.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as ScoreReport;
    const byCode = Object.fromEntries(report.units.map((u) => [u.code, u]));
    // Cần Thơ: 15 (3 meetings) + 10 (5/10 × 20); Đà Nẵng: 20 + 20; every other leaf is missing → 0.
    expect(byCode.CT).toMatchObject({ level: 'tinh', points: 25, max: 1000, rank: 2 });
    expect(byCode.DN).toMatchObject({ level: 'tinh', points: 40, max: 1000, rank: 1 });
  });

  it('refuses bad arguments and missing files', async () => {
    expect((await run(['--data', DATA])).code).toBe(2);
    expect((await run(['--framework', FRAMEWORK, '--data', DATA, '--out', 'r.pdf'])).code).toBe(2);
    const missing = await run(['--framework', '/khong/co.json', '--data', DATA]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/không tìm thấy tệp/);
    const notSet = await run(['--framework', DATA, '--data', DATA]);
    expect(notSet.code).toBe(1);
    expect(notSet.err).toMatch(/JSON/);
  });
});
