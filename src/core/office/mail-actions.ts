import { AppError } from '../shared/app-error';
import { foldVietnamese } from '../shared/text';
import { assertOpen, candidateMail, normaliseAddress, replaceMail, withEvent } from './helpers';
import type { ActionContext, Mail, MailFolder, SandboxState } from './state';

/** Marks one of the candidate's mails read or unread. */
export function markRead(
  state: SandboxState,
  mailId: string,
  read: boolean,
  ctx: ActionContext,
): SandboxState {
  assertOpen(state);
  const mail = candidateMail(state, mailId);
  if (mail.read === read) return state;
  return withEvent(replaceMail(state, { ...mail, read }), ctx, read ? 'mail_read' : 'mail_unread', {
    mailId,
  });
}

/**
 * Records that the candidate opened or downloaded an attachment (the phishing task is graded on it); the
 * mail counts as read.
 */
export function openAttachment(
  state: SandboxState,
  mailId: string,
  fileId: string,
  ctx: ActionContext,
): SandboxState {
  assertOpen(state);
  const mail = candidateMail(state, mailId);
  if (!mail.attachments.some((a) => a.fileId === fileId)) {
    throw new AppError('not_found', 'Thư không có tệp đính kèm này');
  }
  const opened = mail.openedAttachments.includes(fileId)
    ? mail.openedAttachments
    : [...mail.openedAttachments, fileId];
  const next = replaceMail(state, { ...mail, read: true, openedAttachments: opened });
  return withEvent(next, ctx, 'attachment_opened', { mailId, fileId });
}

function move(
  state: SandboxState,
  mail: Mail,
  folder: MailFolder,
  reported: boolean | undefined,
): SandboxState {
  const { reported: _drop, ...rest } = mail;
  return replaceMail(state, { ...rest, folder, ...(reported ? { reported: true } : {}) });
}

/** Moves one of the candidate's mails (from any folder) to the trash. */
export function moveToTrash(state: SandboxState, mailId: string, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const mail = candidateMail(state, mailId);
  if (mail.folder === 'trash') return state;
  return withEvent(move(state, mail, 'trash', mail.reported), ctx, 'mail_trashed', {
    mailId,
    from: mail.folder,
  });
}

/** Reports a received mail as phishing ("Báo cáo thư giả mạo"): flagged and moved to the junk folder. */
export function reportPhishing(state: SandboxState, mailId: string, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const mail = candidateMail(state, mailId);
  if (normaliseAddress(mail.from.email) === normaliseAddress(state.candidate.email)) {
    throw new AppError('conflict', 'Chỉ báo cáo giả mạo được thư nhận từ người khác');
  }
  if (mail.reported) return state;
  return withEvent(move(state, mail, 'junk', true), ctx, 'mail_reported', { mailId });
}

/** Puts a mail from the trash or junk folder back where it belongs and withdraws a phishing report. */
export function restoreMail(state: SandboxState, mailId: string, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const mail = candidateMail(state, mailId);
  if (mail.folder !== 'trash' && mail.folder !== 'junk') return state;
  const own = normaliseAddress(mail.from.email) === normaliseAddress(state.candidate.email);
  const folder: MailFolder = own ? 'sent' : 'inbox';
  return withEvent(move(state, mail, folder, false), ctx, 'mail_restored', { mailId, to: folder });
}

/** The candidate's mails of one folder, newest first. */
export function listFolder(state: SandboxState, folder: MailFolder): Mail[] {
  const own = normaliseAddress(state.candidate.email);
  return state.mails
    .filter((m) => normaliseAddress(m.owner) === own && m.folder === folder)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * Searches the candidate's mailbox: every word of the query must appear (case and diacritics ignored)
 * in the subject, body, sender, recipients or attachment names. An empty query finds nothing.
 */
export function searchMails(state: SandboxState, query: string, folder?: MailFolder): Mail[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const own = normaliseAddress(state.candidate.email);
  return state.mails
    .filter((m) => normaliseAddress(m.owner) === own && (!folder || m.folder === folder))
    .filter((m) => {
      const hay = foldVietnamese(
        [
          m.subject,
          m.body,
          m.from.name,
          m.from.email,
          ...m.to,
          ...m.cc,
          ...m.attachments.map((a) => a.fileName),
        ].join(' '),
      );
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
