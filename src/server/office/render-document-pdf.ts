import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../core/office/numbering';
// Imported for its side effect too: it registers the shipped Noto Sans fonts with pdfmake and forbids
// any file or URL access beyond them.
import { nfc } from '../pdf/render-pdf';
import { blankDateLine, dateLine, numberLine } from './document-text';

/** A box on a page in PDF points from the page's lower-left corner (what signPdf takes). */
export interface PageBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where, on a rendered draft, the văn thư writes the number and date and the signer's stamp goes. */
export interface DocumentLayout {
  fontSize: number;
  number?: PageBox;
  date?: PageBox;
  signature?: PageBox;
}

export interface DocumentPdfInput {
  /** The managing body, printed above the agency's name. */
  parentName?: string;
  agencyName: string;
  type: DocumentTypeCode;
  /** An issued document's "2150/STTTT-CNTT"; a draft has only its `notation` and a blank number. */
  numberSymbol?: string;
  notation?: string;
  place: string;
  /** YYYY-MM-DD; a draft has none: the date line waits for the văn thư. */
  issuedDate?: string;
  year: number;
  subject: string;
  body: string;
  signerPosition: string;
  signerName: string;
  /** Signed on paper or elsewhere ("(Đã ký)"), or a draft with a blank space for the digital signature. */
  signed: boolean;
  recipients: string[];
  /** "Lưu: VT, VHTT." */
  archive: string;
  /** Độ khẩn ("KHẨN", "HỎA TỐC"), printed under the number. */
  urgency?: string;
}

// A4 in points; margins of ND 30 Phụ lục I (top and bottom 20 mm, left 30 mm, right 20 mm).
const PAGE = { width: 595.28, height: 841.89 };
const MARGINS: [number, number, number, number] = [85, 57, 57, 57];
const LEFT_HEADER = 190;
const GAP = 8;
const SIGNER_COLUMN = 240;
const SLOT_HEIGHT = 78;
const FONT_SIZE = 12;
/** Noto Sans: ascender 1.069 em and descender 0.293 em; pdfmake's line box is their sum. */
const LINE = 1.362;

const headerColumns = (input: DocumentPdfInput, isLetter: boolean): Content => {
  const notation = input.numberSymbol
    ? `Số: ${input.numberSymbol}`
    : numberLine(input.notation ?? DOCUMENT_TYPES[input.type].abbreviation ?? '');
  const date = input.issuedDate
    ? dateLine(input.place, input.issuedDate)
    : blankDateLine(input.place, input.year);
  const rule = (width: number, columnWidth: number): Content => ({
    canvas: [
      {
        type: 'line',
        x1: (columnWidth - width) / 2,
        y1: 2,
        x2: (columnWidth + width) / 2,
        y2: 2,
        lineWidth: 0.8,
      },
    ],
    margin: [0, 0, 0, 4],
  });
  const rightWidth = PAGE.width - MARGINS[0] - MARGINS[2] - LEFT_HEADER - GAP;
  return {
    columns: [
      {
        width: LEFT_HEADER,
        alignment: 'center',
        stack: [
          ...(input.parentName ? [{ text: nfc(input.parentName).toUpperCase(), fontSize: 11 }] : []),
          { text: nfc(input.agencyName).toUpperCase(), bold: true, fontSize: 11 },
          rule(60, LEFT_HEADER),
          { text: nfc(notation), id: 'slot-number', fontSize: FONT_SIZE },
          ...(input.urgency ? [{ text: input.urgency, bold: true, fontSize: FONT_SIZE }] : []),
          ...(isLetter ? [{ text: nfc(input.subject), fontSize: 11, margin: [0, 4, 0, 0] } as Content] : []),
        ],
      },
      {
        width: '*',
        alignment: 'center',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10.5 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 11.5 },
          rule(150, rightWidth),
          { text: nfc(date), id: 'slot-date', italics: true, fontSize: FONT_SIZE },
        ],
      },
    ],
    columnGap: GAP,
  };
};

/** Paragraphs of the body: lines in capitals (the authority, "QUYẾT ĐỊNH:") centred in bold. */
function bodyParagraphs(body: string): Content[] {
  return nfc(body)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): Content => {
      const letters = line.replace(/[^\p{L}]/gu, '');
      if (letters.length > 3 && letters === letters.toUpperCase()) {
        return { text: line, bold: true, alignment: 'center', margin: [0, 6, 0, 6] };
      }
      if (/^Kính gửi/i.test(line)) return { text: line, alignment: 'center', margin: [0, 0, 0, 8] };
      return { text: line, alignment: 'justify', leadingIndent: 28, margin: [0, 0, 0, 6] };
    });
}

function signatureBlock(input: DocumentPdfInput): Content {
  const positions = nfc(input.signerPosition).toUpperCase().split('\n');
  const middle: Content = input.signed
    ? { text: '(Đã ký)', italics: true, margin: [0, 18, 0, 18] }
    : // Invisible on the page: it reserves the space and tells where the stamp goes (pdfmake takes an
      // id on any node; its typings only on some).
      ({
        canvas: [{ type: 'rect', x: 0, y: 0, w: SIGNER_COLUMN, h: SLOT_HEIGHT, lineColor: '#ffffff' }],
        id: 'slot-signature',
      } as Content);
  return {
    id: 'signature-block',
    margin: [0, 10, 0, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 11 },
          ...input.recipients.map((r) => ({ text: `- ${nfc(r)};`, fontSize: 10 })),
          { text: `- ${nfc(input.archive)}`, fontSize: 10 },
        ],
      },
      {
        width: SIGNER_COLUMN,
        alignment: 'center',
        stack: [
          ...positions.map((p) => ({ text: p, bold: true })),
          middle,
          { text: nfc(input.signerName), bold: true },
        ],
      },
    ],
    columnGap: GAP,
  } as Content;
}

interface Seen {
  pageNumber: number;
  top: number;
}

/** A box from a captured line (pdfmake measures from the top) over a column, in PDF coordinates. */
function boxAt(seen: Seen | undefined, x: number, width: number, height: number): PageBox | undefined {
  if (!seen) return undefined;
  return { page: seen.pageNumber, x, y: PAGE.height - seen.top - height, width, height };
}

/**
 * Renders a văn bản as ND 30 lays it out: quốc hiệu and tiêu ngữ, the issuing body, số and ký hiệu,
 * place and date, the type's name and trích yếu (or the "V/v" line of a công văn), the body, nơi nhận
 * and the signer's position and name. A draft leaves the number, the date and the signature blank and
 * says where they are on the page.
 */
export async function renderDocumentPdf(
  input: DocumentPdfInput,
): Promise<{ pdf: Buffer; layout: DocumentLayout }> {
  const isLetter = input.type === 'cong_van';
  const title: Content[] = isLetter
    ? []
    : [
        {
          text: DOCUMENT_TYPES[input.type].name.toUpperCase(),
          bold: true,
          alignment: 'center',
          fontSize: 13,
        },
        { text: nfc(input.subject), bold: true, alignment: 'center', fontSize: 13 },
        {
          canvas: [{ type: 'line', x1: 150, y1: 6, x2: 300, y2: 6, lineWidth: 0.8 }],
          margin: [0, 0, 0, 10],
        },
      ];
  const seen = new Map<string, Seen>();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: nfc(input.subject), creator: 'Thước Đo', producer: 'Thước Đo' },
    defaultStyle: { font: 'NotoSans', fontSize: FONT_SIZE },
    content: [
      headerColumns(input, isLetter),
      { text: '', margin: [0, 14, 0, 0] },
      ...title,
      ...bodyParagraphs(input.body),
      signatureBlock(input),
    ],
    // Called with every node's position after layout: the only way pdfmake tells where a node went.
    // It also keeps the signer's block on one page (pdfmake's `unbreakable` would hide its positions).
    pageBreakBefore: (node) => {
      if (typeof node.id === 'string' && node.startPosition) {
        seen.set(node.id, { pageNumber: node.startPosition.pageNumber, top: node.startPosition.top });
      }
      return node.id === 'signature-block' && node.pageNumbers.length > 1;
    },
  };
  const pdf = await pdfmake.createPdf(definition).getBuffer();
  const lineHeight = FONT_SIZE * LINE;
  const rightX = MARGINS[0] + LEFT_HEADER + GAP;
  const signerX = PAGE.width - MARGINS[2] - SIGNER_COLUMN;
  const layout: DocumentLayout = { fontSize: FONT_SIZE };
  if (!input.numberSymbol) {
    layout.number = boxAt(seen.get('slot-number'), MARGINS[0], LEFT_HEADER, lineHeight);
    layout.date = boxAt(seen.get('slot-date'), rightX, PAGE.width - MARGINS[2] - rightX, lineHeight);
  }
  if (!input.signed)
    layout.signature = boxAt(seen.get('slot-signature'), signerX, SIGNER_COLUMN, SLOT_HEIGHT);
  return { pdf, layout };
}
