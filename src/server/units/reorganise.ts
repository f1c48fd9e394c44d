import { eq, inArray } from 'drizzle-orm';
import type { TMergeRequest, TSplitRequest, TUnit, TUnitDetail } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import { planMerge, planSplit, type ReorganisationPlan, type UnitRef } from '../../core/units/plan-merge';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { unitLinks, units } from '../db/schema';
import { checkUnit } from './save-unit';
import { getUnit, getUnitDetail } from './units-repo';

async function loadRefs(db: Db, ids: string[]): Promise<UnitRef[]> {
  const rows = await db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      level: units.level,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(inArray(units.id, ids));
  if (rows.length !== new Set(ids).size)
    throw new AppError('unit_not_found', 'Không tìm thấy một trong các đơn vị đã chọn');
  return rows;
}

type NewUnit = Awaited<ReturnType<typeof checkUnit>>;

async function apply(
  db: Db,
  actor: Actor,
  action: string,
  plan: ReorganisationPlan,
  created: NewUnit[],
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const idByCode = new Map<string, string>();
    for (const values of created) {
      const [row] = await tx.insert(units).values(values).returning({ id: units.id });
      idByCode.set(values.code, row!.id);
      await recordAudit(tx, actor, { action: 'create', entity: 'unit', entityId: row!.id, after: values });
    }
    for (const r of plan.retire) {
      await tx.update(units).set({ validTo: r.validTo, updatedAt: new Date() }).where(eq(units.id, r.id));
      await recordAudit(tx, actor, {
        action: 'retire',
        entity: 'unit',
        entityId: r.id,
        after: { validTo: r.validTo },
      });
    }
    for (const l of plan.links) {
      const successorId = idByCode.get(l.successorCode)!;
      await tx.insert(unitLinks).values({
        predecessorId: l.predecessorId,
        successorId,
        kind: l.kind,
        effectiveDate: l.effectiveDate,
      });
    }
    await recordAudit(tx, actor, { action, entity: 'unit', entityId: null, after: plan });
    return [...idByCode.values()];
  });
}

/** Merges units into a new one that starts on the effective date; the old ones end the day before. */
export async function mergeUnits(db: Db, actor: Actor, req: TMergeRequest): Promise<TUnitDetail> {
  const sources = await loadRefs(db, req.predecessorIds);
  const successor = await checkUnit(db, { ...req.successor, validFrom: req.effectiveDate, validTo: null });
  if (successor.level !== sources[0]!.level)
    throw new AppError('validation_failed', 'Đơn vị mới phải cùng cấp với các đơn vị sáp nhập');
  const plan = planMerge(sources, successor.code, req.effectiveDate);
  const [id] = await apply(db, actor, 'merge', plan, [successor]);
  return getUnitDetail(db, id!);
}

/** Splits a unit into several new ones that start on the effective date. */
export async function splitUnit(db: Db, actor: Actor, id: string, req: TSplitRequest): Promise<TUnit[]> {
  const [source] = await loadRefs(db, [id]);
  const created: NewUnit[] = [];
  for (const s of req.successors) {
    const values = await checkUnit(db, { ...s, validFrom: req.effectiveDate, validTo: null });
    if (values.level !== source!.level)
      throw new AppError('validation_failed', 'Đơn vị mới phải cùng cấp với đơn vị bị chia tách');
    created.push(values);
  }
  const plan = planSplit(
    source!,
    created.map((c) => c.code),
    req.effectiveDate,
  );
  const ids = await apply(db, actor, 'split', plan, created);
  return Promise.all(ids.map((i) => getUnit(db, i)));
}
