import type { Content, DynamicContent, StyleDictionary, TableCell } from 'pdfmake/interfaces';
import { nfc } from '../../pdf/render-pdf';
import type { ResultsMeta } from '../../results/results-model';
import { generatedLine, sourceLine } from './format';

/** A4 portrait less 40 pt margins each side. */
export const PAGE_WIDTH = 515;

export const STYLES: StyleDictionary = {
  title: { fontSize: 14, bold: true, alignment: 'center' },
  subtitle: { fontSize: 10, alignment: 'center', color: '#333333' },
  section: { fontSize: 11.5, bold: true, margin: [0, 12, 0, 6] },
  th: { bold: true, fillColor: '#e8eef7', fontSize: 9 },
  td: { fontSize: 9 },
  note: { fontSize: 8.5, color: '#555555' },
};

/** The title block: product line, title, cycle, and where the figures come from (red for a preview). */
export function titleBlock(meta: ResultsMeta, title: string): Content[] {
  return [
    { text: 'THƯỚC ĐO – ĐÁNH GIÁ CHUYỂN ĐỔI SỐ', style: 'note', alignment: 'center' },
    { text: nfc(title), style: 'title', margin: [0, 6, 0, 2] },
    {
      text: nfc(
        meta.cycleName.includes(String(meta.year)) ? meta.cycleName : `${meta.cycleName} (năm ${meta.year})`,
      ),
      style: 'subtitle',
    },
    {
      text: sourceLine(meta),
      style: 'subtitle',
      bold: meta.source === 'preview',
      color: meta.source === 'preview' ? '#b91c1c' : '#333333',
      margin: [0, 2, 0, 8],
    },
  ];
}

/** "Thước Đo · Xuất lúc … · Trang 1/3" on every page. */
export function footer(now: Date): DynamicContent {
  const line = generatedLine(now);
  return (current: number, total: number) => ({
    margin: [40, 10, 40, 0],
    columns: [
      { text: `Thước Đo · ${line}`, style: 'note' },
      { text: `Trang ${current}/${total}`, style: 'note', alignment: 'right' },
    ],
  });
}

/** A header cell and a body cell (right-aligned for figures). */
export const th = (text: string, right = false): TableCell => ({
  text: nfc(text),
  style: 'th',
  alignment: right ? 'right' : 'left',
});
export const td = (text: string, right = false): TableCell => ({
  text: nfc(text),
  style: 'td',
  alignment: right ? 'right' : 'left',
});

/** Thin grey rules, header repeated on each page. */
export function table(widths: (number | string)[], head: TableCell[], body: TableCell[][]): Content {
  return {
    table: { headerRows: 1, widths, body: [head, ...body], dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#c7ccd4',
      vLineColor: () => '#c7ccd4',
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

/** A chart as a pdfmake SVG node drawn with the PDF's own font. */
export function chartNode(chart: { svg: string; width: number; height: number }): Content {
  return { svg: chart.svg, width: chart.width, height: chart.height, font: 'NotoSans' } as Content;
}
