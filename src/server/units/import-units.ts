import type { TImportResult } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import { planUnitImport, type RawUnitRow } from '../../core/units/plan-import';
import { type Actor } from '../audit';
import type { Db } from '../db/client';
import { auditLog, units } from '../db/schema';

const CHUNK = 500;

/**
 * Imports units all-or-nothing: every row is checked first; one bad row rejects the file and
 * lists every bad row. A dry run only checks and returns the preview.
 */
export async function importUnits(db: Db, actor: Actor, rows: RawUnitRow[], dryRun: boolean): Promise<TImportResult> {
  const existing = await db.select({ code: units.code, level: units.level, id: units.id }).from(units);
  const plan = planUnitImport(rows, existing);
  if (!plan.ok) {
    const n = plan.errors.length;
    throw new AppError('import_invalid', `Có ${n} dòng lỗi; không dòng nào được nhập. Sửa các dòng dưới đây rồi nhập lại.`, plan.errors);
  }
  const preview = plan.units.map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level,
    kind: u.kind,
    groupNo: u.groupNo,
    parentCode: u.parentCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
  }));
  if (dryRun) return { dryRun, total: plan.units.length, imported: 0, preview };

  const idByCode = new Map(existing.map((u) => [u.code, u.id]));
  // Parents (quận, huyện) first so that communes in the same file can point at them.
  const ordered = [...plan.units].sort((a, b) => Number(a.level === 'xa') - Number(b.level === 'xa'));
  await db.transaction(async (tx) => {
    for (let i = 0; i < ordered.length; i += CHUNK) {
      const chunk = ordered.slice(i, i + CHUNK).map((u) => ({
        code: u.code,
        name: u.name,
        level: u.level,
        kind: u.kind,
        groupNo: u.groupNo,
        parentId: u.parentCode ? (idByCode.get(u.parentCode) ?? null) : null,
        validFrom: u.validFrom,
        validTo: u.validTo,
        note: u.note,
      }));
      const inserted = await tx.insert(units).values(chunk).returning({ id: units.id, code: units.code });
      for (const r of inserted) idByCode.set(r.code, r.id);
      await tx.insert(auditLog).values(
        inserted.map((r, k) => ({
          actorId: actor.id,
          actorUsername: actor.username,
          action: 'import',
          entity: 'unit',
          entityId: r.id,
          after: chunk[k],
          ip: actor.ip,
        })),
      );
    }
  });
  return { dryRun, total: plan.units.length, imported: plan.units.length, preview };
}
