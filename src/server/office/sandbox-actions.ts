import { answerQuestion } from '../../core/office/answers';
import {
  type DirectiveInput,
  forwardDocument,
  openDocument,
  writeDirective,
} from '../../core/office/incoming';
import { type ComposeInput, saveDraft, sendMail } from '../../core/office/mail';
import {
  markRead,
  moveToTrash,
  openAttachment,
  reportPhishing,
  restoreMail,
} from '../../core/office/mail-actions';
import type { ActionContext, SandboxState } from '../../core/office/state';

/**
 * What the candidate does in the webmail and the e-office, as plain data a route can validate and pass
 * on. Signing (PIN, signature) and "chuyển văn thư" are not here: the server signs PDFs for them
 * (sign-draft.ts, send-to-clerk.ts).
 */
export type SandboxAction =
  | { type: 'send_mail'; input: ComposeInput }
  | { type: 'save_mail_draft'; input: ComposeInput }
  | { type: 'mark_read'; mailId: string; read: boolean }
  | { type: 'open_attachment'; mailId: string; fileId: string }
  | { type: 'move_to_trash'; mailId: string }
  | { type: 'report_phishing'; mailId: string }
  | { type: 'restore_mail'; mailId: string }
  | { type: 'open_document'; documentId: string }
  | { type: 'write_directive'; documentId: string; input: DirectiveInput }
  | { type: 'forward_document'; documentId: string }
  | { type: 'answer_question'; question: string; option?: string; text?: string };

/** The core transition for an action. */
export function applySandboxAction(
  state: SandboxState,
  action: SandboxAction,
  ctx: ActionContext,
): SandboxState {
  switch (action.type) {
    case 'send_mail':
      return sendMail(state, action.input, ctx);
    case 'save_mail_draft':
      return saveDraft(state, action.input, ctx);
    case 'mark_read':
      return markRead(state, action.mailId, action.read, ctx);
    case 'open_attachment':
      return openAttachment(state, action.mailId, action.fileId, ctx);
    case 'move_to_trash':
      return moveToTrash(state, action.mailId, ctx);
    case 'report_phishing':
      return reportPhishing(state, action.mailId, ctx);
    case 'restore_mail':
      return restoreMail(state, action.mailId, ctx);
    case 'open_document':
      return openDocument(state, action.documentId, ctx);
    case 'write_directive':
      return writeDirective(state, action.documentId, action.input, ctx);
    case 'forward_document':
      return forwardDocument(state, action.documentId, ctx);
    case 'answer_question':
      return answerQuestion(
        state,
        action.question,
        {
          ...(action.option !== undefined ? { option: action.option } : {}),
          ...(action.text !== undefined ? { text: action.text } : {}),
        },
        ctx,
      );
  }
}

/** Upload references of a compose action (the bytes were stored first, see store-upload.ts). */
export function uploadRefs(action: SandboxAction): string[] {
  if (action.type !== 'send_mail' && action.type !== 'save_mail_draft') return [];
  return (action.input.attachments ?? []).flatMap((a) => ('upload' in a ? [a.upload.ref] : []));
}
