import { foldVietnamese } from '../../../core/shared/text';
import {
  addHelpSheet,
  addTableSheet,
  headerColumns,
  loadWorkbook,
  newWorkbook,
  requireSheet,
  type SheetColumn,
  tableRows,
} from '../../files/workbook';
import type { ExportQuestion } from './export-question';
import { difficultyFromWord, difficultyWord, truthFromWord, typeFromWord, typeWord } from './labels';
import {
  emptyQuestion,
  joinCategoryPath,
  OPTION_LETTERS,
  optionKey,
  type ParsedQuestion,
  type ParseResult,
  splitCategoryPath,
  trueFalseOptions,
} from './parsed-question';

const SHEET = 'Câu hỏi';

type Field =
  | 'code'
  | 'category'
  | 'type'
  | 'stem'
  | `opt${(typeof OPTION_LETTERS)[number]}`
  | 'answer'
  | 'difficulty'
  | 'tags'
  | 'sourceDocument'
  | 'sourceArticle'
  | 'explanation';

const COLUMNS: SheetColumn<Field>[] = [
  { field: 'code', header: 'Mã', width: 12 },
  { field: 'category', header: 'Danh mục', width: 28 },
  { field: 'type', header: 'Loại', width: 14 },
  { field: 'stem', header: 'Câu hỏi', width: 60 },
  ...OPTION_LETTERS.map((l) => ({ field: `opt${l}` as Field, header: `Phương án ${l}`, width: 28 })),
  { field: 'answer', header: 'Đáp án đúng', width: 12 },
  { field: 'difficulty', header: 'Mức độ', width: 12 },
  { field: 'tags', header: 'Thẻ', width: 20 },
  { field: 'sourceDocument', header: 'Văn bản nguồn', width: 28 },
  { field: 'sourceArticle', header: 'Điều', width: 10 },
  { field: 'explanation', header: 'Giải thích', width: 40 },
];

const FIELDS = COLUMNS.map((c) => c.field);
const REQUIRED: Field[] = ['stem', 'optA', 'answer'];
const FIELD_BY_HEADER = new Map(COLUMNS.map((c) => [foldVietnamese(c.header), c.field]));

/** The downloadable template: the question sheet (header only) and an instructions sheet. */
export async function buildQuestionTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, SHEET, COLUMNS);
  const lines: [string, string][] = [
    ['Cột', 'Cách ghi'],
    ['Mã', 'Không bắt buộc; mã riêng của câu hỏi (ví dụ CKS-01), không trùng trong tệp và trong ngân hàng'],
    [
      'Danh mục',
      'Đường dẫn danh mục, các cấp cách nhau bởi " / " (ví dụ "Pháp luật / Chữ ký số"); tự tạo nếu chưa có',
    ],
    ['Loại', 'Một đáp án | Nhiều đáp án | Đúng/Sai; để trống thì suy ra từ cột Đáp án đúng'],
    ['Câu hỏi', 'Bắt buộc: nội dung câu hỏi'],
    ['Phương án A…F', 'Ít nhất hai phương án, ghi liên tục từ A; câu Đúng/Sai để trống các cột này'],
    ['Đáp án đúng', 'Chữ cái phương án đúng: "A"; nhiều đáp án: "A,C"; câu Đúng/Sai: "Đúng" hoặc "Sai"'],
    ['Mức độ', 'Dễ | Trung bình | Khó (để trống = Trung bình)'],
    ['Thẻ', 'Các thẻ cách nhau bởi dấu phẩy, ví dụ "nd30, văn thư"'],
    ['Văn bản nguồn / Điều', 'Trích dẫn nguồn, ví dụ "Nghị định 30/2020/NĐ-CP" / "Điều 14"'],
    ['Giải thích', 'Không bắt buộc: giải thích đáp án'],
    [
      'Ví dụ',
      'CKS-01 | Pháp luật / Chữ ký số | Một đáp án | Chữ ký số không bảo đảm tính chất nào? | Tính xác thực | Tính toàn vẹn | Tính bí mật | Chống chối bỏ | | | C | Trung bình | chữ ký số | Luật Giao dịch điện tử 2023 | |',
    ],
    [
      'Ví dụ',
      ' | Văn thư | Đúng/Sai | Văn bản điện tử được hệ thống cấp số và thời gian ban hành. | | | | | | | Đúng | Dễ | nd30 | Nghị định 30/2020/NĐ-CP | Điều 15 |',
    ],
    ['Lưu ý', 'Nếu có bất kỳ câu lỗi, không câu nào được nhập; hệ thống liệt kê mọi dòng lỗi và lý do.'],
  ];
  addHelpSheet(wb, [24, 100], lines);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowToQuestion(raw: Record<Field, string>, rowNumber: number): ParsedQuestion {
  const q = emptyQuestion({ kind: 'row', number: rowNumber, label: `Dòng ${rowNumber}` });
  q.code = raw.code || null;
  q.categoryPath = splitCategoryPath(raw.category);
  q.stem = raw.stem;
  q.explanation = raw.explanation || null;
  q.sourceDocument = raw.sourceDocument || null;
  q.sourceArticle = raw.sourceArticle || null;
  q.tags = raw.tags
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (raw.difficulty) {
    q.difficulty = difficultyFromWord(raw.difficulty);
    if (!q.difficulty) q.errors.push(`Cột Mức độ: "${raw.difficulty}" không hợp lệ (Dễ, Trung bình, Khó)`);
  }
  const typed = raw.type ? typeFromWord(raw.type) : null;
  if (raw.type && !typed)
    q.errors.push(`Cột Loại: "${raw.type}" không hợp lệ (Một đáp án, Nhiều đáp án, Đúng/Sai)`);
  const truth = truthFromWord(raw.answer);
  const texts = OPTION_LETTERS.map((l) => raw[`opt${l}`]);
  const last = texts.reduce((n, t, i) => (t ? i + 1 : n), 0);
  if ((typed === 'true_false' || (!typed && last === 0)) && truth !== null) {
    q.type = 'true_false';
    q.options = trueFalseOptions(truth);
    return q;
  }
  for (let i = 0; i < last; i++) {
    if (!texts[i]) q.errors.push(`Cột Phương án ${OPTION_LETTERS[i]} trống trong khi có phương án sau nó`);
    q.options.push({ key: optionKey(i), text: texts[i]!, correct: false });
  }
  const letters = raw.answer
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (letters.length === 0) q.errors.push('Cột Đáp án đúng: chưa ghi đáp án');
  for (const l of letters) {
    const i = OPTION_LETTERS.indexOf(l as (typeof OPTION_LETTERS)[number]);
    if (i < 0 || i >= last) q.errors.push(`Cột Đáp án đúng: "${l}" không phải phương án đã ghi`);
    else q.options[i]!.correct = true;
  }
  if (typed === 'true_false') q.errors.push('Câu Đúng/Sai: cột Đáp án đúng phải là "Đúng" hoặc "Sai"');
  q.type = typed ?? (letters.length > 1 ? 'multiple' : 'single');
  return q;
}

/** Reads the question sheet of an uploaded workbook (already known to be a ZIP container). */
export async function parseQuestionWorkbook(data: Buffer): Promise<ParseResult> {
  const ws = requireSheet(await loadWorkbook(data), SHEET);
  const fieldByCol = headerColumns(ws.getRow(1), (h) => FIELD_BY_HEADER.get(foldVietnamese(h)));
  const present = new Set(fieldByCol.values());
  const missing = COLUMNS.filter((c) => REQUIRED.includes(c.field) && !present.has(c.field)).map(
    (c) => c.header,
  );
  if (missing.length > 0) {
    return {
      questions: [],
      fileErrors: [
        {
          ref: { kind: 'row', number: 1, label: 'Dòng 1' },
          messages: [`Thiếu cột: ${missing.join(', ')}. Hãy dùng tệp mẫu.`],
        },
      ],
    };
  }
  const questions = tableRows(ws, FIELDS, fieldByCol).map((r) => rowToQuestion(r.text, r.rowNumber));
  return { questions, fileErrors: [] };
}

/** Writes questions in the template's layout, so an export can be edited and imported again. */
export async function writeQuestionWorkbook(questions: ExportQuestion[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(wb, SHEET, COLUMNS);
  for (const q of questions) {
    const row: Record<string, string> = {
      code: q.code ?? '',
      category: joinCategoryPath(q.categoryPath),
      type: typeWord(q.type),
      stem: q.stem,
      difficulty: difficultyWord(q.difficulty),
      tags: q.tags.join(', '),
      sourceDocument: q.sourceDocument ?? '',
      sourceArticle: q.sourceArticle ?? '',
      explanation: q.explanation ?? '',
    };
    if (q.type === 'true_false') {
      // Validation fixes the order of a true/false question: "Đúng" first.
      row.answer = q.options[0]?.correct ? 'Đúng' : 'Sai';
    } else {
      q.options.forEach((o, i) => {
        row[`opt${OPTION_LETTERS[i]}`] = o.text;
      });
      row.answer = q.options
        .map((o, i) => (o.correct ? OPTION_LETTERS[i] : null))
        .filter(Boolean)
        .join(',');
    }
    ws.addRow(row);
  }
  for (const col of ['stem', 'explanation'])
    ws.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
