import type { TEntrySave } from '../../contracts/cycles';
import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import { ruleInputFields } from '../../core/framework/rules';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries } from '../db/schema';
import { type CycleContext, frameworkOf, loadCycleUnit } from './cycle-context';
import { assertUnitMayEdit, leafOf, lockEntry, recordEntryChange } from './entry-access';

/**
 * Saves a draft of one indicator (the form saves as the official types): its inputs, or a "not
 * applicable" declaration with a reason. Half-filled or even invalid inputs are kept — the form shows
 * what is wrong and submission refuses them — but unknown fields and refused declarations are errors.
 */
export async function saveEntry(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  code: string,
  patch: TEntrySave,
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  const node = leafOf(ctx, member, code);
  const f = frameworkOf(ctx, member.level);
  if (patch.inputs) {
    const known = new Set(ruleInputFields(node.rule!).map((field) => field.name));
    const unknown = Object.keys(patch.inputs).filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `Chỉ số ${code} không có trường ${unknown.join(', ')}`);
    }
  }
  if (patch.notApplicable !== undefined && patch.notApplicable !== null) {
    if (!node.mayBeNotApplicable) {
      throw new AppError('validation_failed', `Chỉ số ${code} không được khai báo là không áp dụng`);
    }
    if (patch.notApplicable.length < 3) {
      throw new AppError('validation_failed', 'Ghi rõ lý do không áp dụng (ít nhất 3 ký tự)', [
        { path: 'notApplicable', message: 'Ghi rõ lý do không áp dụng (ít nhất 3 ký tự)' },
      ]);
    }
  }
  await db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx.id, unitId, code);
    assertUnitMayEdit(ctx, member, row, now);
    if (row?.central && patch.inputs !== undefined) {
      throw new AppError(
        'validation_failed',
        `Số liệu của chỉ số ${code} do ${row.central.source} cung cấp, đơn vị không sửa`,
      );
    }
    const inputs = patch.inputs !== undefined ? patch.inputs : (row?.inputs ?? null);
    const notApplicable =
      patch.notApplicable !== undefined ? patch.notApplicable : (row?.notApplicable ?? null);
    const central = row?.central ? { inputs: row.central.inputs, source: row.central.source } : null;
    const selfPoints = outcomePoints(selfOutcome(node, f.policy, { inputs, notApplicable, central }));
    const values = { inputs, notApplicable, selfPoints, updatedBy: actor.id, updatedAt: now };
    await tx
      .insert(cycleEntries)
      .values({ cycleId: ctx.id, unitId, code, ...values })
      .onConflictDoUpdate({
        target: [cycleEntries.cycleId, cycleEntries.unitId, cycleEntries.code],
        set: values,
      });
    const before = {
      inputs: row?.inputs ?? null,
      notApplicable: row?.notApplicable ?? null,
      selfPoints: row?.selfPoints ?? null,
    };
    const after = { inputs, notApplicable, selfPoints };
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordEntryChange(tx, actor, { cycleId: ctx.id, unitId, code }, 'save', before, after);
    }
  });
}
