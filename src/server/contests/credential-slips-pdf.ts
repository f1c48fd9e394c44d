import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateTimeVn } from '../pdf/format';
import { nfc, renderPdf } from '../pdf/render-pdf';

export interface CredentialSlip {
  number: string;
  fullName: string;
  unitName: string;
  password: string;
  /** The signing PIN of the candidate's exam certificate (contests with a practice part). */
  pin?: string | null;
  sessionName: string | null;
  room: string | null;
  scheduledAt: Date | null;
}

const COLUMNS = 2;
const ROWS_PER_PAGE = 4;
/** A4 height (842 pt) less the 20 pt margins, shared by four rows, less each cell's 18 pt padding. */
const SLIP_HEIGHT = 180;

function slip(s: CredentialSlip, contestName: string, examUrl: string): Content {
  const where = [
    s.sessionName ? `Ca thi: ${nfc(s.sessionName)}` : 'Ca thi: chưa xếp ca',
    s.room ? `Phòng: ${nfc(s.room)}` : null,
  ].filter(Boolean);
  // The PIN has a line of its own: a wide password (WMWm…) and the PIN do not fit on one line.
  const pinLine: Content[] = s.pin
    ? [
        {
          columns: [
            { width: 'auto', text: 'Mã PIN ký số:', fontSize: 9, margin: [0, 3, 4, 0] },
            { width: '*', text: s.pin, bold: true, fontSize: 14, characterSpacing: 1 },
          ],
        },
      ]
    : [];
  return {
    stack: [
      { text: nfc(contestName), bold: true, fontSize: 8, color: '#333333', margin: [0, 0, 0, 3] },
      { text: where.join(' · '), fontSize: 8.5 },
      {
        text: s.scheduledAt ? `Giờ thi: ${formatDateTimeVn(s.scheduledAt)}` : ' ',
        fontSize: 8.5,
        margin: [0, 0, 0, 5],
      },
      {
        columns: [
          { width: 'auto', text: 'Số báo danh:', fontSize: 9, margin: [0, 3, 4, 0] },
          { width: '*', text: nfc(s.number), bold: true, fontSize: 14 },
        ],
      },
      {
        text: [
          { text: 'Họ và tên: ', fontSize: 9 },
          { text: nfc(s.fullName), bold: true, fontSize: 11 },
        ],
      },
      { text: `Đơn vị: ${nfc(s.unitName)}`, fontSize: 9, margin: [0, 1, 0, 4] },
      {
        columns: [
          { width: 'auto', text: 'Mật khẩu:', fontSize: 9, margin: [0, 3, 4, 0] },
          { width: '*', text: s.password, bold: true, fontSize: 14, characterSpacing: 1 },
        ],
      },
      ...pinLine,
      { text: `Địa chỉ trang thi: ${examUrl}`, fontSize: 8.5, margin: [0, 4, 0, 3] },
      {
        text:
          'Mở địa chỉ trên, nhập số báo danh và mật khẩu, chờ giám thị bắt đầu ca thi. ' +
          'Giữ kín mật khẩu; gặp sự cố, báo ngay giám thị.',
        fontSize: 7.5,
        color: '#444444',
      },
    ],
  };
}

/**
 * The credential slips of a contest: eight per A4 page, two across, separated by dashed cut lines.
 * The passwords exist only in this document; the database keeps their hashes (and the PINs sealed,
 * so a reprint shows the same PIN).
 */
export async function credentialSlipsPdf(
  contestName: string,
  examUrl: string,
  slips: CredentialSlip[],
): Promise<Buffer> {
  const rows: TableCell[][] = [];
  for (let i = 0; i < slips.length; i += COLUMNS) {
    const row: TableCell[] = [];
    for (let c = 0; c < COLUMNS; c++) {
      const s = slips[i + c];
      row.push(s ? slip(s, contestName, examUrl) : { text: '' });
    }
    rows.push(row);
  }
  const pages: Content[] = [];
  for (let p = 0; p < rows.length; p += ROWS_PER_PAGE) {
    const body = rows.slice(p, p + ROWS_PER_PAGE);
    pages.push({
      table: { widths: ['*', '*'], heights: SLIP_HEIGHT, body, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0.6,
        vLineWidth: () => 0.6,
        hLineColor: () => '#888888',
        vLineColor: () => '#888888',
        hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        paddingLeft: () => 12,
        paddingRight: () => 12,
        paddingTop: () => 10,
        paddingBottom: () => 8,
      },
      ...(p + ROWS_PER_PAGE < rows.length ? { pageBreak: 'after' as const } : {}),
    });
  }
  return renderPdf(pages, { title: `Phiếu thông tin đăng nhập — ${contestName}`, margins: [20, 20, 20, 20] });
}
