import { eq } from 'drizzle-orm';
import type { TUnit, TUnitInput, TUnitPatch } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import type { UnitInput } from '../../core/units/unit';
import { normaliseUnit, validateUnit } from '../../core/units/validate-unit';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { units } from '../db/schema';
import { getUnit } from './units-repo';

/** Checks a unit against the registry (parent, code) and returns the normalised values to store. */
export async function checkUnit(db: Db, input: TUnitInput, selfId?: string) {
  let parentCode: string | null = null;
  if (input.parentId) {
    const [p] = await db
      .select({ code: units.code, level: units.level })
      .from(units)
      .where(eq(units.id, input.parentId));
    if (!p)
      throw new AppError('validation_failed', 'Không tìm thấy đơn vị cấp trên', [
        { path: 'parentId', message: 'Không tìm thấy đơn vị cấp trên' },
      ]);
    if (p.level !== 'huyen') {
      throw new AppError('validation_failed', 'Đơn vị cấp trên phải là quận, huyện', [
        { path: 'parentId', message: 'Đơn vị cấp trên phải là quận, huyện' },
      ]);
    }
    parentCode = p.code;
  }
  const unit: UnitInput = normaliseUnit({ ...input, parentCode });
  const problems = validateUnit(unit);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: p.field === 'parentCode' ? 'parentId' : p.field, message: p.message })),
    );
  }
  const [clash] = await db.select({ id: units.id }).from(units).where(eq(units.code, unit.code));
  if (clash && clash.id !== selfId) {
    throw new AppError('unit_code_taken', `Mã đơn vị ${unit.code} đã được dùng`, [
      { path: 'code', message: 'Mã đã được dùng' },
    ]);
  }
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    kind: unit.kind,
    groupNo: unit.groupNo,
    parentId: input.parentId,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    note: unit.note,
  };
}

export async function createUnit(db: Db, actor: Actor, input: TUnitInput): Promise<TUnit> {
  const values = await checkUnit(db, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(units).values(values).returning({ id: units.id });
    await recordAudit(tx, actor, { action: 'create', entity: 'unit', entityId: row!.id, after: values });
    return row!.id;
  });
  return getUnit(db, id);
}

export async function updateUnit(db: Db, actor: Actor, id: string, patch: TUnitPatch): Promise<TUnit> {
  const before = await getUnit(db, id);
  const merged: TUnitInput = {
    code: before.code,
    name: before.name,
    level: before.level,
    kind: before.kind,
    groupNo: before.groupNo,
    parentId: before.parentId,
    validFrom: before.validFrom,
    validTo: before.validTo,
    note: before.note,
    ...patch,
  };
  const values = await checkUnit(db, merged, id);
  await db.transaction(async (tx) => {
    await tx
      .update(units)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(units.id, id));
    await recordAudit(tx, actor, { action: 'update', entity: 'unit', entityId: id, before, after: values });
  });
  return getUnit(db, id);
}

export async function retireUnit(
  db: Db,
  actor: Actor,
  id: string,
  validTo: string,
  note?: string,
): Promise<TUnit> {
  const before = await getUnit(db, id);
  if (validTo < before.validFrom)
    throw new AppError('validation_failed', 'Ngày hết hiệu lực phải sau ngày hiệu lực');
  await db.transaction(async (tx) => {
    await tx
      .update(units)
      .set({ validTo, note: note ?? before.note, updatedAt: new Date() })
      .where(eq(units.id, id));
    await recordAudit(tx, actor, {
      action: 'retire',
      entity: 'unit',
      entityId: id,
      before,
      after: { validTo, note },
    });
  });
  return getUnit(db, id);
}
