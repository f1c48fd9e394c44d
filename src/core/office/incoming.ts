import { AppError } from '../shared/app-error';
import { isIsoDate } from '../shared/dates';
import { cleanText } from '../shared/text';
import { assertOpen, findDocument, nameOf, replaceDocument, withEvent } from './helpers';
import { CANDIDATE_KEY } from './scenario';
import type { ActionContext, Directive, HistoryEntry, IncomingDocument, SandboxState } from './state';

/** What the leader writes on an incoming document (bút phê). */
export interface DirectiveInput {
  text: string;
  /** Directory key of the chủ trì (xử lý chính). */
  lead: string;
  /** Directory keys of the phối hợp units or people. */
  cooperating?: string[];
  /** Hạn xử lý, YYYY-MM-DD. */
  deadline: string;
}

const MAX_DIRECTIVE = 2000;

/** Opens a document (incoming or outgoing): the first view goes into its history, every view into the log. */
export function openDocument(state: SandboxState, documentId: string, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const doc = findDocument(state, documentId);
  let next = state;
  if (doc.direction === 'incoming' && !doc.openedAt) {
    const view: HistoryEntry = { at: ctx.now, actor: CANDIDATE_KEY, action: 'xem' };
    next = replaceDocument(state, { ...doc, openedAt: ctx.now, history: [...doc.history, view] });
  }
  return withEvent(next, ctx, 'document_opened', { documentId });
}

function incoming(state: SandboxState, documentId: string): IncomingDocument {
  const doc = findDocument(state, documentId);
  if (doc.direction !== 'incoming') throw new AppError('conflict', 'Chỉ bút phê được văn bản đến');
  // The candidate directs documents presented to them, and may revise their own directive.
  if (doc.holder !== CANDIDATE_KEY && !doc.directive) {
    throw new AppError(
      'conflict',
      `Văn bản đang do ${nameOf(state, doc.holder)} xử lý, bạn không thể bút phê`,
    );
  }
  return doc;
}

function checkHandlers(state: SandboxState, input: DirectiveInput): string[] {
  const handler = (key: string) =>
    state.directory.find((e) => e.key === key && (e.kind === 'unit' || e.kind === 'person'));
  if (!handler(input.lead))
    throw new AppError('validation_failed', 'Chưa chọn đơn vị hoặc cá nhân chủ trì xử lý');
  const cooperating = [...new Set(input.cooperating ?? [])];
  const unknown = cooperating.filter((k) => !handler(k));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', 'Đơn vị phối hợp không có trong danh sách', { unknown });
  }
  if (cooperating.includes(input.lead)) {
    throw new AppError('validation_failed', 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp');
  }
  return cooperating;
}

/**
 * Writes the bút phê: instruction, chủ trì (XLC), phối hợp (PH) and deadline (ND 30 Điều 23). On a
 * document already forwarded it is a revision, and the document goes to the new chủ trì.
 */
export function writeDirective(
  state: SandboxState,
  documentId: string,
  input: DirectiveInput,
  ctx: ActionContext,
): SandboxState {
  assertOpen(state);
  const doc = incoming(state, documentId);
  const cooperating = checkHandlers(state, input);
  const text = cleanText(input.text);
  if (text.length > MAX_DIRECTIVE) throw new AppError('validation_failed', 'Ý kiến chỉ đạo quá dài');
  if (!isIsoDate(input.deadline))
    throw new AppError('validation_failed', 'Hạn xử lý không phải một ngày hợp lệ');
  // Not "before today": a scenario's world keeps its own dates (30/9/2022) when replayed later.
  if (input.deadline < doc.arrivalDate) {
    throw new AppError('validation_failed', 'Hạn xử lý không được trước ngày văn bản đến');
  }
  const directive: Directive = { text, lead: input.lead, cooperating, deadline: input.deadline, at: ctx.now };
  const to = [input.lead, ...cooperating];
  const history: HistoryEntry[] = [
    ...doc.history,
    { at: ctx.now, actor: CANDIDATE_KEY, action: 'but_phe', to, note: text },
  ];
  const forwarded = doc.status !== 'cho_xu_ly';
  if (forwarded) {
    history.push({
      at: ctx.now,
      actor: CANDIDATE_KEY,
      action: 'chuyen_xu_ly',
      to,
      note: 'Chuyển lại theo ý kiến chỉ đạo điều chỉnh',
    });
  }
  const next = replaceDocument(state, {
    ...doc,
    directive,
    dueDate: input.deadline,
    holder: forwarded ? input.lead : doc.holder,
    history,
  });
  return withEvent(next, ctx, 'directive_written', { documentId, ...directive, revision: forwarded });
}

/** Sends the directed document to its chủ trì and phối hợp ("chuyển xử lý"): status "đang xử lý". */
export function forwardDocument(state: SandboxState, documentId: string, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const doc = incoming(state, documentId);
  if (!doc.directive)
    throw new AppError('conflict', 'Cần bút phê (ý kiến chỉ đạo, chủ trì, hạn xử lý) trước khi chuyển');
  if (doc.status !== 'cho_xu_ly') throw new AppError('conflict', 'Văn bản đã được chuyển xử lý');
  const to = [doc.directive.lead, ...doc.directive.cooperating];
  const next = replaceDocument(state, {
    ...doc,
    status: 'dang_xu_ly',
    holder: doc.directive.lead,
    history: [...doc.history, { at: ctx.now, actor: CANDIDATE_KEY, action: 'chuyen_xu_ly', to }],
  });
  return withEvent(next, ctx, 'document_forwarded', { documentId, to });
}
