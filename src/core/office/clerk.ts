import { AppError } from '../shared/app-error';
import { formatDateVn } from '../shared/dates';
import { assertOpen, documentFileName, replaceDocument, vnDate, withEvent } from './helpers';
import { assignNumber, DOCUMENT_TYPES } from './numbering';
import { CANDIDATE_KEY } from './scenario';
import { outgoing } from './signing';
import type { ActionContext, HistoryEntry, Mail, OutgoingDocument, SandboxState } from './state';

/** The mails that carry an issued document to each recipient's inbox, and the clerk's sent copy. */
function deliveries(state: SandboxState, doc: OutgoingDocument, ctx: ActionContext): Mail[] {
  const clerk = state.directory.find((e) => e.kind === 'clerk')!;
  const recipients = doc.recipients
    .map((key) => state.directory.find((e) => e.key === key))
    .filter((e) => e !== undefined);
  const file = state.files.find((f) => f.id === doc.fileId)!;
  const typeName = DOCUMENT_TYPES[doc.type].name;
  const base: Omit<Mail, 'id' | 'owner' | 'folder' | 'read'> = {
    messageId: ctx.newId(),
    from: { name: `Văn thư ${state.agency.name}`, email: clerk.email },
    to: recipients.map((r) => r.email),
    cc: [],
    bcc: [],
    subject: `${typeName} số ${doc.numberSymbol}: ${doc.subject}`,
    body: [
      `${state.agency.name} gửi ${typeName.toLowerCase()} số ${doc.numberSymbol} ngày ${formatDateVn(doc.issuedDate!)}`,
      `về việc ${doc.subject}.`,
      'Văn bản điện tử đã được ký số bởi người có thẩm quyền và cơ quan ban hành.',
    ].join('\n'),
    attachments: [{ fileId: file.id, fileName: file.fileName }],
    at: ctx.now,
    openedAttachments: [],
    documentId: doc.id,
  };
  return [
    { ...base, id: ctx.newId(), owner: clerk.email, folder: 'sent', read: true },
    ...recipients.map(
      (r): Mail => ({ ...base, id: ctx.newId(), owner: r.email, folder: 'inbox', read: false }),
    ),
  ];
}

/**
 * "Chuyển văn thư": the candidate hands a signed draft to the văn thư, played by the system, which
 * numbers it in the agency's series for the year, dates it, adds the agency's digital signature (the
 * server signs the PDF as an incremental update) and issues it to every recipient (ND 30 Điều 14–15, 18).
 */
export function sendToClerk(state: SandboxState, documentId: string, ctx: ActionContext): SandboxState {
  assertOpen(state);
  const doc = outgoing(state, documentId);
  if (doc.status === 'cho_ky') {
    throw new AppError('conflict', 'Văn bản chưa được ký số, chưa thể chuyển văn thư phát hành');
  }
  if (doc.status === 'da_phat_hanh')
    throw new AppError('conflict', `Văn bản đã được phát hành số ${doc.numberSymbol}`);
  const clerk = state.directory.find((e) => e.kind === 'clerk')!;
  const today = vnDate(ctx.now);
  const { register, codeNumber, numberSymbol } = assignNumber(state.register, Number(today.slice(0, 4)), {
    type: doc.type,
    agency: doc.agencyAbbreviation,
    ...(doc.unitAbbreviation ? { unit: doc.unitAbbreviation } : {}),
  });
  const history: HistoryEntry[] = [
    ...doc.history,
    { at: ctx.now, actor: CANDIDATE_KEY, action: 'chuyen_van_thu', to: [clerk.key] },
    {
      at: ctx.now,
      actor: clerk.key,
      action: 'cap_so',
      note: `Số ${numberSymbol}, ngày ${formatDateVn(today)}`,
    },
    { at: ctx.now, actor: clerk.key, action: 'ky_so_co_quan', note: state.agency.name },
    { at: ctx.now, actor: clerk.key, action: 'phat_hanh', to: [...doc.recipients] },
  ];
  const issued: OutgoingDocument = {
    ...doc,
    status: 'da_phat_hanh',
    holder: clerk.key,
    codeNumber,
    numberSymbol,
    issuedDate: today,
    sentToClerkAt: ctx.now,
    issuedAt: ctx.now,
    signatures: [...doc.signatures, { by: 'agency', at: ctx.now, signerName: state.agency.name }],
    history,
  };
  const renamed = state.files.map((f) =>
    f.id === doc.fileId ? { ...f, fileName: documentFileName(numberSymbol) } : f,
  );
  let next: SandboxState = { ...replaceDocument(state, issued), register, files: renamed };
  next = { ...next, mails: [...next.mails, ...deliveries(next, issued, ctx)] };
  next = withEvent(next, ctx, 'document_sent_to_clerk', { documentId });
  return withEvent(next, ctx, 'document_issued', {
    documentId,
    numberSymbol,
    issuedDate: today,
    recipients: doc.recipients,
  });
}
