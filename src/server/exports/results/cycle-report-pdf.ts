import type { Content } from 'pdfmake/interfaces';
import { distribution } from '../../../core/results/distribution';
import type { LeagueTable } from '../../../core/results/league';
import { nfc, renderPdf } from '../../pdf/render-pdf';
import type { ResultsModel } from '../../results/results-model';
import { distributionChart } from './charts';
import { fmtPercent, fmtPoints, fmtValue, LEVEL_NAMES, tableTitle } from './format';
import type { LevelLeague } from './league-data';
import { chartNode, footer, PAGE_WIDTH, STYLES, table, td, th, titleBlock } from './pdf-parts';

/** Rows printed per league table: beyond this the table points to the Excel export (paper has limits). */
export const REPORT_TABLE_ROWS = 2000;

const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

function overview(model: ResultsModel, levels: LevelLeague[]): Content {
  return table(
    ['*', 46, 46, 52, 52, 52, 52],
    [
      th('Cấp'),
      th('Số đơn vị', true),
      th('Xếp hạng', true),
      th('Trung bình', true),
      th('Trung vị', true),
      th('Thấp nhất', true),
      th('Cao nhất', true),
    ],
    levels.map((l) => {
      const scores = model.scores.filter((s) => s.level === l.level);
      const d = distribution(scores, { bands: l.framework.policy.bands });
      const ranked = l.tables.reduce((a, t) => a + t.of, 0);
      return [
        td(LEVEL_NAMES[l.level]),
        td(String(scores.length), true),
        td(String(ranked), true),
        td(fmtValue(d.summary.mean), true),
        td(fmtValue(d.summary.median), true),
        td(fmtValue(d.summary.min), true),
        td(fmtValue(d.summary.max), true),
      ];
    }),
  );
}

function levelDistribution(model: ResultsModel, l: LevelLeague): Content[] {
  const scores = model.scores.filter((s) => s.level === l.level);
  const d = distribution(scores, { bands: l.framework.policy.bands });
  const counted = scores.length - d.missing;
  const share = (n: number) => (counted > 0 ? fmtPercent((n / counted) * 100) : '–');
  const bandRows = d.bands.map((b) => [
    td(b.label),
    td(`từ ${fmtValue(b.minValue)}`, true),
    td(String(b.count), true),
    td(share(b.count), true),
  ]);
  if (d.bands.length > 0)
    bandRows.push([
      td('Dưới mọi mức'),
      td('', true),
      td(String(d.unbanded), true),
      td(share(d.unbanded), true),
    ]);
  return [
    { text: nfc(LEVEL_NAMES[l.level]), bold: true, margin: [0, 4, 0, 4] },
    chartNode(distributionChart(d.bins, PAGE_WIDTH)),
    d.bands.length > 0
      ? table(
          ['*', 80, 60, 60],
          [th('Xếp loại'), th('Ngưỡng giá trị', true), th('Số đơn vị', true), th('Tỷ lệ', true)],
          bandRows,
        )
      : { text: 'Bộ chỉ số không quy định mức xếp loại.', style: 'note' },
  ];
}

function leagueTable(model: ResultsModel, l: LevelLeague, t: LeagueTable): Content[] {
  const rows = t.rows.slice(0, REPORT_TABLE_ROWS);
  const head = [
    th('Hạng', true),
    th('Mã'),
    th('Tên đơn vị'),
    th('Điểm', true),
    th('Tối đa', true),
    th('Giá trị', true),
    th('Xếp loại'),
    ...(l.hasPrevious ? [th('± hạng', true)] : []),
  ];
  const body = rows.map((r) => {
    const u = model.byId.get(r.unitId)!;
    return [
      td(r.rank === null ? '–' : String(r.rank), true),
      td(u.code),
      td(u.name),
      td(fmtPoints(r.points), true),
      td(fmtPoints(r.max), true),
      td(fmtValue(r.value), true),
      td(r.band?.label ?? '–'),
      ...(l.hasPrevious ? [td(signed(r.rankChange), true)] : []),
    ];
  });
  const widths = [30, 62, '*', 44, 44, 44, 54, ...(l.hasPrevious ? [36] : [])];
  const rest = t.rows.length - rows.length;
  return [
    {
      text: nfc(`${tableTitle(l.level, t.group)} (${t.of} đơn vị xếp hạng)`),
      bold: true,
      margin: [0, 6, 0, 4],
    },
    table(widths, head, body),
    ...(rest > 0
      ? [{ text: `… và ${rest} đơn vị khác: xem bảng xếp hạng Excel.`, style: 'note' } as Content]
      : []),
  ];
}

/** The cycle's report on A4: overview per level, distribution chart and band counts, league tables. */
export async function cycleReportPdf(model: ResultsModel, levels: LevelLeague[], now: Date): Promise<Buffer> {
  const content: Content[] = [
    ...titleBlock(model.meta, `BÁO CÁO KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM ${model.meta.year}`),
    { text: '1. Tổng quan', style: 'section' },
    overview(model, levels),
    {
      text: 'Giá trị chỉ số = tổng điểm đạt được ÷ tổng điểm tối đa áp dụng (0–1); xếp hạng trong cùng cấp và nhóm, bằng giá trị thì đồng hạng.',
      style: 'note',
      margin: [0, 3, 0, 0],
    },
    { text: '2. Phân bố giá trị và xếp loại', style: 'section' },
    ...levels.flatMap((l) => levelDistribution(model, l)),
    { text: '3. Bảng xếp hạng', style: 'section', pageBreak: 'before' },
    ...levels.flatMap((l) => l.tables.flatMap((t) => leagueTable(model, l, t))),
  ];
  return renderPdf(content, {
    title: `Báo cáo kết quả đánh giá chuyển đổi số năm ${model.meta.year}`,
    styles: STYLES,
    footer: footer(now),
    margins: [40, 36, 40, 44],
  });
}
