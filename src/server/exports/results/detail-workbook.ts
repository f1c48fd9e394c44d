import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { NodeScore } from '../../../core/scoring/types';
import { addTableSheet, type SheetColumn } from '../../files/workbook';
import { NOT_APPLICABLE_VALUE } from '../../framework-files/score-data';
import { indicatorSheet, infoSheet } from './detail-sheets';
import type { DetailItem, DetailSource } from './detail-source';
import { LEVEL_WORDS } from './format';
import { leavesOf } from './leaves';
import { drained } from './stream-util';

/** The data sheet: the score-data long form (`docs/formats/score-data.md`) with readable columns around it. */
export const DETAIL_SHEET = 'Số liệu';

type Field =
  | 'no'
  | 'unitCode'
  | 'unitName'
  | 'level'
  | 'group'
  | 'main'
  | 'indicator'
  | 'name'
  | 'max'
  | 'field'
  | 'value'
  | 'reason'
  | 'ratio'
  | 'note';

/** Headers the score-data reader recognises keep its names (Mã đơn vị, Cấp, Nhóm, Mã chỉ số, Trường, Giá trị, Lý do). */
export const DETAIL_COLUMNS: SheetColumn<Field>[] = [
  { field: 'no', header: 'STT', width: 9 },
  { field: 'unitCode', header: 'Mã đơn vị', width: 14 },
  { field: 'unitName', header: 'Tên đơn vị', width: 34 },
  { field: 'level', header: 'Cấp', width: 7 },
  { field: 'group', header: 'Nhóm', width: 7 },
  { field: 'main', header: 'Chỉ số chính', width: 11 },
  { field: 'indicator', header: 'Mã chỉ số', width: 11 },
  { field: 'name', header: 'Chỉ số / Chỉ số thành phần', width: 44 },
  { field: 'max', header: 'Điểm tối đa', width: 10 },
  { field: 'field', header: 'Trường', width: 8 },
  { field: 'value', header: 'Giá trị', width: 16 },
  { field: 'reason', header: 'Lý do', width: 30 },
  { field: 'ratio', header: 'Tỷ lệ đạt', width: 10 },
  { field: 'note', header: 'Ghi chú', width: 26 },
];

const NO_DATA = 'Không có số liệu';

/** One row's entry: decided points, or "not applicable" with its reason, and a note on missing data. */
function entryCells(n: NodeScore) {
  if (!n.applicable) {
    return {
      field: '',
      value: NOT_APPLICABLE_VALUE,
      reason: (n.reason ?? (n.missing ? NO_DATA : 'Không áp dụng')).normalize('NFC'),
      ratio: null,
      note: n.missing ? NO_DATA : 'Không áp dụng',
    };
  }
  return {
    field: 'points',
    value: n.points,
    reason: '',
    ratio: n.max > 0 ? Math.round((n.points / n.max) * 10_000) / 10_000 : null,
    note: n.missing ? `${NO_DATA} (tính 0 điểm)` : '',
  };
}

/**
 * Streams the detail workbook: one row per unit and indicator (the indicators that apply to the unit's
 * level and group), page by page, each row committed as it is written; then the index sets in the
 * official table layout and a sheet about the file. Returns the number of data rows.
 */
export async function writeDetailWorkbook(out: Writable, source: DetailSource, now: Date): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Thước Đo';
  const ws = addTableSheet(wb, DETAIL_SHEET, DETAIL_COLUMNS);
  ws.getColumn('max').numFmt = '0.##';
  ws.getColumn('value').numFmt = '0.00';
  ws.getColumn('ratio').numFmt = '0.0000';
  ws.getRow(1).commit();
  let no = 0;
  const write = (item: DetailItem) => {
    const { unit, score } = item;
    const base = {
      unitCode: unit.code,
      unitName: unit.name.normalize('NFC'),
      level: LEVEL_WORDS[unit.level],
      group: unit.groupNo ?? '',
    };
    for (const leaf of leavesOf(item.framework)) {
      const n = score.nodes[leaf.code];
      if (!n) continue;
      ws.addRow({
        no: ++no,
        ...base,
        main: leaf.main,
        indicator: leaf.code,
        name: leaf.name.normalize('NFC'),
        max: leaf.maxPoints,
        ...entryCells(n),
      }).commit();
    }
  };
  for await (const page of source.pages()) {
    for (const item of page) write(item);
    if (!(await drained(out))) return no;
  }
  ws.commit();
  indicatorSheet(wb, source.frameworks);
  infoSheet(wb, source, { rows: no, now });
  await wb.commit();
  return no;
}
