import type { TComposeInput, TPracticeMail, TPracticeView } from '../../../contracts/practice';
import type { SandboxState } from '../../../contracts/practice-domain';
import { composeReply, type ReplyMode } from '../../../contracts/practice-domain';
import { parseRecipients } from './recipients';

export type { ReplyMode };

type AttachmentInput = NonNullable<TComposeInput['attachments']>[number];

/** One attachment of the mail being written, with the name shown for it. */
export interface ComposeAttachment {
  label: string;
  input: AttachmentInput;
}

/** The compose window's fields as typed (recipients as text) and what the mail answers. */
export interface ComposeForm {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  attachments: ComposeAttachment[];
  inReplyTo?: string;
  forwardOf?: string;
  draftId?: string;
}

export const EMPTY_FORM: ComposeForm = { to: '', cc: '', bcc: '', subject: '', body: '', attachments: [] };

function fileName(view: TPracticeView, fileId: string): string {
  for (const m of view.mails) {
    const a = m.attachments.find((x) => x.fileId === fileId);
    if (a) return a.fileName;
  }
  return view.files.find((f) => f.id === fileId)?.fileName ?? fileId;
}

/** The compose window prefilled to reply, reply to all or forward a mail (the core's rules, on the view). */
export function replyForm(view: TPracticeView, mailId: string, mode: ReplyMode): ComposeForm {
  // The core works on a sandbox; the candidate's own mails are all it reads.
  const state = {
    candidate: { email: view.candidate.email },
    mails: view.mails.map((m) => ({ ...m, owner: view.candidate.email, openedAttachments: [] })),
  } as unknown as SandboxState;
  const input = composeReply(state, mailId, mode);
  return {
    to: input.to.join(', '),
    cc: (input.cc ?? []).join(', '),
    bcc: '',
    subject: input.subject,
    body: input.body,
    attachments: (input.attachments ?? []).flatMap((a) =>
      'fileId' in a ? [{ label: fileName(view, a.fileId), input: { fileId: a.fileId } }] : [],
    ),
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.forwardOf ? { forwardOf: input.forwardOf } : {}),
  };
}

/** A saved draft opened again for editing. */
export function draftForm(mail: TPracticeMail): ComposeForm {
  return {
    to: mail.to.join(', '),
    cc: mail.cc.join(', '),
    bcc: mail.bcc.join(', '),
    subject: mail.subject,
    body: mail.body,
    attachments: mail.attachments.map((a) => ({ label: a.fileName, input: { fileId: a.fileId } })),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.forwardOf ? { forwardOf: mail.forwardOf } : {}),
    draftId: mail.id,
  };
}

export interface ComposeCheck {
  input: TComposeInput;
  /** Refusals: the mail cannot go as it is. */
  errors: string[];
  /** Worth a second look; sending again goes ahead. */
  warnings: string[];
}

/** What the candidate wrote, without the quoted or forwarded mail below it. */
export function ownText(body: string): string {
  const text = body.normalize('NFC');
  const cut = text.search(/^(Vào lúc .* đã viết:|-{5,} Thư chuyển tiếp -{5,})$/m);
  return (cut >= 0 ? text.slice(0, cut) : text)
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n');
}

const FIELD_NAMES = { to: 'Đến', cc: 'Cc', bcc: 'Bcc' } as const;

/** The request for a compose window's fields, with what is wrong (to send, or to keep as a draft). */
export function checkCompose(
  form: ComposeForm,
  directory: TPracticeView['directory'],
  purpose: 'send' | 'draft',
): ComposeCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const lists = { to: [] as string[], cc: [] as string[], bcc: [] as string[] };
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const { addresses, unknown } = parseRecipients(form[field], directory);
    lists[field] = addresses;
    for (const entry of unknown) {
      errors.push(
        `Không nhận ra người nhận “${entry}” ở ô ${FIELD_NAMES[field]}: nhập địa chỉ thư điện tử hoặc chọn trong danh bạ.`,
      );
    }
  }
  if (purpose === 'send') {
    if (lists.to.length === 0 && !form.to.trim()) errors.unshift('Chưa nhập người nhận ở ô Đến.');
    if (!form.subject.trim()) warnings.push('Thư chưa có tiêu đề.');
    if (form.attachments.length === 0 && /đính kèm|dinh kem/i.test(ownText(form.body))) {
      warnings.push('Nội dung thư nhắc đến tệp đính kèm nhưng thư chưa có tệp nào.');
    }
  }
  const input: TComposeInput = {
    to: lists.to,
    ...(lists.cc.length > 0 ? { cc: lists.cc } : {}),
    ...(lists.bcc.length > 0 ? { bcc: lists.bcc } : {}),
    subject: form.subject.trim(),
    body: form.body,
    ...(form.attachments.length > 0 ? { attachments: form.attachments.map((a) => a.input) } : {}),
    ...(form.inReplyTo ? { inReplyTo: form.inReplyTo } : {}),
    ...(form.forwardOf ? { forwardOf: form.forwardOf } : {}),
    ...(form.draftId ? { draftId: form.draftId } : {}),
  };
  return { input, errors, warnings };
}
