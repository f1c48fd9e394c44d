import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEntrySave, TSnapshotData } from '../../contracts/cycles';
import { sampleInputs } from '../../core/cycle/sample-inputs';
import { seededRandom } from '../../core/exam/random';
import type { FrameworkNode } from '../../core/framework/model';
import type { Actor } from '../audit';
import { cycleEntries, cycleEvidence, cycleUnits } from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { confirmUnits } from './council';
import { loadCycle } from './cycle-context';
import { addEvidence } from './evidence';
import { resubmitEntries, setExplanation } from './explain-entry';
import { publishCycle } from './publish-cycle';
import { reviewEntries } from './review-entry';
import { saveEntry } from './save-entry';
import { createScaleCycle, evidenceOf, type ScaleCycle, writeDraftsInBulk } from './scale-cycle';
import { submitUnit } from './submit-unit';

const UNITS = 120;
/** Units that fill in through the form's operations; the rest are written in bulk. */
const TYPED = 12;

describe.each(dbKinds())('a cycle of 120 units × 60 indicators through its whole review (%s)', (kind) => {
  let database: TestDatabase;
  let cycle: ScaleCycle;
  let cycleId: string;
  let unitIds: string[];
  let leaves: FrameworkNode[];
  let actors: ScaleCycle['actors'];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    cycle = await createScaleCycle(database.db, UNITS);
    ({ cycleId, unitIds, leaves, actors } = cycle);
  }, 120_000);
  afterAll(() => database.close());

  it('every unit fills in and evidences 60 indicators, then submits', async () => {
    const db = database.db;
    const ctx = await loadCycle(db, cycleId);
    const random = seededRandom('quy-mo');
    const started = Date.now();
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
        await writeDraftsInBulk(db, cycle, i, random);
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
      actors.reviewer,
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
    await reviewEntries(db, actors.reviewer, ctx, others, new Date());
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
      actors.reviewer,
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
    expect(await confirmUnits(db, actors.council, ctx, unitIds, new Date())).toBe(UNITS);
    const info = await publishCycle(db, actors.organiser, ctx, '', new Date());
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
