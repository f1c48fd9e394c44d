/**
 * End-state checks of practice tasks. Each check is worth its own points (partial credit within a
 * task) and passes or fails on the final sandbox state alone: order of actions and retries do not count.
 */
export const CHECK_KINDS = [
  'mail_sent',
  'directive_given',
  'document_signed',
  'document_issued',
  'question_answered',
  'attachment_not_opened',
  'mail_reported',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

interface CheckBase {
  /** Unique within its task. */
  id: string;
  points: number;
  /** What the check looks for, in Vietnamese ("Gửi đúng địa chỉ người nhận"). */
  label: string;
}

/** A file attached to a sent mail: a seed file (by key, or an upload with the same hash) or a document. */
export type ExpectedAttachment = { file: string } | { document: string };

/**
 * Some mail the candidate sent satisfies every condition given (conditions left out are not checked).
 * Text conditions ignore case and diacritics.
 */
export interface MailSentCheck extends CheckBase {
  kind: 'mail_sent';
  /** Every address is in To. */
  to?: string[];
  /** Every address is in Cc. */
  cc?: string[];
  /** Every address is in To or Cc. */
  recipients?: string[];
  subjectContains?: string[];
  bodyContains?: string[];
  attachments?: ExpectedAttachment[];
}

/** The latest bút phê on an incoming document; every condition given must hold. */
export interface DirectiveCheck extends CheckBase {
  kind: 'directive_given';
  document: string;
  /** Actor key of the chủ trì (XLC). */
  lead?: string;
  /** Actor keys of the phối hợp (PH). */
  cooperating?: string[];
  /** `exact` (default): the same set; `includes`: at least these. */
  cooperatingMode?: 'exact' | 'includes';
  /** Hạn xử lý, YYYY-MM-DD: exactly `on`, or on or before `onOrBefore`. */
  deadline?: { on?: string; onOrBefore?: string };
  /** The directive text is not empty (default true). */
  requireText?: boolean;
  textContains?: string[];
  /** The document has been forwarded (left "chờ xử lý"); default true. */
  requireForwarded?: boolean;
}

/** The draft carries a valid signature made with the candidate's exam certificate. */
export interface SignedCheck extends CheckBase {
  kind: 'document_signed';
  document: string;
}

/**
 * The draft went to the văn thư and was issued with a number of the agency's ND 30 series; optionally
 * with this symbol ("QĐ-UBND") and delivered to every intended recipient.
 */
export interface IssuedCheck extends CheckBase {
  kind: 'document_issued';
  document: string;
  notation?: string;
  delivered?: boolean;
}

/** A question answered with one of the accepted option codes or texts (case and diacritics ignored). */
export interface QuestionCheck extends CheckBase {
  kind: 'question_answered';
  question: string;
  acceptOptions?: string[];
  acceptTexts?: string[];
}

/**
 * No attachment of the seed mail was opened. With `requireSeen`, the candidate must also have dealt with
 * the mail (read, reported or deleted it), so doing nothing earns nothing.
 */
export interface AttachmentNotOpenedCheck extends CheckBase {
  kind: 'attachment_not_opened';
  mail: string;
  requireSeen?: boolean;
}

/** The seed mail was reported as phishing (or, with `acceptDeleted`, moved to the trash). */
export interface MailReportedCheck extends CheckBase {
  kind: 'mail_reported';
  mail: string;
  acceptDeleted?: boolean;
}

export type TaskCheck =
  | MailSentCheck
  | DirectiveCheck
  | SignedCheck
  | IssuedCheck
  | QuestionCheck
  | AttachmentNotOpenedCheck
  | MailReportedCheck;
