import type { Content, TableCell } from 'pdfmake/interfaces';
import type { TResultRow } from '../../contracts/contest-results';
import { formatDateVn } from '../../core/shared/dates';
import { formatDateTimeVn, vnDateParts } from '../pdf/format';
import { nfc, renderPdf } from '../pdf/render-pdf';
import type { ContestResults } from './load-results';
import { contestHead, rankedRows } from './results-view';
import { FLAG_LABEL, LEVEL_LABEL, STATE_LABEL } from './unit-summary-export';

/** Points in Vietnamese notation: "72,5", at most two decimals. */
export const formatPointsVn = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

const place = (p: TResultRow['overall']) => (p.rank === null ? '—' : `${p.rank}/${p.of}`);

function slip(results: ContestResults, row: TResultRow, now: Date): Content[] {
  const head = contestHead(results);
  const c = results.candidates.find((x) => x.candidateId === row.candidateId)!;
  const points = (v: number | null) => (v === null ? '—' : formatPointsVn(v));
  const d = vnDateParts(now);
  const scoreRows: TableCell[][] = [
    [
      { text: 'Phần thi', bold: true },
      { text: 'Điểm tối đa', bold: true, alignment: 'right' },
      { text: 'Điểm đạt', bold: true, alignment: 'right' },
    ],
    [
      'Lý thuyết (trắc nghiệm)',
      { text: points(head.theoryPoints), alignment: 'right' },
      { text: points(row.theory), alignment: 'right' },
    ],
    [
      'Thực hành',
      { text: points(head.practicePoints), alignment: 'right' },
      { text: points(row.practice), alignment: 'right' },
    ],
    [
      { text: 'Tổng điểm', bold: true },
      { text: points(head.scale), bold: true, alignment: 'right' },
      { text: points(row.total), bold: true, fontSize: 13, alignment: 'right' },
    ],
  ];
  const verdict =
    row.state !== 'graded'
      ? `Chưa có kết quả (${STATE_LABEL[row.state].toLowerCase()})`
      : row.flag === 'pass'
        ? `${FLAG_LABEL.pass} (từ ${points(head.passThreshold)} điểm trở lên)`
        : `Dưới ngưỡng ${points(head.passThreshold)} điểm: ${FLAG_LABEL.khong_xet_khen_thuong.toLowerCase()}`;
  const info: [string, string][] = [
    ['Họ và tên', nfc(row.fullName)],
    ['Số báo danh', nfc(row.number)],
    ['Ngày sinh', c.birthDate ? formatDateVn(c.birthDate) : '—'],
    ['Chức vụ', nfc(c.position) || '—'],
    ['Đơn vị', `${nfc(row.unitName)} (${LEVEL_LABEL[row.level]})`],
    ['Ca thi', nfc(row.sessionName) || '—'],
  ];
  return [
    {
      columns: [
        { width: '*', text: 'BAN TỔ CHỨC HỘI THI', bold: true, alignment: 'center', fontSize: 10 },
        {
          width: '*',
          stack: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10 },
            { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 11 },
          ],
          alignment: 'center',
        },
      ],
    },
    { text: 'PHIẾU BÁO KẾT QUẢ', bold: true, fontSize: 16, alignment: 'center', margin: [0, 28, 0, 4] },
    { text: nfc(head.name), alignment: 'center', fontSize: 11, margin: [0, 0, 0, 18] },
    {
      table: { widths: [110, '*'], body: info.map(([k, v]) => [k, { text: v, bold: k === 'Họ và tên' }]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 14],
    },
    {
      table: { widths: ['*', 90, 90], body: scoreRows },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 12],
    },
    { text: [{ text: 'Kết quả: ', bold: true }, verdict], margin: [0, 0, 0, 6] },
    {
      text: `Xếp hạng: chung ${place(row.overall)}; trong cấp ${LEVEL_LABEL[row.level].toLowerCase()} ${place(row.byLevel)}; trong đơn vị ${place(row.byUnit)}`,
      margin: [0, 0, 0, 28],
    },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 240,
          alignment: 'center',
          stack: [
            { text: `Ngày ${d.day} tháng ${d.month} năm ${d.year}`, italics: true },
            { text: 'TRƯỞNG BAN TỔ CHỨC', bold: true, margin: [0, 4, 0, 0] },
          ],
        },
      ],
    },
    {
      text: `In lúc ${formatDateTimeVn(now)}. Kết quả có thể được điều chỉnh sau phúc khảo.`,
      fontSize: 8,
      color: '#555555',
      margin: [0, 90, 0, 0],
    },
  ];
}

/**
 * Result slips (phiếu báo kết quả), one A4 page per candidate, for the given candidates in số báo
 * danh order (all of the contest when none is given).
 */
export async function resultSlipsPdf(
  results: ContestResults,
  now: Date,
  candidateIds?: string[],
): Promise<Buffer> {
  const wanted = candidateIds ? new Set(candidateIds) : null;
  const rows = rankedRows(results.candidates)
    .filter((r) => !wanted || wanted.has(r.candidateId))
    .sort((a, b) => a.number.localeCompare(b.number));
  const pages: Content[] = rows.map((row, i) => ({
    stack: slip(results, row, now),
    ...(i < rows.length - 1 ? { pageBreak: 'after' as const } : {}),
  }));
  if (pages.length === 0) pages.push({ text: 'Không có thí sinh nào.' });
  return renderPdf(pages, {
    title: `Phiếu báo kết quả — ${results.contest.name}`,
    margins: [56, 48, 48, 48],
    fontSize: 11,
  });
}
