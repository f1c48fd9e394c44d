import { AppError } from '../../../core/shared/app-error';
import type { Db } from '../../db/client';
import { applyAction } from '../../office/apply-action';
import { loadSandbox, type SandboxRecord } from '../../office/sandbox-store';

const reasonOf = (e: unknown) =>
  e instanceof AppError ? (e.details as { reason?: string } | undefined)?.reason : undefined;

/**
 * Records that the candidate opened an attachment of one of their mails, on the server, before the
 * bytes leave: opening a planted phishing attachment counts even from a client that skips the action.
 * Opening a file is not a change the candidate made against a state they saw, so it is applied to the
 * newest state whatever sequence their page holds; an attempt that ends meanwhile records nothing.
 */
export async function recordOpenedAttachment(
  db: Db,
  first: SandboxRecord,
  input: { mailId: string; fileId: string; now: Date },
): Promise<void> {
  let record = first;
  for (let tries = 0; ; tries++) {
    try {
      await applyAction(db, {
        attemptId: record.attemptId,
        expectedSeq: record.seq,
        action: { type: 'open_attachment', mailId: input.mailId, fileId: input.fileId },
        now: input.now,
      });
      return;
    } catch (e) {
      if (e instanceof AppError && e.code === 'attempt_closed') return;
      if (reasonOf(e) !== 'stale_sequence' || tries >= 10) throw e;
      record = await loadSandbox(db, record.attemptId);
    }
  }
}
