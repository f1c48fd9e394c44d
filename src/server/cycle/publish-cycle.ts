import { and, desc, eq, sql } from 'drizzle-orm';
import type { TSnapshot, TSnapshotData, TSnapshotUnit } from '../../contracts/cycles';
import { bandFor } from '../../core/scoring/bands';
import { rankUnits } from '../../core/scoring/rank';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleSnapshots, cycles, cycleUnits, users } from '../db/schema';
import { snapshotDetails, storeSnapshotDetails } from '../results/snapshot-details';
import { assertAnyWindowOpen, type CycleContext, frameworkOf } from './cycle-context';
import { scoreCycle } from './cycle-scores';
import { pointsSet } from './unit-scores';

const triple = (s: { points: number; max: number; value: number | null }) => ({
  points: s.points,
  max: s.max,
  value: s.value,
});

/** The published table: every unit's three totals, its final rank and band, and its pillars. */
export async function snapshotData(db: Db, ctx: CycleContext): Promise<TSnapshotData> {
  const scores = await scoreCycle(db, ctx);
  const out: TSnapshotUnit[] = [];
  for (const level of ctx.frameworks.keys()) {
    const f = frameworkOf(ctx, level);
    const list = scores.filter((s) => s.level === level);
    const ranks = rankUnits(
      list.map((s) => s.final),
      pointsSet(f),
      { kinds: ['pillar'] },
    );
    list.forEach((s, i) => {
      const r = ranks[i]!;
      out.push({
        unitId: s.unitId,
        code: s.code,
        name: s.name,
        level: s.level,
        groupNo: s.groupNo,
        self: triple(s.self.total),
        appraised: triple(s.appraised.total),
        final: { ...triple(s.final.total), scaled: s.final.total.scaled ?? null },
        rank: r.total.rank,
        rankOf: r.total.of,
        band: bandFor(s.final.total.value, f.policy.bands)?.label ?? null,
        pillars: f.nodes
          .filter((n) => s.final.nodes[n.code])
          .map((n) => ({
            code: n.code,
            name: n.name,
            points: s.final.nodes[n.code]!.points,
            max: s.final.nodes[n.code]!.max,
            rank: r.nodes[n.code]?.rank ?? null,
          })),
      });
    });
  }
  out.sort(
    (a, b) =>
      a.level.localeCompare(b.level) ||
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  return { units: out };
}

/**
 * Publishes the cycle's results as an immutable snapshot: the first time once every unit is approved by
 * the council, during the publication window; later calls are corrections (đính chính) that need a reason
 * and add a new version, earlier versions staying readable.
 */
export async function publishCycle(db: Db, actor: Actor, ctx: CycleContext, reason: string, now: Date) {
  const [last] = await db
    .select({ version: cycleSnapshots.version })
    .from(cycleSnapshots)
    .where(eq(cycleSnapshots.cycleId, ctx.id))
    .orderBy(desc(cycleSnapshots.version))
    .limit(1);
  const version = (last?.version ?? 0) + 1;
  if (last && reason.trim().length < 3) {
    throw new AppError('validation_failed', 'Đính chính kết quả đã công bố cần ghi rõ lý do', [
      { path: 'reason', message: 'Nhập lý do đính chính' },
    ]);
  }
  if (!last) assertAnyWindowOpen(ctx, '', ['publication'], now);
  const pending = await db
    .select({ unitId: cycleUnits.unitId })
    .from(cycleUnits)
    .where(and(eq(cycleUnits.cycleId, ctx.id), sql`${cycleUnits.state} not in ('approved', 'published')`));
  if (pending.length > 0) {
    throw new AppError('cycle_state', `Còn ${pending.length} đơn vị chưa được hội đồng phê duyệt`, pending);
  }
  const data = await snapshotData(db, ctx);
  const details = await snapshotDetails(db, ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycleSnapshots)
      .values({
        cycleId: ctx.id,
        version,
        reason: reason.trim() || 'Công bố kết quả',
        data,
        publishedBy: actor.id,
        publishedAt: now,
      })
      .returning();
    await storeSnapshotDetails(tx, row!.id, details);
    await tx
      .update(cycleUnits)
      .set({ state: 'published', updatedAt: now })
      .where(eq(cycleUnits.cycleId, ctx.id));
    await recordAudit(tx, actor, {
      action: version === 1 ? 'publish' : 'correct',
      entity: 'cycle',
      entityId: ctx.id,
      after: { version, reason },
    });
    return {
      version: row!.version,
      reason: row!.reason,
      publishedAt: row!.publishedAt.toISOString(),
      publishedBy: actor.username,
    };
  });
}

export async function listSnapshots(db: Db, cycleId: string) {
  const rows = await db
    .select({
      version: cycleSnapshots.version,
      reason: cycleSnapshots.reason,
      publishedAt: cycleSnapshots.publishedAt,
      publishedBy: users.fullName,
    })
    .from(cycleSnapshots)
    .leftJoin(users, eq(users.id, cycleSnapshots.publishedBy))
    .where(eq(cycleSnapshots.cycleId, cycleId))
    .orderBy(desc(cycleSnapshots.version));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() }));
}

export async function getSnapshot(db: Db, cycleId: string, version: number): Promise<TSnapshot> {
  const [row] = await db
    .select({
      version: cycleSnapshots.version,
      reason: cycleSnapshots.reason,
      publishedAt: cycleSnapshots.publishedAt,
      publishedBy: users.fullName,
      data: cycleSnapshots.data,
      cycleName: cycles.name,
      year: cycles.year,
    })
    .from(cycleSnapshots)
    .innerJoin(cycles, eq(cycles.id, cycleSnapshots.cycleId))
    .leftJoin(users, eq(users.id, cycleSnapshots.publishedBy))
    .where(and(eq(cycleSnapshots.cycleId, cycleId), eq(cycleSnapshots.version, version)));
  if (!row) throw new AppError('not_found', `Không có bản công bố phiên bản ${version}`);
  return { ...row, cycleId, publishedAt: row.publishedAt.toISOString(), data: row.data as TSnapshotData };
}
