import type ExcelJS from 'exceljs';
import type { Framework, FrameworkNode, RuleType } from '../../core/framework/model';
import { validateRule } from '../../core/framework/rules';
import { foldVietnamese } from '../../core/shared/text';
import { MAX_FILE_BYTES } from '../files/file-size';
import { headerColumns, loadWorkbook, newWorkbook, type SheetColumn, tableRows } from '../files/workbook';
import {
  formatApplicability,
  formatKind,
  formatParams,
  formatRuleType,
  formatYesNoCell,
  kindRank,
  parseApplicability,
  parseKind,
  parseParams,
  parseRuleType,
  parseYesNoCell,
  RULE_LABELS,
} from './cell-formats';
import { checkDocument } from './check-document';
import { type FileIssue, fileInvalid, NUMBER_HINT, parseLooseNumber } from './file-issues';
import { addInfoSheet, INFO_SHEET, readInfoSheet } from './info-sheet';

export const NODE_SHEET = 'Chỉ số';
export const MAX_NODE_ROWS = 5000;

type Field =
  | 'stt'
  | 'name'
  | 'maxPoints'
  | 'method'
  | 'evidence'
  | 'dataSource'
  | 'verifier'
  | 'code'
  | 'kind'
  | 'applicability'
  | 'ruleType'
  | 'params'
  | 'mayBeNotApplicable';

/** The official layout (first seven columns) followed by the columns a program needs to read it back. */
export const COLUMNS: (SheetColumn<Field> & { aliases?: string[] })[] = [
  { field: 'stt', header: 'STT', width: 8 },
  { field: 'name', header: 'Chỉ số / chỉ số thành phần', width: 48, aliases: ['Chỉ số', 'Tên chỉ số'] },
  { field: 'maxPoints', header: 'Điểm tối đa', width: 9 },
  { field: 'method', header: 'Cách xác định và tính điểm', width: 60 },
  { field: 'evidence', header: 'Tài liệu kiểm chứng', width: 32 },
  { field: 'dataSource', header: 'Nguồn thu thập dữ liệu', width: 26 },
  {
    field: 'verifier',
    header: 'Đơn vị phối hợp xác minh số liệu',
    width: 24,
    aliases: ['Đơn vị phối hợp xác minh'],
  },
  { field: 'code', header: 'Mã', width: 10, aliases: ['Mã chỉ số'] },
  { field: 'kind', header: 'Loại nút', width: 20 },
  { field: 'applicability', header: 'Áp dụng cấp/nhóm', width: 20 },
  { field: 'ruleType', header: 'Loại quy tắc', width: 18 },
  { field: 'params', header: 'Tham số', width: 44 },
  { field: 'mayBeNotApplicable', header: 'Cho phép "không áp dụng"', width: 12 },
];

const FIELDS = COLUMNS.map((c) => c.field);
const HEADER_OF = new Map(COLUMNS.map((c) => [c.field, c.header]));
const FIELD_BY_HEADER = new Map(
  COLUMNS.flatMap((c) => [c.header, ...(c.aliases ?? [])].map((h) => [foldHeader(h), c.field] as const)),
);
const REQUIRED: Field[] = ['code', 'kind', 'name', 'maxPoints', 'ruleType', 'params'];

function foldHeader(text: string): string {
  return foldVietnamese(text).replace(/["“”]/g, '').trim();
}

const KIND_STYLE: Record<FrameworkNode['kind'], Partial<ExcelJS.Font>> = {
  pillar: { bold: true, size: 12 },
  main: { bold: true },
  component: {},
  criterion: { italic: true },
};

/** The whole set as a workbook: the indicator table in the official layout and the "Thông tin" sheet. */
export async function writeFrameworkWorkbook(f: Framework): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(NODE_SHEET, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P / &N' },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.field, width: c.width }));
  const title = ws.addRow([f.name]);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  });

  const visit = (n: FrameworkNode) => {
    const row = ws.addRow({
      stt: n.code,
      name: n.name,
      maxPoints: n.maxPoints,
      method: n.method ?? '',
      evidence: n.evidence ?? '',
      dataSource: n.dataSource ?? '',
      verifier: n.verifier ?? '',
      code: n.code,
      kind: formatKind(n.kind),
      applicability: formatApplicability(n.applicability),
      ruleType: n.rule ? formatRuleType(n.rule.type) : '',
      params: n.rule ? formatParams(n.rule) : '',
      mayBeNotApplicable: formatYesNoCell(n.mayBeNotApplicable),
    });
    row.font = KIND_STYLE[n.kind];
    row.alignment = { vertical: 'top', wrapText: true };
    if (n.kind === 'pillar') {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      });
    }
    for (const c of n.children ?? []) visit(c);
  };
  for (const n of f.nodes) visit(n);
  ws.eachRow((row, i) => {
    if (i < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  addInfoSheet(wb, f);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads an index-set workbook back into a document. All or nothing: every problem of every row is
 * collected (sheet, row, column, Vietnamese message) and one error lists them all; otherwise the document
 * is returned having passed the same checks as a saved set.
 */
export async function readFrameworkWorkbook(data: Buffer): Promise<Framework> {
  const wb = await loadWorkbook(data, { maxBytes: MAX_FILE_BYTES });
  const issues: FileIssue[] = [];
  const nodeSheet = wb.getWorksheet(NODE_SHEET);
  const infoSheet = wb.getWorksheet(INFO_SHEET);
  if (!nodeSheet)
    issues.push({ sheet: NODE_SHEET, row: 0, column: '', message: `Thiếu trang "${NODE_SHEET}"` });
  if (!infoSheet)
    issues.push({ sheet: INFO_SHEET, row: 0, column: '', message: `Thiếu trang "${INFO_SHEET}"` });
  const info = infoSheet ? readInfoSheet(infoSheet, issues) : null;
  const tree = nodeSheet ? readNodeSheet(nodeSheet, issues) : null;
  if (issues.length > 0 || !info || !tree) throw fileInvalid('Tệp Excel', issues);

  const doc: Framework = { ...info.meta, nodes: tree.nodes };
  const locate = (path: string, field?: string): Omit<FileIssue, 'message'> => {
    const row = tree.rowOf.get(path);
    if (row !== undefined) return { sheet: NODE_SHEET, row, column: HEADER_OF.get(columnOf(field))! };
    const infoRow = info.rowOf.get(path);
    if (infoRow !== undefined) return { sheet: INFO_SHEET, row: infoRow, column: 'Giá trị' };
    return { sheet: NODE_SHEET, row: 0, column: '' };
  };
  const checked = checkDocument(doc, locate);
  if (!checked.ok) throw fileInvalid('Tệp Excel', checked.issues);
  return checked.doc;
}

/** The column holding a node field named in a validation path ("rule.steps.0.points" → Tham số). */
function columnOf(field: string | undefined): Field {
  const head = field?.split('.')[0];
  if (head === 'rule') return field === 'rule.type' ? 'ruleType' : 'params';
  const known: Field[] = ['name', 'maxPoints', 'method', 'evidence', 'dataSource', 'verifier', 'kind'];
  if (head === 'applicability') return 'applicability';
  if (head === 'mayBeNotApplicable') return 'mayBeNotApplicable';
  return known.find((f) => f === head) ?? 'code';
}

interface NodeRows {
  nodes: FrameworkNode[];
  /** Node code → its first row (to place validation issues). */
  rowOf: Map<string, number>;
}

function findHeader(ws: ExcelJS.Worksheet): { row: number; fieldByCol: Map<number, Field> } | null {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const fieldByCol = headerColumns(ws.getRow(r), (h) => FIELD_BY_HEADER.get(foldHeader(h)));
    const fields = new Set(fieldByCol.values());
    if (fields.has('code') && fields.has('maxPoints')) return { row: r, fieldByCol };
  }
  return null;
}

function readNodeSheet(ws: ExcelJS.Worksheet, issues: FileIssue[]): NodeRows | null {
  const header = findHeader(ws);
  if (!header) {
    issues.push({
      sheet: NODE_SHEET,
      row: 0,
      column: '',
      message: 'Không tìm thấy dòng tiêu đề (cột "Mã", "Điểm tối đa")',
    });
    return null;
  }
  const present = new Set(header.fieldByCol.values());
  const missing = REQUIRED.filter((f) => !present.has(f)).map((f) => HEADER_OF.get(f));
  if (missing.length > 0) {
    issues.push({
      sheet: NODE_SHEET,
      row: header.row,
      column: '',
      message: `Thiếu cột: ${missing.join(', ')}`,
    });
    return null;
  }
  const nodes: FrameworkNode[] = [];
  const rowOf = new Map<string, number>();
  const stack: FrameworkNode[] = [];
  const rows = tableRows(ws, FIELDS, header.fieldByCol, { headerRow: header.row, ignoreWhenBlank: ['stt'] });
  for (const { rowNumber, text, values } of rows.slice(0, MAX_NODE_ROWS)) {
    const node = readNodeRow(rowNumber, text, values, issues);
    if (!node) continue;
    if (rowOf.has(node.code)) {
      const at = rowOf.get(node.code);
      issue(issues, rowNumber, 'code', `Mã "${node.code}" bị trùng (đã có ở dòng ${at})`);
    } else rowOf.set(node.code, rowNumber);
    while (stack.length > 0 && kindRank(stack[stack.length - 1]!.kind) >= kindRank(node.kind)) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) nodes.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
    stack.push(node);
  }
  const over = rows[MAX_NODE_ROWS];
  if (over) {
    issues.push({
      sheet: NODE_SHEET,
      row: over.rowNumber,
      column: '',
      message: `Quá ${MAX_NODE_ROWS} chỉ số`,
    });
  }
  if (rows.length === 0)
    issues.push({ sheet: NODE_SHEET, row: 0, column: '', message: 'Trang chưa có chỉ số nào' });
  return { nodes, rowOf };
}

function issue(issues: FileIssue[], row: number, field: Field, message: string) {
  issues.push({ sheet: NODE_SHEET, row, column: HEADER_OF.get(field)!, message });
}

function readNodeRow(
  row: number,
  text: Record<Field, string>,
  raw: Partial<Record<Field, ExcelJS.CellValue>>,
  issues: FileIssue[],
): FrameworkNode | null {
  const before = issues.length;
  const bad = (field: Field, message: string) => issue(issues, row, field, message);
  const code = text.code ?? '';
  if (code === '') bad('code', 'Thiếu mã chỉ số');
  const name = text.name ?? '';
  if (name === '') bad('name', 'Thiếu tên chỉ số');
  const kind = parseKind(text.kind ?? '');
  if (!kind)
    bad(
      'kind',
      `Loại nút "${text.kind ?? ''}" không hợp lệ (Trụ cột, Chỉ số chính, Chỉ số thành phần, Tiêu chí)`,
    );
  const maxRaw = raw.maxPoints;
  const maxPoints = parseLooseNumber(typeof maxRaw === 'number' ? maxRaw : (text.maxPoints ?? ''));
  if (maxPoints === null)
    bad('maxPoints', `Điểm tối đa "${text.maxPoints ?? ''}" không phải số (${NUMBER_HINT})`);
  else if (maxPoints < 0) bad('maxPoints', 'Điểm tối đa không được âm');
  const applicability = parseApplicability(text.applicability ?? '');
  if ('error' in applicability) bad('applicability', applicability.error);
  const allowNa = parseYesNoCell(text.mayBeNotApplicable ?? '');
  if ('error' in allowNa) bad('mayBeNotApplicable', allowNa.error);

  let rule: FrameworkNode['rule'];
  const typeText = text.ruleType ?? '';
  const paramsText = text.params ?? '';
  if (typeText === '') {
    if (paramsText !== '') bad('ruleType', 'Có tham số nhưng chưa ghi loại quy tắc');
  } else {
    const type = parseRuleType(typeText);
    if (!type) {
      const known = Object.entries(RULE_LABELS).map(([c, l]) => `${l} (${c})`);
      bad('ruleType', `Loại quy tắc "${typeText}" không có; dùng một trong: ${known.join(', ')}`);
    } else {
      const parsed = parseParams(type, paramsText);
      if ('error' in parsed) bad('params', parsed.error);
      else {
        const shape = shapeProblems(type, parsed.rule as unknown as Record<string, unknown>);
        const problems =
          shape.length > 0
            ? shape
            : maxPoints !== null && maxPoints > 0
              ? validateRule(parsed.rule, maxPoints)
              : [];
        for (const p of problems) bad('params', p);
        rule = parsed.rule;
      }
    }
  }
  if (issues.length > before || !kind || maxPoints === null) return null;
  const node: FrameworkNode = { code, kind, name, maxPoints };
  if (text.method) node.method = text.method;
  if (text.evidence) node.evidence = text.evidence;
  if (text.dataSource) node.dataSource = text.dataSource;
  if (text.verifier) node.verifier = text.verifier;
  if (!('error' in applicability) && applicability.value) node.applicability = applicability.value;
  if (!('error' in allowNa) && allowNa.value !== undefined) node.mayBeNotApplicable = allowNa.value;
  if (rule) node.rule = rule;
  return node;
}

const KEYS_OF: Record<RuleType, string[]> = {
  ratio: ['target', 'cap', 'whenDenominatorZero'],
  steps: ['steps'],
  option: ['multiple', 'options'],
  yes_no: [],
  count: ['cap', 'pointsEach'],
  linear: ['worst', 'best'],
  manual: [],
  expression: ['inputs', 'formula'],
};

/** Unknown keys and wrong value types, which the rule checks assume away. */
function shapeProblems(type: RuleType, rule: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(rule)) {
    if (k !== 'type' && !KEYS_OF[type].includes(k))
      out.push(`Tham số "${k}" không dùng cho quy tắc ${RULE_LABELS[type]}`);
  }
  const numbers = ['target', 'cap', 'pointsEach', 'worst', 'best'].filter((k) => k in rule);
  for (const k of numbers) if (typeof rule[k] !== 'number') out.push(`Tham số "${k}" phải là số`);
  const isObjList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null);
  if (type === 'steps' && !isObjList(rule.steps))
    out.push('"steps" phải là danh sách các mức {"min", "points"}');
  if (type === 'option' && !isObjList(rule.options))
    out.push('"options" phải là danh sách các lựa chọn {"code", "label", …}');
  if (type === 'expression' && !isObjList(rule.inputs))
    out.push('"inputs" phải là danh sách {"code", "label"}');
  if ('multiple' in rule && typeof rule.multiple !== 'boolean')
    out.push('"multiple" phải là true hoặc false');
  if (type === 'ratio' && !('whenDenominatorZero' in rule)) {
    out.push('Thiếu "whenDenominatorZero" (zero, full hoặc not_applicable)');
  }
  if (type === 'count' && !('cap' in rule)) out.push('Thiếu "cap" (số lượng tối đa được tính điểm)');
  if (type === 'linear' && !('worst' in rule && 'best' in rule)) out.push('Thiếu "worst" hoặc "best"');
  return out;
}
