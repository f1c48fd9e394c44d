import type { Content } from 'pdfmake/interfaces';
import type { StrengthItem } from '../../../core/results/strengths';
import { nfc, renderPdf } from '../../pdf/render-pdf';
import type { ResultsMeta } from '../../results/results-model';
import { mainIndexChart } from './charts';
import { fmtChange, fmtPoints, fmtValue, LEVEL_NAMES } from './format';
import { chartNode, footer, PAGE_WIDTH, STYLES, table, td, th, titleBlock } from './pdf-parts';
import type { Scorecard } from './scorecard-data';

/** A labelled figure of the summary row. */
const figure = (label: string, value: string): Content => ({
  stack: [
    { text: label, style: 'note', alignment: 'center' },
    { text: nfc(value), fontSize: 15, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
  ],
});

function summary(s: Scorecard): Content[] {
  const u = s.unit;
  const rank = u.rank === null ? 'Không xếp hạng' : `${u.rank}/${u.rankOf}`;
  const scaled = u.final.scaled !== null && u.final.scaled !== u.final.points;
  return [
    {
      table: {
        widths: ['*', '*', '*', '*'],
        body: [
          [
            figure('Tổng điểm đạt được', `${fmtPoints(u.final.points)} / ${fmtPoints(u.final.max)}`),
            figure('Giá trị chỉ số', fmtValue(u.final.value)),
            figure('Xếp hạng trong nhóm', rank),
            figure('Xếp loại', u.band ?? 'Chưa xếp loại'),
          ],
        ],
      },
      layout: {
        hLineColor: () => '#c7ccd4',
        vLineColor: () => '#c7ccd4',
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
    },
    {
      text: [
        `Tự đánh giá: ${fmtPoints(u.self.points)} điểm · Thẩm định: ${fmtPoints(u.appraised.points)} điểm · `,
        `Đạt được: ${fmtPoints(u.final.points)} điểm`,
        scaled ? ` · Quy đổi: ${fmtPoints(u.final.scaled)} điểm` : '',
        ` · Minh chứng: ${s.evidence.provided}/${s.evidence.required} chỉ số cần minh chứng`,
      ].join(''),
      style: 'note',
      margin: [0, 4, 0, 0],
    },
  ];
}

function mainTable(s: Scorecard): Content {
  return table(
    [34, '*', 44, 44, 48, 48, 52],
    [
      th('Mã'),
      th('Chỉ số chính'),
      th('Điểm', true),
      th('Tối đa', true),
      th('Giá trị', true),
      th('TB nhóm', true),
      th('Chênh lệch', true),
    ],
    s.mains.map((m) => [
      td(m.code),
      td(m.name),
      td(fmtPoints(m.points), true),
      td(fmtPoints(m.max), true),
      td(m.value === null ? 'Không áp dụng' : fmtValue(m.value), true),
      td(fmtValue(m.groupAverage), true),
      td(m.value === null || m.groupAverage === null ? '–' : fmtChange(m.value - m.groupAverage), true),
    ]),
  );
}

function items(list: StrengthItem[], empty: string): Content {
  if (list.length === 0) return { text: empty, style: 'note' };
  return {
    ul: list.map((x) => ({
      stack: [
        {
          text: nfc(
            `${x.code}. ${x.name}: ${fmtValue(x.value)} (trung bình nhóm ${fmtValue(x.peerAverage)}, ${fmtChange(x.gap)})`,
          ),
          fontSize: 9.5,
        },
        ...x.indicators.map((i) => ({
          text: nfc(
            `${i.code} ${i.name}: ${fmtPoints(i.points)}/${fmtPoints(i.max)} điểm (trung bình nhóm ${fmtPoints(i.peerAveragePoints)})`,
          ),
          style: 'note',
          margin: [10, 1, 0, 0] as [number, number, number, number],
        })),
      ],
      margin: [0, 0, 0, 4] as [number, number, number, number],
    })),
  };
}

/** The unit's scorecard on A4: totals, rank and band, main indices against the group, chart, strengths and weaknesses. */
export async function scorecardPdf(meta: ResultsMeta, s: Scorecard, now: Date): Promise<Buffer> {
  const u = s.unit;
  const chart = mainIndexChart(
    s.mains.map((m) => ({ code: m.code, name: nfc(m.name) })),
    s.mains.map((m) => m.value),
    s.mains.map((m) => m.groupAverage),
    PAGE_WIDTH,
  );
  const group = u.groupNo === null ? '' : ` · Nhóm ${u.groupNo}`;
  const content: Content[] = [
    ...titleBlock(meta, 'PHIẾU KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ'),
    { text: nfc(u.name), fontSize: 16, bold: true, alignment: 'center' },
    {
      text: nfc(`Mã đơn vị: ${u.code} · ${LEVEL_NAMES[u.level]}${group} · ${s.peers} đơn vị cùng nhóm`),
      style: 'subtitle',
      margin: [0, 2, 0, 2],
    },
    { text: nfc(`Bộ chỉ số: ${s.frameworkName}`), style: 'subtitle', margin: [0, 0, 0, 10] },
    ...summary(s),
    { text: '1. Kết quả theo chỉ số chính', style: 'section' },
    mainTable(s),
    {
      text: 'Giá trị = điểm đạt được ÷ điểm tối đa; TB nhóm: trung bình các đơn vị cùng cấp và nhóm.',
      style: 'note',
      margin: [0, 3, 0, 0],
    },
    { text: '2. So sánh với trung bình của nhóm', style: 'section' },
    chartNode(chart),
    { text: '3. Điểm mạnh', style: 'section' },
    items(s.strengths, 'Không có chỉ số chính nào vượt rõ trung bình nhóm.'),
    { text: '4. Điểm cần cải thiện', style: 'section' },
    items(s.weaknesses, 'Không có chỉ số chính nào thấp rõ so với trung bình nhóm.'),
  ];
  return renderPdf(content, {
    title: `Phiếu kết quả ${u.name} năm ${meta.year}`,
    styles: STYLES,
    footer: footer(now),
    margins: [40, 36, 40, 44],
  });
}
