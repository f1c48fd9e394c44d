import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePairs } from '../../core/scoring/compact';
import { scoreRun, type UnitResult } from '../../core/scoring/score-run';
import { sampleFramework } from '../../core/scoring/test-fixtures';
import type { UnitData } from '../../core/scoring/types';
import { scoreResults, scoreRuns } from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import {
  createRun,
  loadInputs,
  loadResults,
  type StoredResult,
  storeInputs,
  storeResults,
} from './score-store';

/** Text that an array literal or JSON must escape: quotes, backslash, braces, commas, NULL, accents. */
const AWKWARD = 'Chưa có "hệ thống" \\ {a,b} NULL, ; \' – đủ';

/** Units of both groups: N/A declarations, a ratio that leaves the set, fractions, an invalid input. */
function units(): UnitData[] {
  const list: UnitData[] = [];
  for (let i = 0; i < 40; i++) {
    const group = (i % 2) + 1;
    const inputs: UnitData['inputs'] = {
      '1.1.1': { yes: i % 3 !== 0 },
      '1.1.2': { value: i % 6 },
      '1.1.3': i % 5 === 0 ? { notApplicable: true, reason: AWKWARD } : { points: (i % 11) + 0.25 },
      '1.2.1': { a: i % 7, b: 7 },
      '1.2.2': { a: i % 3, b: i % 4 },
      '2.1.1': { value: (i * 13) % 101 },
      '2.1.2': { value: (i * 7) % 100 },
    };
    if (i === 7) inputs['1.1.2'] = { value: 'nhiều' } as unknown as UnitData['inputs'][string];
    if (i === 9) delete inputs['1.2.1'];
    const special: Record<number, string> = { 3: `"DV,{3}" ${AWKWARD}`, 4: 'NULL', 5: '' };
    list.push({
      unitId: special[i] ?? `DV${String(i).padStart(3, '0')}`,
      level: 'so',
      group,
      inputs,
    });
  }
  return list;
}

/** What a stored result must read back as, built from the scoring output, not from the store. */
function expected(r: UnitResult): StoredResult {
  const t = r.score.total;
  const ranks: Record<string, number | null> = {};
  for (const [code, rank] of Object.entries(r.nodeRanks)) ranks[code] = rank.rank;
  return {
    unitKey: r.score.unitId,
    points: t.points,
    maxPoints: t.max,
    value: t.value,
    scaled: t.scaled ?? null,
    rank: r.rank.rank,
    rankOf: r.rank.of,
    partition: r.rank.partition,
    band: r.band?.code ?? null,
    nodes: nodePairs(r.score),
    ranks,
    issues: r.score.issues,
  };
}

const byKey = <T extends { unitKey: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.unitKey < b.unitKey ? -1 : a.unitKey > b.unitKey ? 1 : 0));

describe.each(dbKinds())('lưu và đọc lại số liệu, kết quả chấm điểm (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const framework = sampleFramework({
    bands: [
      { code: 'tot', label: 'Tốt', minValue: 0.8 },
      { code: 'yeu', label: 'Yếu', minValue: 0 },
    ],
  });

  it('số liệu đọc lại đúng như đã lưu, kể cả ký tự cần thoát', async () => {
    const db = database.db;
    const data = units();
    const runId = await createRun(db, 'Khứ hồi số liệu');
    await storeInputs(db, runId, data);
    const loaded = await loadInputs(db, runId);
    const sorted = [...data].sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
    expect(loaded).toEqual(sorted);
    const [run] = await db.select().from(scoreRuns).where(eq(scoreRuns.id, runId));
    expect(run!.unitCount).toBe(data.length);
  });

  it('kết quả đọc lại bằng đúng kết quả đã chấm (điểm từng chỉ số, thứ hạng, xếp loại, lỗi)', async () => {
    const db = database.db;
    const results = scoreRun(framework, units());
    // the data covers every case the layout must carry
    expect(results.some((r) => r.score.issues.length > 0)).toBe(true);
    expect(results.some((r) => Object.values(nodePairs(r.score)).some(([, max]) => max === 0))).toBe(true);
    expect(results.some((r) => r.score.total.points % 1 !== 0)).toBe(true);
    expect(new Set(results.map((r) => r.score.group))).toEqual(new Set([1, 2]));

    const runId = await createRun(db, 'Khứ hồi kết quả');
    await storeResults(db, runId, results, 12);
    const stored = await loadResults(db, runId);
    expect(stored).toEqual(byKey(results.map(expected)));
    // a node that does not apply to group 2 is not carried at all
    const group2 = stored.find((r) => r.partition.startsWith('so|2'))!;
    expect(group2.nodes['2']).toBeUndefined();
    expect(group2.ranks['2']).toBeNull();
  });

  it('kết quả dựng sẵn (không qua bộ chấm) cũng đọc lại như cũ; lưu lại thay thế toàn bộ', async () => {
    const db = database.db;
    const results = scoreRun(framework, units());
    const plain: UnitResult[] = results.map((r) => ({ ...r, score: JSON.parse(JSON.stringify(r.score)) }));
    const runId = await createRun(db, 'Khứ hồi kết quả dựng sẵn');
    await storeResults(db, runId, results.slice(0, 5), 1);
    await storeResults(db, runId, plain, 1);
    expect(await loadResults(db, runId)).toEqual(byKey(results.map(expected)));
    const rows = await db.select().from(scoreResults).where(eq(scoreResults.runId, runId));
    expect(rows).toHaveLength(results.length);
  });

  it('một lô lỗi không để lại kết quả nửa cũ nửa mới', async () => {
    const db = database.db;
    const results = scoreRun(framework, units());
    const runId = await createRun(db, 'Lô lỗi');
    await storeResults(db, runId, results, 1);
    const before = await loadResults(db, runId);
    // two rows for the same unit break the primary key after the old rows were deleted
    const broken = [...results, { ...results[1]!, score: results[0]!.score }];
    await expect(storeResults(db, runId, broken, 1)).rejects.toThrow();
    expect(await loadResults(db, runId)).toEqual(before);
  });
});
