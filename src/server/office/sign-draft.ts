import { randomUUID } from 'node:crypto';
import { outgoing, pinAttemptsLeft, recordPinAttempt, recordSignature } from '../../core/office/signing';
import type { ActionContext, SandboxState } from '../../core/office/state';
import { AppError } from '../../core/shared/app-error';
import { verifyPassword } from '../auth/password';
import type { Db } from '../db/client';
import { practiceFiles } from '../db/schema';
import type { TPdfVerification } from '../signing/verification-result';
import { findCandidateCertificate } from './candidate-certificate';
import { readContestCaCertificate } from './contest-ca-store';
import { runPdfTask } from './pdf-pool-run';
import { fileRow, latestRevision, layoutOf } from './sandbox-files';
import {
  assertPracticeOpen,
  loadSandbox,
  type SandboxRecord,
  staleSequence,
  storeState,
} from './sandbox-store';
import type { SecretBox } from './secret-box';
import { stampBoxes } from './signature-stamps';

export type SignDraftResult =
  | { signed: true; seq: number; state: SandboxState; verification: TPdfVerification }
  /** A wrong PIN is an answer, not an error: the count (and the lock on the third) is stored. */
  | {
      signed: false;
      reason: 'wrong_pin';
      attemptsLeft: number;
      locked: boolean;
      seq: number;
      state: SandboxState;
    };

async function candidateCertificate(db: Db, record: SandboxRecord) {
  const row = await findCandidateCertificate(db, record);
  const caPem = row ? await readContestCaCertificate(db, record.contestId) : null;
  if (!row || !caPem) {
    throw new AppError('conflict', 'Thí sinh chưa được cấp chứng thư số để ký, vui lòng báo giám thị', {
      reason: 'no_certificate',
    });
  }
  return { row, caPem };
}

/**
 * Stores a wrong PIN on the newest state, retrying when another request changed the sandbox meanwhile:
 * guesses sent in parallel with one sequence must all count towards the lock, not fail as stale.
 */
async function countWrongPin(db: Db, first: SandboxRecord, ctx: ActionContext, now: Date) {
  let record = first;
  for (let tries = 0; ; tries++) {
    const next = recordPinAttempt(record.state, false, ctx);
    try {
      return { seq: await storeState(db, record.attemptId, record.seq, next, now), state: next };
    } catch (e) {
      const stale =
        e instanceof AppError && (e.details as { reason?: string } | undefined)?.reason === 'stale_sequence';
      if (!stale || tries >= 10) throw e;
      record = await loadSandbox(db, record.attemptId);
    }
  }
}

/**
 * "Ký số" of a draft, as the VGCA dialog does it: the PIN is checked first (three wrong ones in a row
 * lock the token for the rest of the attempt), then the server signs the draft's PDF with the
 * candidate's exam certificate (PAdES, a visible stamp in the signer's space), verifies the result
 * against the contest CA, and stores the signed revision with the state. Signing happens on the PDF
 * workers, outside any transaction; the store is one short transaction that refuses a stale sequence.
 */
export async function signDraft(
  db: Db,
  box: SecretBox,
  input: { attemptId: string; expectedSeq: number; documentId: string; pin: string; now: Date },
): Promise<SignDraftResult> {
  const record = await loadSandbox(db, input.attemptId);
  assertPracticeOpen(record, input.now);
  if (record.seq !== input.expectedSeq) throw staleSequence(record.seq);
  const { row: cert, caPem } = await candidateCertificate(db, record);
  const ctx: ActionContext = { now: input.now.toISOString(), newId: randomUUID };

  const correct = await verifyPassword(input.pin.trim(), cert.pinHash!);
  if (!correct) {
    const { seq, state } = await countWrongPin(db, record, ctx, input.now);
    return {
      signed: false,
      reason: 'wrong_pin',
      attemptsLeft: pinAttemptsLeft(state),
      locked: state.token.locked,
      seq,
      state,
    };
  }
  const unlocked = recordPinAttempt(record.state, true, ctx);
  // Refuses a document that is not a draft awaiting signature before any signing work.
  recordSignature(unlocked, input.documentId, { valid: true }, ctx);
  const doc = outgoing(unlocked, input.documentId);
  const current = await latestRevision(db, input.attemptId, doc.fileId);
  if (!current) throw new AppError('not_found', 'Không tìm thấy tệp của văn bản');
  const slot = layoutOf(current)?.signature;

  const { pdf: signed, verification } = await runPdfTask('signVerified', {
    pdf: current.data,
    options: {
      signer: {
        certificate: cert.certificatePem,
        privateKey: new Uint8Array(box.open(cert.privateKeySealed)),
        chain: [caPem],
      },
      signingTime: input.now,
      name: record.state.candidate.name,
      reason: 'Phê duyệt, ký ban hành văn bản',
      location: record.state.agency.place,
      ...(slot ? { appearance: stampBoxes(slot).candidate } : {}),
    },
    trusted: [caPem],
  });
  const mine = verification.signatures.at(-1);
  const valid = verification.valid && mine?.certificateSerial === cert.serial;
  if (!valid)
    throw new AppError('internal_error', 'Ký số không thành công, vui lòng thử lại', { verification });

  const fileId = randomUUID();
  const next = recordSignature(
    unlocked,
    input.documentId,
    { valid, certificateSerial: cert.serial, fileRef: fileId },
    ctx,
  );
  const seq = await db.transaction(async (tx) => {
    // The state first: a racing request with the same sequence waits on the row and then changes nothing.
    const stored = await storeState(tx, input.attemptId, input.expectedSeq, next, input.now);
    await tx.insert(practiceFiles).values(
      fileRow({
        id: fileId,
        attemptId: input.attemptId,
        key: doc.fileId,
        revision: current.revision + 1,
        kind: 'signed',
        filename: current.filename,
        mime: 'application/pdf',
        data: signed,
        layout: current.layout,
        verification,
        createdAt: input.now,
      }),
    );
    return stored;
  });
  return { signed: true, seq, state: next, verification };
}
