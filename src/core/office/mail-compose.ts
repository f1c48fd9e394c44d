import { candidateMail, formatDateTimeVn, normaliseAddress } from './helpers';
import type { ComposeInput } from './mail';
import type { Mail, SandboxState } from './state';

export type ReplyMode = 'reply' | 'reply_all' | 'forward';

/** "Re: x" stays "Re: x"; "x" becomes "Re: x" (also for "Fwd:"), ignoring case. */
function prefixed(prefix: 'Re' | 'Fwd', subject: string): string {
  const pattern = prefix === 'Re' ? /^re\s*:/i : /^(fwd?|tv)\s*:/i;
  return pattern.test(subject) ? subject : `${prefix}: ${subject}`;
}

function quoted(mail: Mail): string {
  const header = `Vào lúc ${formatDateTimeVn(mail.at)}, ${mail.from.name} <${mail.from.email}> đã viết:`;
  return `\n\n${header}\n${mail.body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}`;
}

function forwarded(mail: Mail): string {
  const lines = [
    '',
    '',
    '---------- Thư chuyển tiếp ----------',
    `Từ: ${mail.from.name} <${mail.from.email}>`,
    `Ngày: ${formatDateTimeVn(mail.at)}`,
    `Tiêu đề: ${mail.subject}`,
    `Đến: ${mail.to.join(', ')}`,
    ...(mail.cc.length > 0 ? [`Cc: ${mail.cc.join(', ')}`] : []),
    '',
    mail.body,
  ];
  return lines.join('\n');
}

/**
 * The compose window prefilled to reply, reply to all or forward one of the candidate's mails. Reply-all
 * keeps every other recipient and leaves the candidate out; forward keeps the attachments.
 */
export function composeReply(state: SandboxState, mailId: string, mode: ReplyMode): ComposeInput {
  const mail = candidateMail(state, mailId);
  const self = normaliseAddress(state.candidate.email);
  const notSelf = (a: string) => normaliseAddress(a) !== self;
  if (mode === 'forward') {
    return {
      to: [],
      subject: prefixed('Fwd', mail.subject),
      body: forwarded(mail),
      attachments: mail.attachments.map((a) => ({ fileId: a.fileId })),
      forwardOf: mail.id,
    };
  }
  // Answering one's own sent mail goes to its recipients, as webmail clients do.
  const ownMail = !notSelf(mail.from.email);
  const first = ownMail ? mail.to : [mail.from.email];
  const to = mode === 'reply_all' ? [...first, ...mail.to.filter(notSelf)] : first;
  const cc = mode === 'reply_all' ? mail.cc.filter(notSelf) : [];
  const unique = (list: string[]) =>
    list.filter((a, i) => list.findIndex((b) => normaliseAddress(b) === normaliseAddress(a)) === i);
  const toList = unique(to);
  return {
    to: toList,
    cc: unique(cc).filter((a) => !toList.some((t) => normaliseAddress(t) === normaliseAddress(a))),
    subject: prefixed('Re', mail.subject),
    body: quoted(mail),
    inReplyTo: mail.id,
  };
}
