import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFramework } from '../../core/scoring/test-fixtures';
import type { UnitData } from '../../core/scoring/types';
import { scoreResults, scoreRuns } from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { recomputeRun } from './recompute-run';
import { createRun, loadInputs, loadResults, storeInputs } from './score-store';

const full = (unitId: string, group: number, yes: boolean): UnitData => ({
  unitId,
  level: 'so',
  group,
  inputs: {
    '1.1.1': { yes },
    '1.1.2': { value: 4 },
    '1.1.3': { points: 10 },
    '1.2.1': { a: 1, b: 1 },
    '1.2.2': { a: 1, b: 1 },
    '2.1.1': { value: 90 },
    '2.1.2': { value: 100 },
  },
});

describe.each(dbKinds())('tính lại toàn bộ một lượt chấm điểm (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('đọc số liệu từ bảng, chấm, xếp hạng, xếp loại và lưu kết quả; tính lại thay thế kết quả cũ', async () => {
    const db = database.db;
    const framework = sampleFramework({
      bands: [
        { code: 'tot', label: 'Tốt', minValue: 0.8 },
        { code: 'yeu', label: 'Yếu', minValue: 0 },
      ],
    });
    const units = [full('B', 1, false), full('A', 1, true), full('C', 2, true)];
    units[1]!.inputs['9.9'] = { yes: true };
    const runId = await createRun(db, 'Thử nghiệm');
    await storeInputs(db, runId, units);
    const loaded = await loadInputs(db, runId);
    expect(loaded.map((u) => u.unitId)).toEqual(['A', 'B', 'C']);
    expect(loaded[0]!.inputs['1.1.1']).toEqual({ yes: true });

    const timings = await recomputeRun(db, runId, framework);
    expect(timings.units).toBe(3);
    await recomputeRun(db, runId, framework);
    const rows = await db
      .select()
      .from(scoreResults)
      .where(eq(scoreResults.runId, runId))
      .orderBy(scoreResults.unitKey);
    expect(rows).toHaveLength(3);
    const [a, b, c] = await loadResults(db, runId);
    expect(a).toMatchObject({ points: 100, maxPoints: 100, value: 1, rank: 1, rankOf: 2, band: 'tot' });
    expect(b).toMatchObject({ points: 90, rank: 2, rankOf: 2, band: 'tot' });
    expect(c).toMatchObject({
      points: 70,
      maxPoints: 70,
      scaled: 100,
      rank: 1,
      rankOf: 1,
      partition: 'so|2',
    });
    expect(b!.nodes['1.1']).toEqual([20, 30]);
    expect(b!.ranks['1.1']).toBe(2);
    expect(c!.nodes['2']).toBeUndefined();
    expect(a!.issues).toEqual([
      { code: '9.9', kind: 'unknown_code', message: 'Mã chỉ số 9.9 không có trong bộ chỉ số' },
    ]);
    const [run] = await db.select().from(scoreRuns).where(eq(scoreRuns.id, runId));
    expect(run).toMatchObject({ status: 'scored', unitCount: 3 });
    expect(run!.scoredAt).toBeInstanceOf(Date);
  });
});
