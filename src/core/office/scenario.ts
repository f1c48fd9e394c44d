import type { TaskCheck } from './checks';
import type { DocumentTypeCode } from './numbering';

export type { TaskCheck };

/**
 * A practice scenario (đề thực hành): the seed of every candidate's e-office and webmail sandbox and the
 * tasks graded on its end state. One JSON document, format in docs/formats/practice-scenario.md.
 */
export interface Scenario {
  formatVersion: 1;
  /** Lower case, digits and "-": "cantho-2022-quan". */
  code: string;
  name: string;
  year: number;
  /** Points of the practice part = Σ task points (55 in 2022, 40 in 2023). */
  totalPoints: number;
  /** true = content written for practice, not an official exam paper. */
  illustrative?: boolean;
  description?: string;
  candidate: CandidateRole;
  actors: Actors;
  files: SeedFile[];
  mails: SeedMail[];
  incoming: SeedIncoming[];
  drafts: SeedDraft[];
  questions: ScenarioQuestion[];
  tasks: ScenarioTask[];
}

/** The reserved actor key of the candidate (a leader of `candidate.agency`). */
export const CANDIDATE_KEY = 'candidate';

export interface CandidateRole {
  /** Shown above the signature: "Phó Chủ tịch". */
  position: string;
  agency: {
    name: string;
    /** The managing body printed above the agency's name ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"). */
    parentName?: string;
    /** Used in symbols: "UBND" → 05/QĐ-UBND. */
    abbreviation: string;
    /** Place name of the date line (địa danh): "Ninh Kiều". */
    place: string;
    /** Last outgoing number already given this year; the sandbox's series continues after it (default 0). */
    lastOutgoingNumber?: number;
  };
}

export interface Actor {
  /** Unique across all actors; referenced by drafts, directives and checks. */
  key: string;
  name: string;
  /** Mailbox address inside the sandbox. */
  email: string;
}
/** A department (phòng, ban) of the candidate's agency: a chủ trì or phối hợp of a directive. */
export interface UnitActor extends Actor {
  abbreviation?: string;
  /** Name of its head, shown in the processing history. */
  head?: string;
}
export interface PersonActor extends Actor {
  position: string;
  /** Key of the person's unit. */
  unit?: string;
}
/** Another agency: issuer of incoming documents, recipient of issued ones. */
export interface AgencyActor extends Actor {
  abbreviation: string;
}
export interface Actors {
  /** The agency's văn thư, played by the system. */
  clerk: PersonActor;
  units: UnitActor[];
  people: PersonActor[];
  agencies: AgencyActor[];
}

/** A file the seed refers to by key: mail attachments. PDFs are rendered from title and body. */
export interface SeedFile {
  key: string;
  fileName: string;
  mediaType: string;
  title?: string;
  body: string;
}

export interface SeedMail {
  key: string;
  from: { name: string; email: string };
  /** Addresses; absent = the candidate. */
  to?: string[];
  cc?: string[];
  subject: string;
  body: string;
  /** ISO date-time with offset, "2022-09-14T08:15:00+07:00". */
  sentAt: string;
  /** Keys of `files`. */
  attachments?: string[];
  /** A phishing mail planted for the information-security task. */
  phishing?: boolean;
  read?: boolean;
}

export const URGENCIES = ['thuong', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const INCOMING_STATUSES = ['cho_xu_ly', 'dang_xu_ly', 'hoan_thanh'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

export const HISTORY_ACTIONS = [
  'tiep_nhan',
  'vao_so',
  'trinh',
  'xem',
  'but_phe',
  'chuyen_xu_ly',
  'giao_xu_ly',
  'hoan_thanh',
  'ky_so',
  'chuyen_van_thu',
  'cap_so',
  'ky_so_co_quan',
  'phat_hanh',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** One line of a document's processing history (TraceHeaderList). */
export interface SeedHistoryEntry {
  at: string;
  /** Actor key or "candidate". */
  actor: string;
  action: HistoryAction;
  /** Actor keys the document went to. */
  to?: string[];
  note?: string;
}

/** An incoming document (văn bản đến) already received and registered by the văn thư. */
export interface SeedIncoming {
  key: string;
  type: DocumentTypeCode;
  /** Số, ký hiệu as issued: "2150/STTTT-BCVT". */
  numberSymbol: string;
  /** YYYY-MM-DD. */
  issuedDate: string;
  /** Key of the issuing agency (actors.agencies). */
  issuer: string;
  /** Trích yếu. */
  subject: string;
  /** Text rendered as the document's PDF. */
  body: string;
  signer?: { position: string; name: string };
  /** Số đến, and the date it was registered. */
  arrivalNumber: number;
  arrivalDate: string;
  urgency?: Urgency;
  /** Where it stands at the start; absent = waiting for the candidate (chờ xử lý). */
  progress?: {
    status: IncomingStatus;
    /** Actor key of whoever holds it now. */
    holder: string;
    dueDate?: string;
    history: SeedHistoryEntry[];
  };
}

/** A draft outgoing document (dự thảo văn bản đi) waiting for the candidate's signature. */
export interface SeedDraft {
  key: string;
  type: DocumentTypeCode;
  subject: string;
  body: string;
  /** Actor keys (units, people, agencies) it is issued to. */
  recipients: string[];
  /** Key of the officer who drafted it. */
  drafter?: string;
  /** Drafting unit's abbreviation: the second group of a công văn's symbol (12/UBND-VP). */
  unitAbbreviation?: string;
  /** Issuing agency's abbreviation when not the candidate's agency's. */
  agencyAbbreviation?: string;
  /** Signing form and position: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
  signerPosition?: string;
}

export interface ScenarioQuestion {
  key: string;
  prompt: string;
  /** Multiple choice when present; otherwise a short text answer. */
  options?: { code: string; text: string }[];
}

export interface ScenarioTask {
  id: string;
  title: string;
  /** What the candidate reads, in Vietnamese. */
  instruction: string;
  /** = Σ points of its checks. */
  points: number;
  checks: TaskCheck[];
}
