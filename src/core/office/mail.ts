import { AppError } from '../shared/app-error';
import { cleanText } from '../shared/text';
import { assertOpen, candidateMail, isEmail, lookup, normaliseAddress, withEvent } from './helpers';
import type { ActionContext, Mail, MailAttachment, SandboxFile, SandboxState } from './state';

/** A file to attach: one already in the sandbox, a document's PDF, or bytes the server stored. */
export type AttachmentInput =
  | { fileId: string }
  | { documentId: string }
  | { upload: { ref: string; fileName: string; mediaType: string; size?: number; sha256?: string } };

/** What the compose window sends: addresses, subject, body, attachments, and what it answers. */
export interface ComposeInput {
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  body: string;
  attachments?: AttachmentInput[];
  /** Id of the candidate's mail this answers or forwards. */
  inReplyTo?: string;
  forwardOf?: string;
  /** The draft this message comes from (sent: the draft is removed; saved: it is updated). */
  draftId?: string;
}

const MAX_SUBJECT = 500;
const MAX_BODY = 50_000;
const MAX_RECIPIENTS = 50;
const MAX_ATTACHMENTS = 20;

/** Trimmed, de-duplicated (case-insensitive) addresses. */
function addresses(list: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list ?? []) {
    const a = raw.trim();
    if (a && !seen.has(normaliseAddress(a))) {
      seen.add(normaliseAddress(a));
      out.push(a);
    }
  }
  return out;
}

/** Files the candidate can see: documents, uploads, and attachments of the candidate's own mails. */
function visibleFile(state: SandboxState, fileId: string): SandboxFile | undefined {
  const file = state.files.find((f) => f.id === fileId);
  if (!file) return undefined;
  if (file.source !== 'seed') return file;
  const own = normaliseAddress(state.candidate.email);
  const attached = state.mails.some(
    (m) => normaliseAddress(m.owner) === own && m.attachments.some((a) => a.fileId === fileId),
  );
  return attached ? file : undefined;
}

function resolveAttachments(
  state: SandboxState,
  inputs: AttachmentInput[],
  ctx: ActionContext,
): { files: SandboxFile[]; attachments: MailAttachment[] } {
  if (inputs.length > MAX_ATTACHMENTS) {
    throw new AppError('validation_failed', `Một thư đính kèm tối đa ${MAX_ATTACHMENTS} tệp`);
  }
  const files: SandboxFile[] = [];
  const attachments: MailAttachment[] = [];
  for (const input of inputs) {
    let file: SandboxFile | undefined;
    if ('upload' in input) {
      const { ref, fileName, mediaType, size, sha256 } = input.upload;
      if (!ref || !cleanText(fileName))
        throw new AppError('validation_failed', 'Tệp tải lên thiếu tên hoặc nội dung');
      file = { id: ctx.newId(), fileName: cleanText(fileName), mediaType, source: 'upload', uploadRef: ref };
      if (size !== undefined) file.size = size;
      if (sha256) file.sha256 = sha256.toLowerCase();
      files.push(file);
    } else if ('documentId' in input) {
      const doc = state.documents.find((d) => d.id === input.documentId);
      file = doc && state.files.find((f) => f.id === doc.fileId);
    } else {
      file = visibleFile(state, input.fileId);
    }
    if (!file) throw new AppError('not_found', 'Không tìm thấy tệp đính kèm');
    if (!attachments.some((a) => a.fileId === file.id))
      attachments.push({ fileId: file.id, fileName: file.fileName });
  }
  return { files, attachments };
}

function checkContent(input: ComposeInput): void {
  if (input.subject.length > MAX_SUBJECT) throw new AppError('validation_failed', 'Tiêu đề thư quá dài');
  if (input.body.length > MAX_BODY) throw new AppError('validation_failed', 'Nội dung thư quá dài');
  if (input.inReplyTo && input.forwardOf) {
    throw new AppError('validation_failed', 'Một thư không thể vừa trả lời vừa chuyển tiếp');
  }
}

/** The candidate's message as stored in their own mailbox (the draft or the sent copy). */
function ownCopy(state: SandboxState, input: ComposeInput, ctx: ActionContext, folder: 'sent' | 'drafts') {
  checkContent(input);
  if (input.inReplyTo) candidateMail(state, input.inReplyTo);
  if (input.forwardOf) candidateMail(state, input.forwardOf);
  const { files, attachments } = resolveAttachments(state, input.attachments ?? [], ctx);
  const mail: Mail = {
    id: ctx.newId(),
    owner: state.candidate.email,
    folder,
    messageId: ctx.newId(),
    from: { name: state.candidate.name, email: state.candidate.email },
    to: addresses(input.to),
    cc: addresses(input.cc),
    bcc: addresses(input.bcc),
    subject: cleanText(input.subject),
    body: input.body.normalize('NFC'),
    attachments,
    at: ctx.now,
    read: true,
    openedAttachments: [],
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.forwardOf ? { forwardOf: input.forwardOf } : {}),
  };
  return { mail, files };
}

function withoutDraft(state: SandboxState, draftId: string | undefined): SandboxState {
  if (!draftId) return state;
  const draft = candidateMail(state, draftId);
  if (draft.folder !== 'drafts') throw new AppError('conflict', 'Thư này không phải thư nháp');
  return { ...state, mails: state.mails.filter((m) => m.id !== draftId) };
}

/**
 * Sends a mail from the candidate: a copy in "sent" and one in the inbox of every sandbox mailbox among
 * To, Cc and Bcc (Bcc is not shown to recipients); other addresses are listed as undelivered.
 */
export function sendMail(state: SandboxState, input: ComposeInput, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const base = withoutDraft(state, input.draftId);
  const { mail, files } = ownCopy(base, input, ctx, 'sent');
  const all = addresses([...mail.to, ...mail.cc, ...mail.bcc]);
  if (mail.to.length === 0) throw new AppError('validation_failed', 'Chưa nhập địa chỉ người nhận');
  if (all.length > MAX_RECIPIENTS)
    throw new AppError('validation_failed', `Tối đa ${MAX_RECIPIENTS} người nhận`);
  const invalid = all.filter((a) => !isEmail(a));
  if (invalid.length > 0) {
    throw new AppError('validation_failed', `Địa chỉ thư không hợp lệ: ${invalid.join(', ')}`, { invalid });
  }
  const delivered: Mail[] = [];
  const undelivered: string[] = [];
  for (const address of all) {
    const entry = lookup(base, address);
    if (!entry) {
      undelivered.push(address);
      continue;
    }
    delivered.push({ ...mail, id: ctx.newId(), owner: entry.email, folder: 'inbox', bcc: [], read: false });
  }
  const sent: Mail = undelivered.length > 0 ? { ...mail, undelivered } : mail;
  const next: SandboxState = {
    ...base,
    files: [...base.files, ...files],
    mails: [...base.mails, sent, ...delivered],
  };
  return withEvent(next, ctx, 'mail_sent', {
    mailId: sent.id,
    to: sent.to,
    cc: sent.cc,
    bcc: sent.bcc,
    subject: sent.subject,
    attachments: sent.attachments.map((a) => a.fileId),
    undelivered,
  });
}

/** Saves (or updates) a draft in the candidate's "drafts" folder; addresses are not checked yet. */
export function saveDraft(state: SandboxState, input: ComposeInput, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const base = withoutDraft(state, input.draftId);
  const copy = ownCopy(base, input, ctx, 'drafts');
  // An updated draft keeps its id, so the compose window can go on saving it.
  const mail = input.draftId ? { ...copy.mail, id: input.draftId } : copy.mail;
  const next = { ...base, files: [...base.files, ...copy.files], mails: [...base.mails, mail] };
  return withEvent(next, ctx, 'mail_draft_saved', { mailId: mail.id, replaces: input.draftId ?? null });
}
