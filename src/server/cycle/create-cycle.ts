import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { TCreateCycle } from '../../contracts/cycles';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { cycleFrameworks, cycles, cycleUnits, frameworkVersions, units } from '../db/schema';
import { lockFrameworkVersion } from '../framework/lock-version';
import type { UnitLevel } from './cycle-context';
import { storeWindows } from './cycle-context';
import { toWindowsInput } from './window-input';

const LEVEL_NAMES: Record<UnitLevel, string> = {
  so: 'sở, ban, ngành',
  huyen: 'quận, huyện',
  xa: 'xã, phường',
};

/**
 * The registry as it stands at the end of the assessed year (31/12): units merged away during the year
 * are assessed through their successors.
 */
export async function unitsOfYear(db: Db, year: number, levels: UnitLevel[], only?: string[]) {
  const day = `${year}-12-31`;
  const rows = await db
    .select({
      id: units.id,
      name: units.name,
      level: units.level,
      groupNo: units.groupNo,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(
      and(
        inArray(units.level, levels),
        only ? inArray(units.id, only) : undefined,
        lte(units.validFrom, day),
        or(isNull(units.validTo), gte(units.validTo, day)),
      ),
    );
  if (only) {
    const found = new Set(rows.map((r) => r.id));
    const missing = only.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError(
        'validation_failed',
        `${missing.length} đơn vị không thuộc cấp có bộ chỉ số hoặc không còn hiệu lực ngày 31/12/${year}`,
        missing.map((id) => ({ path: 'unitIds', message: `Đơn vị ${id} không hợp lệ cho kỳ đánh giá` })),
      );
    }
  }
  return rows;
}

/** Checks that each chosen index set exists, is written for that level, and is of the cycle's year. */
export async function checkFrameworks(db: Db, year: number, chosen: Partial<Record<UnitLevel, string>>) {
  const entries = Object.entries(chosen).filter(([, id]) => id) as [UnitLevel, string][];
  const rows = await db
    .select({
      id: frameworkVersions.id,
      level: frameworkVersions.level,
      year: frameworkVersions.year,
      name: frameworkVersions.name,
    })
    .from(frameworkVersions)
    .where(
      inArray(
        frameworkVersions.id,
        entries.map(([, id]) => id),
      ),
    );
  const problems = entries.flatMap(([level, id]) => {
    const row = rows.find((r) => r.id === id);
    const path = `frameworks.${level}`;
    if (!row) return [{ path, message: 'Không tìm thấy bộ chỉ số' }];
    if (row.level !== level)
      return [{ path, message: `Bộ chỉ số "${row.name}" không dành cho cấp ${LEVEL_NAMES[level]}` }];
    if (row.year !== year)
      return [{ path, message: `Bộ chỉ số "${row.name}" là của năm ${row.year}, không phải năm ${year}` }];
    return [];
  });
  if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.message, problems);
  return entries;
}

/**
 * Opens a cycle: its calendar, an index-set version per level (locked from now on, so every score of the
 * cycle is computed on the same rules) and its units with their level and group as registered.
 */
export async function createCycle(db: Db, actor: Actor, input: TCreateCycle): Promise<string> {
  const windows = toWindowsInput(input.windows);
  const chosen = await checkFrameworks(db, input.year, input.frameworks);
  const levels = chosen.map(([level]) => level);
  const members = await unitsOfYear(db, input.year, levels, input.unitIds);
  if (members.length === 0) {
    throw new AppError(
      'validation_failed',
      `Không có đơn vị nào của các cấp đã chọn còn hiệu lực năm ${input.year}`,
    );
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycles)
      .values({ year: input.year, name: input.name, windows: storeWindows(windows), createdBy: actor.id })
      .returning({ id: cycles.id });
    const cycleId = row!.id;
    await tx
      .insert(cycleFrameworks)
      .values(chosen.map(([level, frameworkVersionId]) => ({ cycleId, level, frameworkVersionId })));
    for (let i = 0; i < members.length; i += 1000) {
      await tx
        .insert(cycleUnits)
        .values(
          members
            .slice(i, i + 1000)
            .map((u) => ({ cycleId, unitId: u.id, level: u.level, groupNo: u.groupNo })),
        );
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'cycle',
      entityId: cycleId,
      after: {
        year: input.year,
        name: input.name,
        windows: input.windows,
        frameworks: input.frameworks,
        units: members.length,
      },
    });
    return cycleId;
  });
  for (const [, frameworkId] of chosen) {
    await lockFrameworkVersion(db, frameworkId, `Dùng cho kỳ đánh giá "${input.name}"`, actor);
  }
  return id;
}

export async function cycleExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, id));
  return Boolean(row);
}
