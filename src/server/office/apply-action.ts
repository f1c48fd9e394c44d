import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { SandboxState } from '../../core/office/state';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { practiceFiles } from '../db/schema';
import { applySandboxAction, type SandboxAction, uploadRefs } from './sandbox-actions';
import { assertPracticeOpen, loadSandbox, staleSequence, storeState } from './sandbox-store';

export interface ActionResult {
  seq: number;
  state: SandboxState;
  /** False when the action changed nothing (marking a read mail read): nothing was written. */
  changed: boolean;
}

/**
 * Uploads are named by reference only: each must be a file this attempt stored, and its name, type,
 * size and hash are taken from the store, never from the request.
 */
async function withStoredUploads(db: Db, attemptId: string, action: SandboxAction): Promise<SandboxAction> {
  const refs = uploadRefs(action);
  if (refs.length === 0 || (action.type !== 'send_mail' && action.type !== 'save_mail_draft')) return action;
  const rows = await db
    .select({
      id: practiceFiles.id,
      filename: practiceFiles.filename,
      mime: practiceFiles.mime,
      size: practiceFiles.size,
      sha256: practiceFiles.sha256,
    })
    .from(practiceFiles)
    .where(
      and(
        eq(practiceFiles.attemptId, attemptId),
        eq(practiceFiles.kind, 'upload'),
        inArray(practiceFiles.id, refs),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (refs.some((ref) => !byId.has(ref)))
    throw new AppError('not_found', 'Không tìm thấy tệp đính kèm đã tải lên');
  const attachments = (action.input.attachments ?? []).map((a) => {
    if (!('upload' in a)) return a;
    const row = byId.get(a.upload.ref)!;
    return {
      upload: {
        ref: row.id,
        fileName: row.filename,
        mediaType: row.mime,
        size: row.size,
        sha256: row.sha256,
      },
    };
  });
  return { ...action, input: { ...action.input, attachments } };
}

/**
 * Applies one webmail or e-office action to the attempt's sandbox: the candidate names the sequence
 * they saw, the core computes the next state, and it is stored only if nothing changed in between
 * and the attempt is still open. A stale sequence is refused (`conflict`, details.reason
 * `stale_sequence`, details.seq the one held) and changes nothing.
 */
export async function applyAction(
  db: Db,
  input: { attemptId: string; expectedSeq: number; action: SandboxAction; now: Date },
): Promise<ActionResult> {
  const record = await loadSandbox(db, input.attemptId);
  assertPracticeOpen(record, input.now);
  if (record.seq !== input.expectedSeq) throw staleSequence(record.seq);
  const action = await withStoredUploads(db, input.attemptId, input.action);
  const next = applySandboxAction(record.state, action, { now: input.now.toISOString(), newId: randomUUID });
  if (next === record.state) return { seq: record.seq, state: record.state, changed: false };
  const seq = await storeState(db, input.attemptId, input.expectedSeq, next, input.now);
  return { seq, state: next, changed: true };
}
