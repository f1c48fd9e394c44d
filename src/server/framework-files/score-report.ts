import ExcelJS from 'exceljs';
import type { Framework } from '../../core/framework/model';
import { bandFor, DEFAULT_BANDS } from '../../core/scoring/bands';
import { rankUnits } from '../../core/scoring/rank';
import { scoreUnits } from '../../core/scoring/score-unit';
import type { ScoreDataUnit } from './score-data';

/** One unit's result as printed and exported. Points and values are unrounded; display rounds. */
export interface UnitResult {
  code: string;
  name: string;
  level: string;
  group: number | null;
  points: number;
  /** Σ maxima of the indicators that apply to the unit. */
  max: number;
  /** Points on the set's nominal maximum (policy "rescale" only). */
  scaled: number | null;
  value: number | null;
  rank: number | null;
  /** Ranked units of the same level and group. */
  rankOf: number;
  band: string | null;
  /** Top-level nodes (pillars or main indices): value and rank. */
  top: Record<string, { points: number; max: number; value: number | null; rank: number | null }>;
  /** Every node: points, maximum, value, and why it was left out. */
  nodes: Record<
    string,
    { points: number; max: number; value: number | null; applicable: boolean; reason?: string }
  >;
  issues: string[];
}

export interface ScoreReport {
  framework: {
    code: string;
    name: string;
    year: number;
    level: string;
    nominalMax: number;
    illustrative: boolean;
  };
  units: UnitResult[];
}

/** Scores every unit with the pure core and ranks them within their level and group. */
export function buildScoreReport(f: Framework, units: ScoreDataUnit[]): ScoreReport {
  const scores = scoreUnits(f, units);
  const ranks = rankUnits(scores, f, { kinds: [...new Set(f.nodes.map((n) => n.kind))] });
  const bands = f.policy.bands.length > 0 ? f.policy.bands : DEFAULT_BANDS;
  const results = scores.map((s, i): UnitResult => {
    const r = ranks[i]!;
    const top: UnitResult['top'] = {};
    for (const n of f.nodes) {
      const ns = s.nodes[n.code];
      if (!ns) continue;
      top[n.code] = {
        points: ns.points,
        max: ns.max,
        value: ns.applicable ? ns.value : null,
        rank: r.nodes[n.code]?.rank ?? null,
      };
    }
    const nodes: UnitResult['nodes'] = {};
    for (const [code, ns] of Object.entries(s.nodes)) {
      nodes[code] = { points: ns.points, max: ns.max, value: ns.value, applicable: ns.applicable };
      if (ns.reason) nodes[code].reason = ns.reason;
    }
    return {
      code: s.unitId,
      name: units[i]!.name,
      level: s.level,
      group: s.group,
      points: s.total.points,
      max: s.total.max,
      scaled: s.total.scaled ?? null,
      value: s.total.value,
      rank: r.total.rank,
      rankOf: r.total.of,
      band: bandFor(s.total.value, bands)?.label ?? null,
      top,
      nodes,
      issues: s.issues.map((x) => x.message),
    };
  });
  results.sort(
    (a, b) =>
      (a.group ?? 0) - (b.group ?? 0) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.code.localeCompare(b.code),
  );
  const { code, name, year, level, nominalMax, illustrative } = f;
  return { framework: { code, name, year, level, nominalMax, illustrative }, units: results };
}

export const fmtValue = (v: number | null) => (v === null ? '–' : v.toFixed(4));
export const fmtPoints = (v: number | null) => (v === null ? '–' : String(Math.round(v * 100) / 100));

/** The report as a plain-text table (monospace), one line per unit, grouped by level and group. */
export function formatReportTable(report: ScoreReport, f: Framework): string {
  const tops = f.nodes.map((n) => n.code);
  const rescale = f.policy.notApplicable === 'rescale';
  const head = [
    'Hạng',
    'Mã',
    'Đơn vị',
    'Nhóm',
    'Điểm',
    'Tối đa',
    ...(rescale ? [`Quy đổi/${f.nominalMax}`] : []),
    'Giá trị',
    'Xếp loại',
    ...tops.map((c) => `[${c}]`),
  ];
  const rows = report.units.map((u) => [
    u.rank === null ? '–' : `${u.rank}/${u.rankOf}`,
    u.code,
    u.name,
    u.group === null ? '' : String(u.group),
    fmtPoints(u.points),
    fmtPoints(u.max),
    ...(rescale ? [fmtPoints(u.scaled)] : []),
    fmtValue(u.value),
    u.band ?? '–',
    ...tops.map((c) => fmtValue(u.top[c]?.value ?? null)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = (i: number) => i >= 4 && head[i] !== 'Xếp loại';
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const legend = f.nodes.map((n) => `[${n.code}] ${n.name} (${fmtPoints(n.maxPoints)} điểm)`).join('; ');
  return [
    `${f.name}${f.illustrative && !/minh họa/.test(f.name) ? ' — mẫu minh họa' : ''}`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `Hạng tính trong cùng cấp và nhóm. Cột [mã]: giá trị (0–1) của ${legend}.`,
  ].join('\n');
}

/** The report as a workbook: a summary sheet and a long sheet with every node of every unit. */
export async function writeScoreWorkbook(report: ScoreReport, f: Framework): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thước Đo';
  const ws = wb.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const tops = f.nodes;
  ws.columns = [
    { header: 'Mã đơn vị', key: 'code', width: 14 },
    { header: 'Tên đơn vị', key: 'name', width: 36 },
    { header: 'Cấp', key: 'level', width: 8 },
    { header: 'Nhóm', key: 'group', width: 8 },
    { header: 'Điểm', key: 'points', width: 10 },
    { header: 'Điểm tối đa áp dụng', key: 'max', width: 12 },
    { header: `Điểm quy đổi (/${f.nominalMax})`, key: 'scaled', width: 14 },
    { header: 'Giá trị', key: 'value', width: 10 },
    { header: 'Hạng', key: 'rank', width: 8 },
    { header: 'Số đơn vị xếp hạng', key: 'rankOf', width: 10 },
    { header: 'Xếp loại', key: 'band', width: 12 },
    ...tops.map((n) => ({ header: `${n.code}. ${n.name}`, key: `v:${n.code}`, width: 16 })),
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const u of report.units) {
    const row: Record<string, unknown> = {
      code: u.code,
      name: u.name,
      level: u.level,
      group: u.group,
      points: u.points,
      max: u.max,
      scaled: u.scaled,
      value: u.value,
      rank: u.rank,
      rankOf: u.rankOf,
      band: u.band,
    };
    for (const n of tops) row[`v:${n.code}`] = u.top[n.code]?.value ?? null;
    ws.addRow(row);
  }
  for (const key of ['value', ...tops.map((n) => `v:${n.code}`)]) ws.getColumn(key).numFmt = '0.0000';
  for (const key of ['points', 'max', 'scaled']) ws.getColumn(key).numFmt = '0.00';

  const detail = wb.addWorksheet('Chi tiết', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: 'Mã đơn vị', key: 'unit', width: 14 },
    { header: 'Mã chỉ số', key: 'code', width: 10 },
    { header: 'Điểm', key: 'points', width: 10 },
    { header: 'Điểm tối đa', key: 'max', width: 10 },
    { header: 'Giá trị', key: 'value', width: 10 },
    { header: 'Áp dụng', key: 'applicable', width: 10 },
    { header: 'Lý do không áp dụng', key: 'reason', width: 40 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const u of report.units) {
    for (const [code, n] of Object.entries(u.nodes)) {
      detail.addRow({
        unit: u.code,
        code,
        points: n.points,
        max: n.max,
        value: n.value,
        applicable: n.applicable ? 'Có' : 'Không',
        reason: n.reason ?? '',
      });
    }
  }
  detail.getColumn('value').numFmt = '0.0000';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
