import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TResultRow } from '../../contracts/contest-results';
import { type UnitSummary, unitSummaries } from '../../core/exam/unit-summary';
import { formatDateVn } from '../../core/shared/dates';
import type { UnitLevel } from '../../core/units/unit';
import { addTableSheet, type SheetColumn } from '../files/workbook';
import { formatDateTimeVn } from '../pdf/format';
import type { ContestResults } from './load-results';
import { contestHead, rankedRows, unitKeyOf } from './results-view';

/** Sheet names, fixed: the PAR-index scoring reads the first sheet by name. */
export const SUMMARY_SHEET = 'Tổng hợp đơn vị';
export const CANDIDATE_SHEET = 'Thí sinh';
export const INFO_SHEET = 'Thông tin';

export const LEVEL_LABEL: Record<UnitLevel, string> = { so: 'Sở', huyen: 'Huyện', xa: 'Xã' };
export const STATE_LABEL: Record<TResultRow['state'], string> = {
  absent: 'Vắng thi',
  in_progress: 'Đang thi',
  ungraded: 'Chưa chấm xong',
  graded: 'Đã có kết quả',
};
export const FLAG_LABEL = { pass: 'Đạt', khong_xet_khen_thuong: 'Không xét khen thưởng' } as const;

type UnitField =
  | 'no'
  | 'code'
  | 'name'
  | 'level'
  | 'registered'
  | 'sat'
  | 'graded'
  | 'average'
  | 'theory'
  | 'practice'
  | 'highest'
  | 'lowest'
  | 'passed'
  | 'below'
  | 'rate'
  | 'rank';
const UNIT_COLUMNS: SheetColumn<UnitField>[] = [
  { field: 'no', header: 'STT', width: 6 },
  { field: 'code', header: 'Mã đơn vị', width: 14 },
  { field: 'name', header: 'Tên đơn vị', width: 40 },
  { field: 'level', header: 'Cấp', width: 8 },
  { field: 'registered', header: 'Số thí sinh', width: 11 },
  { field: 'sat', header: 'Số dự thi', width: 10 },
  { field: 'graded', header: 'Số có kết quả', width: 13 },
  { field: 'average', header: 'Điểm trung bình', width: 15 },
  { field: 'theory', header: 'Điểm TB lý thuyết', width: 16 },
  { field: 'practice', header: 'Điểm TB thực hành', width: 17 },
  { field: 'highest', header: 'Điểm cao nhất', width: 13 },
  { field: 'lowest', header: 'Điểm thấp nhất', width: 14 },
  { field: 'passed', header: 'Số đạt', width: 8 },
  { field: 'below', header: 'Số dưới ngưỡng', width: 14 },
  { field: 'rate', header: 'Tỉ lệ đạt', width: 10 },
  { field: 'rank', header: 'Xếp hạng trong cấp', width: 17 },
];

type CandidateField =
  | 'no'
  | 'number'
  | 'name'
  | 'birth'
  | 'position'
  | 'unitCode'
  | 'unitName'
  | 'level'
  | 'session'
  | 'state'
  | 'theory'
  | 'practice'
  | 'total'
  | 'flag'
  | 'rank'
  | 'rankLevel'
  | 'rankUnit';
const CANDIDATE_COLUMNS: SheetColumn<CandidateField>[] = [
  { field: 'no', header: 'STT', width: 6 },
  { field: 'number', header: 'Số báo danh', width: 14 },
  { field: 'name', header: 'Họ và tên', width: 26 },
  { field: 'birth', header: 'Ngày sinh', width: 11 },
  { field: 'position', header: 'Chức vụ', width: 22 },
  { field: 'unitCode', header: 'Mã đơn vị', width: 14 },
  { field: 'unitName', header: 'Tên đơn vị', width: 34 },
  { field: 'level', header: 'Cấp', width: 8 },
  { field: 'session', header: 'Ca thi', width: 12 },
  { field: 'state', header: 'Tình trạng', width: 15 },
  { field: 'theory', header: 'Lý thuyết', width: 10 },
  { field: 'practice', header: 'Thực hành', width: 10 },
  { field: 'total', header: 'Tổng điểm', width: 10 },
  { field: 'flag', header: 'Kết quả', width: 22 },
  { field: 'rank', header: 'Hạng chung', width: 11 },
  { field: 'rankLevel', header: 'Hạng trong cấp', width: 14 },
  { field: 'rankUnit', header: 'Hạng trong đơn vị', width: 16 },
];

const POINTS = '0.00';

/** The unit summaries of a contest's results (the rows of the first sheet). */
export function contestUnitSummaries(results: ContestResults): UnitSummary[] {
  return unitSummaries(
    results.candidates.map((c) => ({
      unitKey: unitKeyOf(c),
      unitId: c.unitId,
      unitCode: c.unitCode,
      unitName: c.unitName,
      level: c.level,
      sat: c.sat,
      result: c.state === 'graded' ? c.result : null,
    })),
  );
}

/**
 * Streams the results workbook (layout: docs/formats/contest-results-export.md): one row per unit for
 * the PAR-index scoring, one row per candidate, and the contest's facts. Numbers are numbers (points
 * unrounded, shown with two decimals; the pass rate a fraction shown as a percentage).
 */
export async function writeResultsWorkbook(out: Writable, results: ContestResults, now: Date): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'Thước Đo';

  const units = addTableSheet(wb, SUMMARY_SHEET, UNIT_COLUMNS);
  for (const key of ['average', 'theory', 'practice', 'highest', 'lowest'] as const)
    units.getColumn(key).numFmt = POINTS;
  units.getColumn('rate').numFmt = '0.00%';
  contestUnitSummaries(results).forEach((u, i) => {
    units
      .addRow({
        no: i + 1,
        code: u.unitCode ?? '',
        name: u.unitName,
        level: LEVEL_LABEL[u.level],
        registered: u.registered,
        sat: u.sat,
        graded: u.graded,
        average: u.averageTotal,
        theory: u.averageTheory,
        practice: u.averagePractice,
        highest: u.highest,
        lowest: u.lowest,
        passed: u.passed,
        below: u.belowThreshold,
        rate: u.passRate,
        rank: u.rankInLevel,
      })
      .commit();
  });
  units.commit();

  const people = addTableSheet(wb, CANDIDATE_SHEET, CANDIDATE_COLUMNS);
  for (const key of ['theory', 'practice', 'total'] as const) people.getColumn(key).numFmt = POINTS;
  const byId = new Map(results.candidates.map((c) => [c.candidateId, c]));
  rankedRows(results.candidates).forEach((r, i) => {
    const c = byId.get(r.candidateId)!;
    people
      .addRow({
        no: i + 1,
        number: r.number,
        name: r.fullName,
        birth: c.birthDate ? formatDateVn(c.birthDate) : '',
        position: c.position ?? '',
        unitCode: r.unitCode ?? '',
        unitName: r.unitName,
        level: LEVEL_LABEL[r.level],
        session: r.sessionName ?? '',
        state: STATE_LABEL[r.state],
        theory: r.theory,
        practice: r.practice,
        total: r.total,
        flag: r.flag ? FLAG_LABEL[r.flag] : '',
        rank: r.overall.rank,
        rankLevel: r.byLevel.rank,
        rankUnit: r.byUnit.rank,
      })
      .commit();
  });
  people.commit();

  const head = contestHead(results);
  const info = wb.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 28 }, { width: 60 }];
  const lines: [string, string | number][] = [
    ['Kỳ thi', head.name],
    ['Năm', head.year],
    ['Thang điểm', head.scale],
    ['Điểm lý thuyết', head.theoryPoints],
    ['Điểm thực hành', head.practicePoints],
    ['Ngưỡng xét khen thưởng', head.passThreshold],
    [
      'Công bố cho thí sinh',
      results.publication ? formatDateTimeVn(results.publication.publishedAt) : 'Chưa công bố',
    ],
    ['Thời điểm xuất', formatDateTimeVn(now)],
  ];
  for (const line of lines) info.addRow(line).commit();
  info.commit();
  await wb.commit();
}
