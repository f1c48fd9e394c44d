import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LeagueRow, LeagueTable } from '../../../core/results/league';
import type { HistoryBasis } from '../../../core/results/types';
import { nodeValue } from '../../../core/scoring/compact';
import type { ResultsModel } from '../../results/results-model';
import { generatedLine, LEVEL_NAMES, sourceLine } from './format';
import type { LevelLeague } from './league-data';
import { drained } from './stream-util';

const BASIS: Record<HistoryBasis, string> = {
  own: 'Chính đơn vị',
  merged: 'Trung bình các đơn vị trước sáp nhập',
  predecessor: 'Đơn vị trước sắp xếp',
};

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]; names must be unique. */
function sheetName(level: LevelLeague, t: LeagueTable, used: Set<string>): string {
  const short = { tinh: 'Cấp tỉnh', so: 'Cấp sở', huyen: 'Cấp huyện', xa: 'Cấp xã' }[level.level];
  const base = t.group === null ? short : `${short} - Nhóm ${t.group}`;
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base} (${i})`;
  used.add(name);
  return name;
}

/**
 * Streams the league tables: one sheet per level and group, ranked by the total (shared ranks), with
 * value (4 decimals), points, the maximum that applies, band, last year's value and rank and the
 * change, then each main index's value ("xếp hạng chi tiết"); a last sheet says where the figures come from.
 */
export async function writeLeagueWorkbook(
  out: Writable,
  model: ResultsModel,
  levels: LevelLeague[],
  now: Date,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Thước Đo';
  const used = new Set<string>();
  for (const level of levels) {
    for (const t of level.tables) {
      const ws = wb.addWorksheet(sheetName(level, t, used), {
        views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
      });
      ws.columns = [
        { header: 'Hạng', key: 'rank', width: 7 },
        { header: 'Mã đơn vị', key: 'code', width: 14 },
        { header: 'Tên đơn vị', key: 'name', width: 36 },
        { header: 'Giá trị', key: 'value', width: 10, style: { numFmt: '0.0000' } },
        { header: 'Điểm', key: 'points', width: 10, style: { numFmt: '0.00' } },
        { header: 'Điểm tối đa', key: 'max', width: 10, style: { numFmt: '0.00' } },
        { header: 'Xếp loại', key: 'band', width: 14 },
        { header: 'Giá trị năm trước', key: 'prevValue', width: 12, style: { numFmt: '0.0000' } },
        { header: 'Hạng năm trước', key: 'prevRank', width: 10 },
        { header: 'Thay đổi giá trị', key: 'change', width: 12, style: { numFmt: '+0.0000;-0.0000;0.0000' } },
        { header: 'Tăng trưởng (%)', key: 'percent', width: 12, style: { numFmt: '+0.0;-0.0;0.0' } },
        { header: 'Thay đổi hạng', key: 'rankChange', width: 10, style: { numFmt: '+0;-0;0' } },
        { header: 'So với', key: 'basis', width: 22 },
        ...level.mains.map((m) => ({
          header: `${m.code}. ${m.name.normalize('NFC')}`,
          key: `m:${m.code}`,
          width: 14,
          style: { numFmt: '0.0000' },
        })),
      ];
      const head = ws.getRow(1);
      head.font = { bold: true };
      head.alignment = { wrapText: true, vertical: 'middle' };
      head.commit();
      for (const r of t.rows) ws.addRow(rowOf(model, level, r)).commit();
      ws.commit();
      if (!(await drained(out))) return;
    }
  }
  const info = wb.addWorksheet('Thông tin');
  info.columns = [{ width: 24 }, { width: 80 }];
  info.getColumn(1).font = { bold: true };
  const lines: [string, string | number][] = [
    ['Kỳ đánh giá', model.meta.cycleName.normalize('NFC')],
    ['Năm', model.meta.year],
    ['Nguồn số liệu', sourceLine(model.meta)],
    ['Thời điểm xuất', generatedLine(now)],
    ['Cách xếp hạng', 'Theo giá trị chưa làm tròn; bằng giá trị thì đồng hạng (1, 2, 2, 4).'],
    ...levels.map((l): [string, string] => [LEVEL_NAMES[l.level], l.framework.name.normalize('NFC')]),
  ];
  for (const l of lines) info.addRow(l).commit();
  info.commit();
  await wb.commit();
}

function rowOf(model: ResultsModel, level: LevelLeague, r: LeagueRow): Record<string, unknown> {
  const u = model.byId.get(r.unitId)!;
  const score = model.scoreById.get(r.unitId)!;
  const row: Record<string, unknown> = {
    rank: r.rank,
    code: u.code,
    name: u.name.normalize('NFC'),
    value: r.value,
    points: r.points,
    max: r.max,
    band: r.band?.label.normalize('NFC') ?? null,
    prevValue: r.previous?.value ?? null,
    prevRank: r.previous?.rank ?? null,
    change: r.valueChange,
    percent: r.percentChange,
    rankChange: r.rankChange,
    basis: r.previousBasis ? BASIS[r.previousBasis] : null,
  };
  for (const m of level.mains) row[`m:${m.code}`] = nodeValue(score, m.code);
  return row;
}
