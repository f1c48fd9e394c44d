import type { TImportResult } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import { planUnitImport, type RawUnitRow } from '../../core/units/plan-import';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { auditLog, units } from '../db/schema';

const CHUNK = 500;

/**
 * Imports units all-or-nothing: every row is checked first; one bad row rejects the file and
 * lists every bad row. A dry run only checks and returns the preview.
 */
export async function importUnits(
  db: Db,
  actor: Actor,
  rows: RawUnitRow[],
  dryRun: boolean,
): Promise<TImportResult> {
  const existing = await db.select({ code: units.code, level: units.level, id: units.id }).from(units);
  const plan = planUnitImport(rows, existing);
  if (!plan.ok) {
    const n = plan.errors.length;
    throw new AppError(
      'import_invalid',
      `Có ${n} dòng lỗi; không dòng nào được nhập. Sửa các dòng dưới đây rồi nhập lại.`,
      plan.errors,
    );
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
  // Parents (quận, huyện) in a wave of their own, before the communes, so that communes in the same
  // file can point at them: a parent's id is only known once its row is inserted.
  const waves = [plan.units.filter((u) => u.level !== 'xa'), plan.units.filter((u) => u.level === 'xa')];
  await db.transaction(async (tx) => {
    for (const wave of waves) {
      for (let i = 0; i < wave.length; i += CHUNK) {
        const chunk = wave.slice(i, i + CHUNK).map((u) => ({
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
        // RETURNING order is not guaranteed by SQL: pair each audit row with its unit by code.
        const valuesByCode = new Map(chunk.map((c) => [c.code, c]));
        await tx.insert(auditLog).values(
          inserted.map((r) => ({
            actorId: actor.id,
            actorUsername: actor.username,
            action: 'import',
            entity: 'unit',
            entityId: r.id,
            after: valuesByCode.get(r.code),
            ip: actor.ip,
          })),
        );
      }
    }
  });
  return { dryRun, total: plan.units.length, imported: plan.units.length, preview };
}
