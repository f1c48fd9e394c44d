import type { DocumentTypeCode, NumberRegister } from './numbering';
import type { HistoryAction, IncomingStatus, ScenarioQuestion, Urgency } from './scenario';

/**
 * The e-office and webmail world of one attempt, as plain JSON (stored as one document, kept after the
 * exam for review and appeals). Every transition returns a new state and appends to `events`.
 */
export interface SandboxState {
  version: 1;
  scenarioCode: string;
  createdAt: string;
  /** Set when the attempt ends: no transition is accepted afterwards. */
  closedAt?: string;
  candidate: SandboxCandidate;
  agency: { name: string; parentName?: string; abbreviation: string; place: string };
  directory: DirectoryEntry[];
  mails: Mail[];
  files: SandboxFile[];
  documents: SandboxDocument[];
  /** Outgoing number series of the agency (Sổ đăng ký văn bản đi). */
  register: NumberRegister;
  token: SigningToken;
  /** The scenario's questions the candidate answers in the sandbox (status tracking…). */
  questions: ScenarioQuestion[];
  answers: Answer[];
  events: SandboxEvent[];
}

/** The time and id source of a transition: the core reads no clock and makes no ids. */
export interface ActionContext {
  /** ISO date-time of the action (server clock). */
  now: string;
  /** A new id, unique within the sandbox. */
  newId: () => string;
}

export interface SandboxCandidate {
  name: string;
  email: string;
  position: string;
  /** Serial of the candidate's exam certificate, when issued. */
  certificateSerial?: string;
}

export const DIRECTORY_KINDS = ['candidate', 'clerk', 'unit', 'person', 'agency'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** An address-book entry: every actor with a mailbox in the sandbox. */
export interface DirectoryEntry {
  key: string;
  kind: DirectoryKind;
  name: string;
  email: string;
  abbreviation?: string;
  position?: string;
}

export const MAIL_FOLDERS = ['inbox', 'sent', 'drafts', 'trash', 'junk'] as const;
export type MailFolder = (typeof MAIL_FOLDERS)[number];

export interface MailAttachment {
  fileId: string;
  fileName: string;
}

/** One copy of a message in one mailbox (the sender's copy in "sent", each recipient's in "inbox"). */
export interface Mail {
  id: string;
  /** Address of the mailbox holding this copy. */
  owner: string;
  folder: MailFolder;
  /** Shared by every copy of one message. */
  messageId: string;
  /** Key of the scenario mail it was seeded from. */
  seedKey?: string;
  from: { name: string; email: string };
  to: string[];
  cc: string[];
  /** Only on the sender's copy. */
  bcc: string[];
  subject: string;
  body: string;
  attachments: MailAttachment[];
  at: string;
  read: boolean;
  /** Planted phishing mail (scenario data; never shown to the candidate). */
  phishing?: boolean;
  /** The owner reported it as phishing. */
  reported?: boolean;
  /** Ids of the attachments the owner opened or downloaded. */
  openedAttachments: string[];
  inReplyTo?: string;
  forwardOf?: string;
  /** Recipients with no mailbox in the sandbox. */
  undelivered?: string[];
  /** The issued document this mail delivers. */
  documentId?: string;
}

/** A file of the sandbox; the bytes live in the server's store (seed renderings, uploads, signed PDFs). */
export interface SandboxFile {
  id: string;
  /** Scenario file key, for seed files. */
  key?: string;
  fileName: string;
  mediaType: string;
  source: 'seed' | 'document' | 'upload';
  documentId?: string;
  /** Server's reference to uploaded bytes. */
  uploadRef?: string;
  /** Hex SHA-256 of the bytes, when the server knows it: an upload of a seed file matches it. */
  sha256?: string;
  size?: number;
}

export interface HistoryEntry {
  at: string;
  /** Directory key ("candidate", "van-thu", a unit…). */
  actor: string;
  action: HistoryAction;
  to?: string[];
  note?: string;
}

/** Bút phê: ý kiến chỉ đạo, chủ trì (XLC), phối hợp (PH), hạn xử lý (ND 30 Điều 23). */
export interface Directive {
  text: string;
  lead: string;
  cooperating: string[];
  /** YYYY-MM-DD. */
  deadline: string;
  at: string;
}

export interface IncomingDocument {
  id: string;
  key?: string;
  direction: 'incoming';
  type: DocumentTypeCode;
  numberSymbol: string;
  issuedDate: string;
  issuer: string;
  issuerName: string;
  subject: string;
  body: string;
  signer?: { position: string; name: string };
  arrivalNumber: number;
  arrivalDate: string;
  urgency: Urgency;
  fileId: string;
  status: IncomingStatus;
  /** Directory key of whoever holds it now. */
  holder: string;
  dueDate?: string;
  directive?: Directive;
  openedAt?: string;
  history: HistoryEntry[];
}

export const OUTGOING_STATUSES = ['cho_ky', 'da_ky', 'da_phat_hanh'] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export interface SignatureRecord {
  by: 'candidate' | 'agency';
  at: string;
  signerName: string;
  certificateSerial?: string;
  /** Server's reference to the signed revision of the PDF. */
  fileRef?: string;
}

export interface OutgoingDocument {
  id: string;
  key?: string;
  direction: 'outgoing';
  type: DocumentTypeCode;
  subject: string;
  body: string;
  recipients: string[];
  drafter?: string;
  agencyAbbreviation: string;
  unitAbbreviation?: string;
  signerPosition?: string;
  fileId: string;
  status: OutgoingStatus;
  holder: string;
  signatures: SignatureRecord[];
  codeNumber?: number;
  numberSymbol?: string;
  issuedDate?: string;
  sentToClerkAt?: string;
  issuedAt?: string;
  history: HistoryEntry[];
}

export type SandboxDocument = IncomingDocument | OutgoingDocument;

/** The candidate's exam token: 3 wrong PINs lock it for the rest of the attempt. */
export interface SigningToken {
  wrongPins: number;
  locked: boolean;
  lockedAt?: string;
}

export interface Answer {
  question: string;
  option?: string;
  text?: string;
  at: string;
}

/** Logged for disputes and review, never scored. */
export interface SandboxEvent {
  seq: number;
  at: string;
  type: string;
  data: Record<string, unknown>;
}
