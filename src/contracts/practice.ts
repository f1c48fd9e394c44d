import { z } from 'zod';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../core/office/numbering';
import { HISTORY_ACTIONS, INCOMING_STATUSES, URGENCIES } from '../core/office/scenario';
import { DIRECTORY_KINDS, MAIL_FOLDERS, OUTGOING_STATUSES } from '../core/office/state';

/**
 * The candidate's practice API (`/api/exam/practice/*`): their view of the sandbox (own mailbox,
 * e-office, signing token, questions) and what they do in it. The view never carries scenario data
 * a candidate must not see: other mailboxes, planted phishing flags, task checks, scores.
 */

const ZPerson = z.object({ name: z.string(), email: z.string() });

export const ZPracticeMail = z.object({
  id: z.string(),
  folder: z.enum(MAIL_FOLDERS),
  messageId: z.string(),
  from: ZPerson,
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ fileId: z.string(), fileName: z.string() })),
  at: z.string(),
  read: z.boolean(),
  reported: z.boolean(),
  inReplyTo: z.string().optional(),
  forwardOf: z.string().optional(),
  undelivered: z.array(z.string()).optional(),
  documentId: z.string().optional(),
});
export type TPracticeMail = z.infer<typeof ZPracticeMail>;

export const ZPracticeHistory = z.object({
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  action: z.enum(HISTORY_ACTIONS),
  to: z.array(z.string()).optional(),
  note: z.string().optional(),
});

const ZDocumentCommon = {
  id: z.string(),
  type: z.enum(Object.keys(DOCUMENT_TYPES) as [DocumentTypeCode, ...DocumentTypeCode[]]),
  subject: z.string(),
  fileId: z.string(),
  /** Directory key of whoever holds it now, and their name. */
  holder: z.string(),
  holderName: z.string(),
  history: z.array(ZPracticeHistory),
};

export const ZPracticeIncoming = z.object({
  ...ZDocumentCommon,
  direction: z.literal('incoming'),
  numberSymbol: z.string(),
  issuedDate: z.string(),
  issuerName: z.string(),
  arrivalNumber: z.number().int(),
  arrivalDate: z.string(),
  urgency: z.enum(URGENCIES),
  status: z.enum(INCOMING_STATUSES),
  dueDate: z.string().optional(),
  directive: z
    .object({
      text: z.string(),
      lead: z.string(),
      cooperating: z.array(z.string()),
      deadline: z.string(),
      at: z.string(),
    })
    .optional(),
  openedAt: z.string().optional(),
});

export const ZPracticeOutgoing = z.object({
  ...ZDocumentCommon,
  direction: z.literal('outgoing'),
  recipients: z.array(z.string()),
  status: z.enum(OUTGOING_STATUSES),
  signatures: z.array(
    z.object({ by: z.enum(['candidate', 'agency']), at: z.string(), signerName: z.string() }),
  ),
  numberSymbol: z.string().optional(),
  issuedDate: z.string().optional(),
});

export const ZPracticeDocument = z.discriminatedUnion('direction', [ZPracticeIncoming, ZPracticeOutgoing]);
export type TPracticeDocument = z.infer<typeof ZPracticeDocument>;

export const ZPracticeView = z.object({
  /** Names the state the candidate sees; every write sends it back (a stale one is refused). */
  seq: z.number().int(),
  /** The attempt is over (or not open yet): the view is read-only. */
  closed: z.boolean(),
  scenario: z.object({
    code: z.string(),
    name: z.string(),
    totalPoints: z.number(),
    description: z.string().optional(),
    tasks: z.array(
      z.object({ id: z.string(), title: z.string(), instruction: z.string(), points: z.number() }),
    ),
  }),
  candidate: z.object({
    name: z.string(),
    email: z.string(),
    position: z.string(),
    /** The exam certificate in the signing token; null until issued. */
    certificate: z
      .object({ serial: z.string(), subject: z.string(), issuer: z.string(), validTo: z.string() })
      .nullable(),
  }),
  agency: z.object({ name: z.string(), abbreviation: z.string(), place: z.string() }),
  directory: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(DIRECTORY_KINDS),
      name: z.string(),
      email: z.string(),
      position: z.string().optional(),
    }),
  ),
  /** The candidate's own mailbox only. */
  mails: z.array(ZPracticeMail),
  /** Files the candidate may attach or open: documents, their uploads, their mails' attachments. */
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      source: z.enum(['seed', 'document', 'upload']),
      documentId: z.string().optional(),
    }),
  ),
  documents: z.array(ZPracticeDocument),
  token: z.object({ wrongPins: z.number().int(), locked: z.boolean(), attemptsLeft: z.number().int() }),
  questions: z.array(
    z.object({
      key: z.string(),
      prompt: z.string(),
      options: z.array(z.object({ code: z.string(), text: z.string() })).optional(),
    }),
  ),
  answers: z.array(
    z.object({
      question: z.string(),
      option: z.string().optional(),
      text: z.string().optional(),
      at: z.string(),
    }),
  ),
});
export type TPracticeView = z.infer<typeof ZPracticeView>;

const ZId = z.string().min(1).max(100);
const ZAddressList = z.array(z.string().max(320)).max(50);

export const ZComposeInput = z.object({
  to: ZAddressList,
  cc: ZAddressList.optional(),
  bcc: ZAddressList.optional(),
  subject: z.string().max(500),
  body: z.string().max(50_000),
  attachments: z
    .array(
      z.union([
        z.object({ fileId: ZId }),
        z.object({ documentId: ZId }),
        /** A file stored by `POST /api/exam/practice/uploads`: only its ref counts. */
        z.object({ upload: z.object({ ref: ZId }) }),
      ]),
    )
    .max(20)
    .optional(),
  inReplyTo: ZId.optional(),
  forwardOf: ZId.optional(),
  draftId: ZId.optional(),
});
export type TComposeInput = z.infer<typeof ZComposeInput>;

/** What the candidate does in the webmail and the e-office (signing and the văn thư have own routes). */
export const ZPracticeAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send_mail'), input: ZComposeInput }),
  z.object({ type: z.literal('save_mail_draft'), input: ZComposeInput }),
  z.object({ type: z.literal('mark_read'), mailId: ZId, read: z.boolean() }),
  z.object({ type: z.literal('move_to_trash'), mailId: ZId }),
  z.object({ type: z.literal('report_phishing'), mailId: ZId }),
  z.object({ type: z.literal('restore_mail'), mailId: ZId }),
  z.object({ type: z.literal('open_document'), documentId: ZId }),
  z.object({
    type: z.literal('write_directive'),
    documentId: ZId,
    input: z.object({
      text: z.string().max(2000),
      lead: ZId,
      cooperating: z.array(ZId).max(30).optional(),
      deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Hạn xử lý phải có dạng YYYY-MM-DD'),
    }),
  }),
  z.object({ type: z.literal('forward_document'), documentId: ZId }),
  z.object({
    type: z.literal('answer_question'),
    question: ZId,
    option: z.string().max(20).optional(),
    text: z.string().max(2000).optional(),
  }),
]);
export type TPracticeAction = z.infer<typeof ZPracticeAction>;

export const ZPracticeActionRequest = z.object({ seq: z.number().int().min(0), action: ZPracticeAction });
export type TPracticeActionRequest = z.infer<typeof ZPracticeActionRequest>;

export const ZPracticeSignRequest = z.object({
  seq: z.number().int().min(0),
  documentId: ZId,
  pin: z.string().trim().min(1, 'Nhập mã PIN').max(32),
});
export type TPracticeSignRequest = z.infer<typeof ZPracticeSignRequest>;

/** A wrong PIN is an answer: the count (and the lock on the third) is in the view. */
export const ZPracticeSignResponse = z.object({
  signed: z.boolean(),
  attemptsLeft: z.number().int(),
  locked: z.boolean(),
  view: ZPracticeView,
});
export type TPracticeSignResponse = z.infer<typeof ZPracticeSignResponse>;

export const ZPracticeClerkRequest = z.object({ seq: z.number().int().min(0), documentId: ZId });
export type TPracticeClerkRequest = z.infer<typeof ZPracticeClerkRequest>;
export const ZPracticeClerkResponse = z.object({ numberSymbol: z.string(), view: ZPracticeView });
export type TPracticeClerkResponse = z.infer<typeof ZPracticeClerkResponse>;

export const ZPracticeUpload = z.object({
  ref: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type TPracticeUpload = z.infer<typeof ZPracticeUpload>;

/** `GET /api/exam/practice/files/:fileId`: the file's bytes (PDFs inline, for the browser's viewer). */
export const ZPracticeFileParams = z.object({ fileId: ZId });
/**
 * `mail`: the candidate opens this file as an attachment of that mail of theirs; the server records it
 * (`open_attachment`) before sending the bytes, whatever the client does.
 */
export const ZPracticeFileQuery = z.object({ mail: ZId.optional() });
