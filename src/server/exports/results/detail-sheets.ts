import type ExcelJS from 'exceljs';
import type { Framework, NodeKind } from '../../../core/framework/model';
import { flattenNodes } from '../../../core/framework/tree';
import { addTableSheet, type SheetColumn } from '../../files/workbook';
import type { DetailSource } from './detail-source';
import { generatedLine, LEVEL_NAMES, sourceLine } from './format';

export const INDICATOR_SHEET = 'Chỉ số';
export const INFO_SHEET = 'Thông tin';

const KIND_NAMES: Record<NodeKind, string> = {
  pillar: 'Trụ cột',
  main: 'Chỉ số chính',
  component: 'Chỉ số thành phần',
  criterion: 'Tiêu chí',
};

type IndicatorField =
  | 'level'
  | 'no'
  | 'code'
  | 'name'
  | 'kind'
  | 'max'
  | 'method'
  | 'evidence'
  | 'dataSource'
  | 'verifier';

/** The columns of the official indicator tables (dti.md §6), with the level and the code in front. */
const INDICATOR_COLUMNS: SheetColumn<IndicatorField>[] = [
  { field: 'level', header: 'Cấp', width: 18 },
  { field: 'no', header: 'STT', width: 6 },
  { field: 'code', header: 'Mã chỉ số', width: 11 },
  { field: 'name', header: 'Chỉ số / Chỉ số thành phần', width: 48 },
  { field: 'kind', header: 'Loại', width: 18 },
  { field: 'max', header: 'Điểm tối đa', width: 10 },
  { field: 'method', header: 'Cách xác định và tính điểm', width: 40 },
  { field: 'evidence', header: 'Tài liệu kiểm chứng', width: 34 },
  { field: 'dataSource', header: 'Nguồn thu thập dữ liệu', width: 24 },
  { field: 'verifier', header: 'Đơn vị phối hợp xác minh số liệu', width: 24 },
];

const text = (s: string | undefined) => (s ?? '').normalize('NFC');

/** Every node of each level's set in the official table layout, names indented by depth. */
export function indicatorSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, frameworks: readonly Framework[]) {
  const ws = addTableSheet(wb, INDICATOR_SHEET, INDICATOR_COLUMNS);
  ws.getRow(1).commit();
  for (const f of frameworks) {
    let no = 0;
    for (const { node, depth } of flattenNodes(f.nodes)) {
      ws.addRow({
        level: LEVEL_NAMES[f.level],
        no: ++no,
        code: node.code,
        name: `${'   '.repeat(depth)}${text(node.name)}`,
        kind: KIND_NAMES[node.kind],
        max: node.maxPoints,
        method: text(node.method),
        evidence: text(node.evidence),
        dataSource: text(node.dataSource),
        verifier: text(node.verifier),
      }).commit();
    }
  }
  ws.commit();
}

/** What the file holds and how to read it back. */
export function infoSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  source: DetailSource,
  stats: { rows: number; now: Date },
) {
  const ws = wb.addWorksheet(INFO_SHEET);
  ws.columns = [{ width: 26 }, { width: 90 }];
  const lines: [string, string | number][] = [
    ['Kỳ đánh giá', source.meta.cycleName.normalize('NFC')],
    ['Năm', source.meta.year],
    ['Nguồn số liệu', sourceLine(source.meta)],
    ['Thời điểm xuất', generatedLine(stats.now)],
    ['Số đơn vị', source.unitCount],
    ['Số dòng chi tiết', stats.rows],
    [
      'Trang "Số liệu"',
      'Mỗi dòng là một chỉ số của một đơn vị: điểm đạt được (điểm cuối cùng đã công bố) ở cột "Giá trị" với ' +
        'trường "points", hoặc KHONG_AP_DUNG kèm lý do. Các cột theo định dạng số liệu chấm điểm ' +
        '(docs/formats/score-data.md), nên tệp đọc lại được.',
    ],
    [
      'Trang "Chỉ số"',
      'Bộ chỉ số theo mẫu bảng chính thức: điểm tối đa, cách tính điểm, tài liệu kiểm chứng.',
    ],
  ];
  ws.getColumn(1).font = { bold: true };
  for (const l of lines) ws.addRow(l).commit();
  ws.commit();
}
