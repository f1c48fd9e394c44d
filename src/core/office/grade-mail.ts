import { foldVietnamese } from '../shared/text';
import type {
  AttachmentNotOpenedCheck,
  ExpectedAttachment,
  MailReportedCheck,
  MailSentCheck,
} from './checks';
import { formatDateTimeVn, normaliseAddress } from './helpers';
import type { Mail, SandboxState } from './state';

/** The outcome of one check, with a Vietnamese explanation for the candidate's review. */
export interface CheckOutcome {
  passed: boolean;
  explanation: string;
}

const has = (list: string[], address: string) =>
  list.some((a) => normaliseAddress(a) === normaliseAddress(address));

/** Mail copies in the candidate's own mailbox. */
export function ownMails(state: SandboxState): Mail[] {
  const own = normaliseAddress(state.candidate.email);
  return state.mails.filter((m) => normaliseAddress(m.owner) === own);
}

/** File ids that count as the expected attachment: the file itself, or an upload with the same bytes. */
function matchingFiles(state: SandboxState, expected: ExpectedAttachment): Set<string> {
  const targets =
    'file' in expected
      ? state.files.filter((f) => f.source === 'seed' && f.key === expected.file)
      : state.files.filter((f) =>
          state.documents.some((d) => d.key === expected.document && d.fileId === f.id),
        );
  const hashes = new Set(targets.flatMap((f) => (f.sha256 ? [f.sha256] : [])));
  const uploads = state.files.filter((f) => f.source === 'upload' && f.sha256 && hashes.has(f.sha256));
  return new Set([...targets, ...uploads].map((f) => f.id));
}

function expectedName(state: SandboxState, expected: ExpectedAttachment): string {
  if ('file' in expected) return state.files.find((f) => f.key === expected.file)?.fileName ?? expected.file;
  const doc = state.documents.find((d) => d.key === expected.document);
  return doc?.direction === 'incoming'
    ? `văn bản ${doc.numberSymbol}`
    : `văn bản “${doc?.subject ?? expected.document}”`;
}

/** What a sent mail lacks against the check (empty = it satisfies every condition). */
function shortcomings(state: SandboxState, check: MailSentCheck, mail: Mail): string[] {
  const out: string[] = [];
  for (const a of check.to ?? []) if (!has(mail.to, a)) out.push(`thiếu người nhận ${a} (ô Đến)`);
  for (const a of check.cc ?? []) if (!has(mail.cc, a)) out.push(`thiếu ${a} ở ô CC`);
  for (const a of check.recipients ?? [])
    if (!has([...mail.to, ...mail.cc], a)) out.push(`thiếu người nhận ${a}`);
  const subject = foldVietnamese(mail.subject);
  for (const t of check.subjectContains ?? []) {
    if (!subject.includes(foldVietnamese(t))) out.push(`tiêu đề không có “${t}”`);
  }
  const body = foldVietnamese(mail.body);
  for (const t of check.bodyContains ?? [])
    if (!body.includes(foldVietnamese(t))) out.push(`nội dung không có “${t}”`);
  for (const x of check.attachments ?? []) {
    const ids = matchingFiles(state, x);
    if (!mail.attachments.some((a) => ids.has(a.fileId)))
      out.push(`thiếu tệp đính kèm ${expectedName(state, x)}`);
  }
  return out;
}

/** Some mail the candidate sent (whatever folder it sits in now) meets every condition of the check. */
export function gradeMailSent(state: SandboxState, check: MailSentCheck): CheckOutcome {
  const self = normaliseAddress(state.candidate.email);
  const sent = ownMails(state)
    .filter((m) => m.folder !== 'drafts' && normaliseAddress(m.from.email) === self)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (sent.length === 0) return { passed: false, explanation: 'Không có thư nào được gửi đi' };
  const scored = sent.map((mail) => ({ mail, missing: shortcomings(state, check, mail) }));
  const ok = scored.find((s) => s.missing.length === 0);
  if (ok) {
    return {
      passed: true,
      explanation: `Đạt: thư “${ok.mail.subject}” gửi lúc ${formatDateTimeVn(ok.mail.at)}`,
    };
  }
  const best = scored.reduce((a, b) => (b.missing.length < a.missing.length ? b : a));
  return {
    passed: false,
    explanation: `Chưa đạt: thư gần đúng nhất “${best.mail.subject}” ${best.missing.join('; ')}`,
  };
}

/** The candidate's copy of a seed mail. */
function seedMail(state: SandboxState, key: string): Mail | undefined {
  return ownMails(state).find((m) => m.seedKey === key);
}

/** No attachment of the planted mail was opened (and, with `requireSeen`, the mail was dealt with). */
export function gradeAttachmentNotOpened(state: SandboxState, check: AttachmentNotOpenedCheck): CheckOutcome {
  const mail = seedMail(state, check.mail);
  if (!mail) return { passed: false, explanation: 'Không tìm thấy thư trong hộp thư' };
  if (mail.openedAttachments.length > 0) {
    const names = mail.attachments
      .filter((a) => mail.openedAttachments.includes(a.fileId))
      .map((a) => a.fileName);
    return {
      passed: false,
      explanation: `Chưa đạt: đã mở tệp đính kèm ${names.join(', ')} của thư “${mail.subject}”`,
    };
  }
  const seen = mail.read || mail.reported === true || mail.folder === 'trash' || mail.folder === 'junk';
  if (check.requireSeen && !seen) {
    return { passed: false, explanation: `Chưa đạt: chưa xem hoặc xử lý thư “${mail.subject}”` };
  }
  return { passed: true, explanation: `Đạt: không mở tệp đính kèm của thư “${mail.subject}”` };
}

/** The planted mail was reported as phishing (or deleted, when the check accepts it). */
export function gradeMailReported(state: SandboxState, check: MailReportedCheck): CheckOutcome {
  const mail = seedMail(state, check.mail);
  if (!mail) return { passed: false, explanation: 'Không tìm thấy thư trong hộp thư' };
  if (mail.reported) return { passed: true, explanation: `Đạt: đã báo cáo thư giả mạo “${mail.subject}”` };
  if (check.acceptDeleted && mail.folder === 'trash') {
    return { passed: true, explanation: `Đạt: đã xóa thư giả mạo “${mail.subject}”` };
  }
  return {
    passed: false,
    explanation: `Chưa đạt: thư “${mail.subject}” chưa được báo cáo giả mạo${check.acceptDeleted ? ' hoặc xóa' : ''}`,
  };
}
