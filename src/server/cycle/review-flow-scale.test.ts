import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEntrySave, TSnapshotData } from '../../contracts/cycles';
import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import { sampleInputs } from '../../core/cycle/sample-inputs';
import { seededRandom } from '../../core/exam/random';
import type { Framework, FrameworkNode, Rule } from '../../core/framework/model';
import { leafNodes } from '../../core/framework/tree';
import type { Actor } from '../audit';
import { cycleEntries, cycleEvidence, cycleUnits, units, users } from '../db/schema';
import { insertVersion } from '../framework/create-version';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { confirmUnits } from './council';
import { createCycle } from './create-cycle';
import { loadCycle } from './cycle-context';
import { addEvidence } from './evidence';
import { resubmitEntries, setExplanation } from './explain-entry';
import { publishCycle } from './publish-cycle';
import { reviewEntries } from './review-entry';
import { setReviewers } from './reviewers';
import { saveEntry } from './save-entry';
import { submitUnit } from './submit-unit';
import { openWindows } from './testing';

const UNITS = 120;
/** Units that fill in through the form's operations; the rest are written in bulk. */
const TYPED = 12;
const RULES: Rule[] = [
  { type: 'ratio', whenDenominatorZero: 'zero' },
  { type: 'yes_no' },
  { type: 'count', cap: 5 },
  {
    type: 'option',
    options: [
      { code: 'a', label: 'Đầy đủ', fraction: 1 },
      { code: 'b', label: 'Một phần', fraction: 0.5 },
      { code: 'c', label: 'Chưa có' },
    ],
  },
  { type: 'linear', worst: 0, best: 100 },
];

/** 3 pillars × 4 main indices × 5 leaves = 60 indicators of 5 points, every one needing evidence. */
function sixtyIndicators(): Framework {
  const pillar = (p: number): FrameworkNode => ({
    code: `${p}`,
    kind: 'pillar',
    name: `Trụ cột ${p}`,
    maxPoints: 100,
    children: [1, 2, 3, 4].map((m) => ({
      code: `${p}.${m}`,
      kind: 'main' as const,
      name: `Chỉ số chính ${p}.${m}`,
      maxPoints: 25,
      children: [1, 2, 3, 4, 5].map((l) => ({
        code: `${p}.${m}.${l}`,
        kind: 'component' as const,
        name: `Chỉ số thành phần ${p}.${m}.${l}`,
        maxPoints: 5,
        evidence: 'Văn bản, báo cáo chứng minh',
        rule: RULES[(m + l) % RULES.length]!,
      })),
    })),
  });
  return {
    formatVersion: 1,
    code: 'quy-mo-xa',
    name: 'Bộ chỉ số 60 chỉ số',
    year: 2025,
    level: 'xa',
    nominalMax: 300,
    illustrative: true,
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [],
    },
    nodes: [1, 2, 3].map(pillar),
  };
}

describe.each(dbKinds())('a cycle of 120 units × 60 indicators through its whole review (%s)', (kind) => {
  let database: TestDatabase;
  const f = sixtyIndicators();
  const leaves = leafNodes(f.nodes);
  let cycleId: string;
  let unitIds: string[];
  const actors: Record<string, Actor & { role: 'organiser' | 'reviewer' | 'council' }> = {};

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    const frameworkId = await insertVersion(db, { id: null, username: 't', ip: null }, f, { action: 'test' });
    const rows = await db
      .insert(units)
      .values(
        Array.from({ length: UNITS }, (_, i) => ({
          code: `QM-${String(i).padStart(3, '0')}`,
          name: `Xã Quy Mô ${i}`,
          level: 'xa' as const,
          kind: 'xã',
          validFrom: '2025-07-01',
        })),
      )
      .returning({ id: units.id });
    unitIds = rows.map((r) => r.id);
    for (const role of ['organiser', 'reviewer', 'council'] as const) {
      const [u] = await db
        .insert(users)
        .values({ username: `qm-${role}`, fullName: role, role, passwordHash: 'x' })
        .returning({ id: users.id });
      actors[role] = { id: u!.id, username: `qm-${role}`, ip: null, role };
    }
    cycleId = await createCycle(db, actors.organiser!, {
      year: 2025,
      name: 'Quy mô',
      windows: openWindows(),
      frameworks: { xa: frameworkId },
    });
    // One reviewer per pillar, across every unit.
    await setReviewers(
      db,
      actors.organiser!,
      cycleId,
      ['1', '2', '3'].map((pillarCode) => ({ userId: actors.reviewer!.id!, unitId: null, pillarCode })),
    );
  }, 120_000);
  afterAll(() => database.close());

  it('every unit fills in and evidences 60 indicators, then submits', async () => {
    const db = database.db;
    const ctx = await loadCycle(db, cycleId);
    const random = seededRandom('quy-mo');
    const started = Date.now();
    const evidenceOf = (i: number, code: string) => ({
      docNumber: `${i}/BC`,
      docDate: '2025-12-01',
      summary: 'Báo cáo kết quả',
      url: `https://example.gov.vn/${i}/${code}`,
    });
    for (const [i, unitId] of unitIds.entries()) {
      const reporter: Actor = { id: null, username: `bc-${i}`, ip: null };
      if (i < TYPED) {
        // These units work through the form's own operations, one save and one evidence at a time.
        for (const leaf of leaves) {
          const inputs = sampleInputs(leaf, random);
          await saveEntry(db, reporter, ctx, unitId, leaf.code, { inputs } as TEntrySave, new Date());
          await addEvidence(db, reporter, ctx, unitId, leaf.code, evidenceOf(i, leaf.code), null, new Date());
        }
      } else {
        // The others' drafts are written in bulk (as the form would leave them), to keep the test short.
        await db.insert(cycleEntries).values(
          leaves.map((leaf) => {
            const inputs = sampleInputs(leaf, random);
            const self = selfOutcome(leaf, f.policy, { inputs, notApplicable: null, central: null });
            return { cycleId, unitId, code: leaf.code, inputs, selfPoints: outcomePoints(self) };
          }),
        );
        await db
          .insert(cycleEvidence)
          .values(leaves.map((leaf) => ({ cycleId, unitId, code: leaf.code, ...evidenceOf(i, leaf.code) })));
      }
      await submitUnit(db, reporter, ctx, unitId, new Date());
    }
    const [counts] = await db
      .select({
        entries: sql<number>`count(*)::int`,
        pending: sql<number>`count(*) filter (where review = 'pending')::int`,
      })
      .from(cycleEntries)
      .where(eq(cycleEntries.cycleId, cycleId));
    expect(counts).toEqual({ entries: UNITS * 60, pending: UNITS * 60 });
    const [evidence] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cycleEvidence)
      .where(eq(cycleEvidence.cycleId, cycleId));
    expect(Number(evidence!.n)).toBe(UNITS * 60);
    console.info(
      `${kind}: ${TYPED * 60} saves and evidence typed, ${UNITS} submissions in ${Date.now() - started} ms`,
    );
  }, 600_000);

  it('reviewers return one indicator per unit, units explain and resubmit, the rest is agreed in bulk', async () => {
    const db = database.db;
    const ctx = await loadCycle(db, cycleId);
    const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const requested = leaves[7]!.code;
    await reviewEntries(
      db,
      actors.reviewer!,
      ctx,
      unitIds.map((unitId) => ({
        unitId,
        code: requested,
        action: { action: 'request', comment: 'Bổ sung văn bản', deadline },
      })),
      new Date(),
    );
    const others = unitIds.flatMap((unitId) =>
      leaves
        .filter((l) => l.code !== requested)
        .map((l) => ({ unitId, code: l.code, action: { action: 'agree' as const } })),
    );
    await reviewEntries(db, actors.reviewer!, ctx, others, new Date());
    const returned = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.state, 'returned')));
    expect(Number(returned[0]!.n)).toBe(UNITS);

    for (const unitId of unitIds) {
      await setExplanation(
        db,
        { id: null, username: 'bc', ip: null },
        ctx,
        unitId,
        requested,
        'Đã bổ sung văn bản',
        new Date(),
      );
      await resubmitEntries(db, { id: null, username: 'bc', ip: null }, ctx, unitId, [requested], new Date());
    }
    // Half the units get an adjusted score, half an agreement.
    await reviewEntries(
      db,
      actors.reviewer!,
      ctx,
      unitIds.map((unitId, i) => ({
        unitId,
        code: requested,
        action: i % 2 ? { action: 'agree' } : { action: 'adjust', points: 1, reason: 'Minh chứng chưa đủ' },
      })),
      new Date(),
    );
    const states = await db
      .select({ state: cycleUnits.state })
      .from(cycleUnits)
      .where(eq(cycleUnits.cycleId, cycleId));
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['reviewed']));
  }, 600_000);

  it('the council confirms every unit and the published ranking holds 120 units with three scores', async () => {
    const db = database.db;
    const ctx = await loadCycle(db, cycleId);
    expect(await confirmUnits(db, actors.council!, ctx, unitIds, new Date())).toBe(UNITS);
    const info = await publishCycle(db, actors.organiser!, ctx, '', new Date());
    expect(info.version).toBe(1);
    const [snap] = await db
      .execute(sql`select data from cycle_snapshots where cycle_id = ${cycleId}`)
      .then((r) => (r as unknown as { rows: { data: TSnapshotData }[] }).rows);
    const data = (typeof snap!.data === 'string' ? JSON.parse(snap!.data) : snap!.data) as TSnapshotData;
    expect(data.units).toHaveLength(UNITS);
    // Ranks are competition ranks over final values: 1 is first and no rank exceeds the unit count.
    expect(Math.min(...data.units.map((u) => u.rank!))).toBe(1);
    for (const u of data.units) {
      expect(u.final.max).toBe(300);
      // Appraised = self, except the requested indicator adjusted to 1 point in even units.
      expect(u.appraised.points).toBeLessThanOrEqual(u.self.points);
      expect(u.final.points).toBe(u.appraised.points);
    }
    const adjusted = data.units.filter((u) => u.appraised.points < u.self.points);
    expect(adjusted.length).toBeGreaterThan(0);
    expect(adjusted.length).toBeLessThanOrEqual(UNITS / 2);
  }, 600_000);
});
