import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../../contracts/contest-results';
import { createTestContest } from '../../contests/testing';
import type { Db } from '../../db/client';
import { attemptAdjustments, attempts, units } from '../../db/schema';
import { dbKinds } from '../../testing/test-db';
import { type Caller, createExamKit, type ExamKit } from '../exam/exam-test-kit';

/**
 * Candidates of a closed contest with a practice part (theory 60, practice 40 scaled from a 50-point
 * scenario: ×0.8; threshold 50), written as finalisation and practice grading store them.
 */
interface Spec {
  unit: 'S1' | 'X1' | 'X2';
  /** Stored theory score; undefined = no attempt (absent). */
  theory?: number;
  /** Practice raw points of 50; null = sandbox not graded yet. */
  practiceRaw?: number | null;
  theoryAdjustment?: number;
}

const SPECS: Spec[] = [
  { unit: 'S1', theory: 54, practiceRaw: 45 }, // 54 + 45×0.8 = 54 + 36 = 90 → đạt
  { unit: 'S1', theory: 24, practiceRaw: 20 }, // 24 + 16 = 40 → dưới ngưỡng
  { unit: 'S1' }, // absent
  { unit: 'X1', theory: 30, practiceRaw: 25 }, // 30 + 20 = 50 → đạt (exactly the threshold)
  { unit: 'X1', theory: 42, practiceRaw: 10, theoryAdjustment: 6 }, // (42 + 6) + 8 = 56 → đạt
  { unit: 'X2', theory: 18, practiceRaw: null }, // sat, practice not graded → no result yet
  { unit: 'X2', theory: 12, practiceRaw: 5 }, // 12 + 4 = 16 → dưới ngưỡng
];

async function seedContest(db: Db, unitIds: Record<Spec['unit'], string>, year: number, specs: Spec[]) {
  const made = await createTestContest(db, {
    year,
    name: `Hội thi năng lực số năm ${year}`,
    status: 'closed',
    rules: { practiceScenario: 'kich-ban-thu', passThreshold: 50 },
    candidatesPerSession: specs.length,
  });
  const unitRows = await db.select().from(units);
  for (const [i, spec] of specs.entries()) {
    const c = made.candidates[i]!;
    const unit = unitRows.find((u) => u.id === unitIds[spec.unit])!;
    await db.execute(
      sql`update candidates set unit_id = ${unit.id}, unit_name = ${unit.name}, level = ${unit.level} where id = ${c.id}`,
    );
    if (spec.theory === undefined) continue;
    const [a] = await db
      .insert(attempts)
      .values({
        candidateId: c.id,
        sessionId: c.sessionId,
        paper: [],
        seed: `s${i}`,
        status: 'finalised',
        startedAt: new Date('2026-06-24T01:00:00Z'),
        finalisedAt: new Date('2026-06-24T02:00:00Z'),
        finalisedBy: 'candidate',
        theoryScore: spec.theory,
        theoryMax: 60,
      })
      .returning({ id: attempts.id });
    const closed = spec.practiceRaw === null ? '{}' : JSON.stringify({ closedAt: '2026-06-24T02:00:05Z' });
    await db.execute(
      sql`insert into practice_sandboxes (attempt_id, scenario_code, scenario_version, scenario, state, score, max_score, graded_at)
          values (${a!.id}, 'kich-ban-thu', 1, '{}'::jsonb, ${closed}::jsonb, ${spec.practiceRaw ?? null}, 50,
                  ${spec.practiceRaw === null ? null : '2026-06-24T02:00:05Z'}::timestamptz)`,
    );
    if (spec.theoryAdjustment) {
      await db.insert(attemptAdjustments).values({
        attemptId: a!.id,
        section: 'theory',
        points: spec.theoryAdjustment,
        reason: 'Phúc khảo câu 7',
      });
    }
  }
  return made;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1);

describe.each(dbKinds())('contest results: per-unit Excel export and dashboard (%s)', (kind) => {
  let kit: ExamKit;
  let organiser: Caller;
  let contestId: string;
  let unitIds: Record<Spec['unit'], string>;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 1 });
    organiser = await kit.staff('organiser');
    const add = async (code: string, name: string, level: 'so' | 'xa') => {
      const [u] = await kit.db
        .insert(units)
        .values({
          code,
          name,
          level,
          kind: level === 'so' ? 'sở' : 'xã',
          groupNo: level === 'so' ? 1 : null,
          validFrom: '2025-07-01',
        })
        .returning({ id: units.id });
      return u!.id;
    };
    unitIds = {
      S1: await add('000.01.H13', 'Sở Thông tin và Truyền thông', 'so'),
      X1: await add('000.21.31.H13', 'Xã Thới Lai', 'xa'),
      X2: await add('000.22.31.H13', 'Phường Ninh Kiều', 'xa'),
    };
    contestId = (await seedContest(kit.db, unitIds, 2026, SPECS)).contestId;
    // Last year: one candidate of the sở, 42 + 35 × 0.8 = 42 + 28 = 70.
    await seedContest(kit.db, unitIds, 2025, [{ unit: 'S1', theory: 42, practiceRaw: 35 }]);
  });
  afterAll(() => kit.close());

  it('exports one row per unit that reads back as the results, and every candidate', async () => {
    const res = await organiser.request('GET', `/api/contest-results/${contestId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('ket-qua-hoi-thi-2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp đơn vị', 'Thí sinh', 'Thông tin']);

    const sheet = wb.getWorksheet('Tổng hợp đơn vị')!;
    expect(rowValues(sheet, 1)).toEqual([
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Cấp',
      'Số thí sinh',
      'Số dự thi',
      'Số có kết quả',
      'Điểm trung bình',
      'Điểm TB lý thuyết',
      'Điểm TB thực hành',
      'Điểm cao nhất',
      'Điểm thấp nhất',
      'Số đạt',
      'Số dưới ngưỡng',
      'Tỉ lệ đạt',
      'Xếp hạng trong cấp',
    ]);
    expect(sheet.rowCount).toBe(4);
    // S1: 3 registered, 2 sat, 2 with results (90, 40): average 130 / 2 = 65; theory (54 + 24) / 2 = 39;
    //     practice (36 + 16) / 2 = 26; 1 passed, 1 below; rate 1/2; first (only) sở.
    expect(rowValues(sheet, 2)).toEqual([
      1,
      '000.01.H13',
      'Sở Thông tin và Truyền thông',
      'Sở',
      3,
      2,
      2,
      65,
      39,
      26,
      90,
      40,
      1,
      1,
      0.5,
      1,
    ]);
    // X1: 2 registered, 2 sat, results 50 and 56: average 106 / 2 = 53; theory (30 + 48) / 2 = 39;
    //     practice (20 + 8) / 2 = 14; both pass (50 is the threshold itself); rate 1; xã rank 1 (53 > 16).
    expect(rowValues(sheet, 3)).toEqual([
      2,
      '000.21.31.H13',
      'Xã Thới Lai',
      'Xã',
      2,
      2,
      2,
      53,
      39,
      14,
      56,
      50,
      2,
      0,
      1,
      1,
    ]);
    // X2: 2 registered, both sat, one result (16; the other's practice is not graded): average 16,
    //     theory 12, practice 4; 0 passed, 1 below; rate 0; xã rank 2.
    expect(rowValues(sheet, 4)).toEqual([
      3,
      '000.22.31.H13',
      'Phường Ninh Kiều',
      'Xã',
      2,
      2,
      1,
      16,
      12,
      4,
      16,
      16,
      0,
      1,
      0,
      2,
    ]);
    expect(sheet.getCell('H2').numFmt).toBe('0.00');
    expect(sheet.getCell('O2').numFmt).toBe('0.00%');

    // Candidates in rank order: 90, 56, 50, 40, 16, then the unranked (no result) by name.
    const people = wb.getWorksheet('Thí sinh')!;
    const header = rowValues(people, 1);
    const at = (name: string) => header.indexOf(name) + 1;
    const read = (n: number) => ({
      total: people.getRow(n).getCell(at('Tổng điểm')).value,
      rank: people.getRow(n).getCell(at('Hạng chung')).value,
      flag: people.getRow(n).getCell(at('Kết quả')).value,
      unit: people.getRow(n).getCell(at('Mã đơn vị')).value,
      state: people.getRow(n).getCell(at('Tình trạng')).value,
    });
    expect(people.rowCount).toBe(8);
    expect([2, 3, 4, 5, 6].map(read)).toEqual([
      { total: 90, rank: 1, flag: 'Đạt', unit: '000.01.H13', state: 'Đã có kết quả' },
      { total: 56, rank: 2, flag: 'Đạt', unit: '000.21.31.H13', state: 'Đã có kết quả' },
      { total: 50, rank: 3, flag: 'Đạt', unit: '000.21.31.H13', state: 'Đã có kết quả' },
      { total: 40, rank: 4, flag: 'Không xét khen thưởng', unit: '000.01.H13', state: 'Đã có kết quả' },
      { total: 16, rank: 5, flag: 'Không xét khen thưởng', unit: '000.22.31.H13', state: 'Đã có kết quả' },
    ]);
    expect(
      [7, 8]
        .map(read)
        .map((r) => [r.total, r.rank, r.state])
        .sort(),
    ).toEqual([
      [null, null, 'Chưa chấm xong'],
      [null, null, 'Vắng thi'],
    ]);
  });

  it('draws the dashboard from the same results, with last year beside this one', async () => {
    const res = await organiser.request('GET', `/api/contest-results/${contestId}/dashboard`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as TDashboard;
    // Five results: 90, 40, 50, 56, 16 → mean 252 / 5 = 50.4; passed 3 of 5.
    expect(d.overall).toMatchObject({ registered: 7, sat: 6, graded: 5, averageTotal: 50.4, passed: 3 });
    expect(d.overall.passRate).toBeCloseTo(0.6, 12);
    // Bins of 10 points: 16 → [10, 20); 40 → [40, 50); 50 and 56 → [50, 60); 90 → [90, 100].
    expect(d.distribution.filter((b) => b.count > 0).map((b) => [b.from, b.count])).toEqual([
      [10, 1],
      [40, 1],
      [50, 2],
      [90, 1],
    ]);
    // Levels: sở 1 of 2 pass; xã 2 of 3 pass (50, 56 of 50, 56, 16).
    expect(d.levels.map((l) => [l.level, l.passed, l.graded])).toEqual([
      ['so', 1, 2],
      ['xa', 2, 3],
    ]);
    // Sections: theory (54 + 24 + 30 + 48 + 12) / 5 = 168 / 5 = 33.6; practice (36 + 16 + 20 + 8 + 4) / 5 = 16.8.
    expect(d.sections.map((s) => [s.code, s.max, s.average])).toEqual([
      ['theory', 60, 33.6],
      ['practice', 40, 16.8],
    ]);
    // History: 2025 then 2026; the sở averaged 70 last year and 65 now; the xã units had no 2025 result.
    expect(d.history.years.map((y) => y.year)).toEqual([2025]);
    const s1 = d.history.units.find((u) => u.unitName === 'Sở Thông tin và Truyền thông')!;
    expect(s1.averages).toEqual([70, 65]);
    expect(d.history.units.find((u) => u.unitName === 'Xã Thới Lai')!.averages).toEqual([null, 53]);
  });
});
