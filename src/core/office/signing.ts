import { AppError } from '../shared/app-error';
import { assertOpen, findDocument, replaceDocument, withEvent } from './helpers';
import { CANDIDATE_KEY } from './scenario';
import type { ActionContext, OutgoingDocument, SandboxState } from './state';

/** Wrong PIN entries that lock the token for the rest of the attempt, as on a VGCA token. */
export const MAX_WRONG_PINS = 3;

function assertUnlocked(state: SandboxState): void {
  if (state.token.locked) {
    throw new AppError(
      'account_locked',
      `Thiết bị ký số đã bị khóa do nhập sai mã PIN ${MAX_WRONG_PINS} lần. Bạn không thể ký số trong bài thi này`,
      { reason: 'token_locked' },
    );
  }
}

/**
 * Counts a PIN entry (the server checks the PIN itself): a right one resets the count, the third wrong
 * one in a row locks the token.
 */
export function recordPinAttempt(state: SandboxState, correct: boolean, ctx: ActionContext): SandboxState {
  assertOpen(state);
  assertUnlocked(state);
  if (correct) {
    return withEvent({ ...state, token: { wrongPins: 0, locked: false } }, ctx, 'pin_accepted', {});
  }
  const wrongPins = state.token.wrongPins + 1;
  const locked = wrongPins >= MAX_WRONG_PINS;
  const token = locked ? { wrongPins, locked, lockedAt: ctx.now } : { wrongPins, locked };
  return withEvent({ ...state, token }, ctx, 'pin_rejected', { wrongPins, locked });
}

/** PIN entries left before the token locks. */
export function pinAttemptsLeft(state: SandboxState): number {
  return state.token.locked ? 0 : MAX_WRONG_PINS - state.token.wrongPins;
}

/** What the server reports after signing a draft with the candidate's exam certificate. */
export interface SignatureInput {
  /** The produced PDF verified (integrity, CMS, certificate). */
  valid: boolean;
  certificateSerial?: string;
  /** Server's reference to the signed PDF. */
  fileRef?: string;
}

/** An outgoing document by id. */
export function outgoing(state: SandboxState, documentId: string): OutgoingDocument {
  const doc = findDocument(state, documentId);
  if (doc.direction !== 'outgoing') throw new AppError('conflict', 'Đây không phải văn bản đi');
  return doc;
}

/** Records the candidate's digital signature on a draft awaiting signature (status "đã ký"). */
export function recordSignature(
  state: SandboxState,
  documentId: string,
  input: SignatureInput,
  ctx: ActionContext,
): SandboxState {
  assertOpen(state);
  assertUnlocked(state);
  const doc = outgoing(state, documentId);
  if (doc.status !== 'cho_ky') throw new AppError('conflict', 'Văn bản đã được ký số');
  if (!input.valid) throw new AppError('validation_failed', 'Chữ ký số không hợp lệ, văn bản chưa được ký');
  const signature = {
    by: 'candidate' as const,
    at: ctx.now,
    signerName: state.candidate.name,
    ...(input.certificateSerial ? { certificateSerial: input.certificateSerial } : {}),
    ...(input.fileRef ? { fileRef: input.fileRef } : {}),
  };
  const next = replaceDocument(state, {
    ...doc,
    status: 'da_ky',
    signatures: [...doc.signatures, signature],
    history: [...doc.history, { at: ctx.now, actor: CANDIDATE_KEY, action: 'ky_so' }],
  });
  return withEvent(next, ctx, 'document_signed', {
    documentId,
    certificateSerial: input.certificateSerial ?? null,
  });
}
