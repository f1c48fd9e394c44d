import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TEvidenceInput } from '../../contracts/cycles';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleEvidence, evidenceFiles } from '../db/schema';
import { sniffEvidence } from '../files/sniff-evidence';
import { type CycleContext, loadCycleUnit } from './cycle-context';
import { assertUnitMayEdit, leafOf, lockEntry, recordEntryChange } from './entry-access';

export interface UploadedFile {
  data: Buffer;
  filename: string;
}

/**
 * Adds one evidence entry (số hiệu, ngày, trích yếu) with a file or a URL. The file's type is judged from
 * its bytes; the entry and the file are stored in one transaction with the indicator's history.
 */
export async function addEvidence(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  code: string,
  input: TEvidenceInput,
  file: UploadedFile | null,
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  leafOf(ctx, member, code);
  if (!file && !input.url) {
    throw new AppError('validation_failed', 'Đính kèm tệp hoặc nhập đường dẫn tới minh chứng', [
      { path: 'url', message: 'Đính kèm tệp hoặc nhập đường dẫn tới minh chứng' },
    ]);
  }
  const type = file ? sniffEvidence(file.data, file.filename) : null;
  await db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx.id, unitId, code);
    assertUnitMayEdit(ctx, member, row, now);
    if (!row)
      await tx
        .insert(cycleEntries)
        .values({ cycleId: ctx.id, unitId, code, updatedBy: actor.id, updatedAt: now });
    let fileId: string | null = null;
    if (file && type) {
      const [stored] = await tx
        .insert(evidenceFiles)
        .values({
          cycleId: ctx.id,
          unitId,
          filename: file.filename.normalize('NFC').slice(0, 200),
          mime: type.mime,
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          data: file.data,
          createdBy: actor.id,
        })
        .returning({ id: evidenceFiles.id });
      fileId = stored!.id;
    }
    const [evidence] = await tx
      .insert(cycleEvidence)
      .values({ cycleId: ctx.id, unitId, code, ...input, fileId, createdBy: actor.id, createdAt: now })
      .returning({ id: cycleEvidence.id });
    await recordEntryChange(
      tx,
      actor,
      { cycleId: ctx.id, unitId, code },
      'add_evidence',
      {},
      {
        evidence: {
          id: evidence!.id,
          ...input,
          file: file ? { filename: file.filename, mime: type!.mime, size: file.data.length } : null,
        },
      },
    );
  });
}

/** Removes one evidence entry (and its file) while the indicator may still be edited. */
export async function deleteEvidence(
  db: Db,
  actor: Actor,
  ctx: CycleContext,
  unitId: string,
  code: string,
  evidenceId: string,
  now: Date,
): Promise<void> {
  const member = await loadCycleUnit(db, ctx.id, unitId);
  await db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx.id, unitId, code);
    assertUnitMayEdit(ctx, member, row, now);
    const [evidence] = await tx
      .delete(cycleEvidence)
      .where(
        and(
          eq(cycleEvidence.id, evidenceId),
          eq(cycleEvidence.cycleId, ctx.id),
          eq(cycleEvidence.unitId, unitId),
          eq(cycleEvidence.code, code),
        ),
      )
      .returning();
    if (!evidence) throw new AppError('evidence_not_found', 'Không tìm thấy minh chứng');
    if (evidence.fileId) await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, evidence.fileId));
    const { docNumber, docDate, summary, url } = evidence;
    await recordEntryChange(
      tx,
      actor,
      { cycleId: ctx.id, unitId, code },
      'delete_evidence',
      {
        evidence: { id: evidenceId, docNumber, docDate, summary, url, fileId: evidence.fileId },
      },
      {},
    );
  });
}

/** An evidence file of one unit, or `evidence_not_found` (also when it belongs to another unit). */
export async function readEvidenceFile(db: Db, cycleId: string, unitId: string, evidenceId: string) {
  const [row] = await db
    .select({
      code: cycleEvidence.code,
      filename: evidenceFiles.filename,
      mime: evidenceFiles.mime,
      data: evidenceFiles.data,
    })
    .from(cycleEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, cycleEvidence.fileId))
    .where(
      and(
        eq(cycleEvidence.id, evidenceId),
        eq(cycleEvidence.cycleId, cycleId),
        eq(cycleEvidence.unitId, unitId),
      ),
    );
  if (!row) throw new AppError('evidence_not_found', 'Không tìm thấy tệp minh chứng');
  return row;
}
