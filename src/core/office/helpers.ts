import { AppError } from '../shared/app-error';
import { formatDateVn } from '../shared/dates';
import type {
  ActionContext,
  DirectoryEntry,
  Mail,
  SandboxDocument,
  SandboxEvent,
  SandboxState,
} from './state';

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** True for an ISO date-time with a time zone ("2022-09-15T08:00:00+07:00", "…Z"). */
export function isDateTime(text: unknown): text is string {
  return typeof text === 'string' && DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vnDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new AppError('validation_failed', `Thời điểm “${iso}” không hợp lệ`);
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** "dd/mm/yyyy HH:mm" of an instant in Asia/Ho_Chi_Minh. */
export function formatDateTimeVn(iso: string): string {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString();
  return `${formatDateVn(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** True for a plausible mail address (one @, a dotted domain, no spaces). */
export function isEmail(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 254 && EMAIL.test(text);
}

/** Mail addresses compare case-insensitively and without surrounding spaces. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** Refuses any change once the attempt is closed. */
export function assertOpen(state: SandboxState): void {
  if (state.closedAt)
    throw new AppError('attempt_closed', 'Bài thực hành đã kết thúc, không thể thao tác thêm');
}

/** Appends one event (logged for disputes, not scored). */
export function withEvent(
  state: SandboxState,
  ctx: ActionContext,
  type: string,
  data: Record<string, unknown>,
): SandboxState {
  const event: SandboxEvent = { seq: state.events.length + 1, at: ctx.now, type, data };
  return { ...state, events: [...state.events, event] };
}

/** A mail of the candidate's own mailbox; other mailboxes are not the candidate's to touch. */
export function candidateMail(state: SandboxState, mailId: string): Mail {
  const mail = state.mails.find((m) => m.id === mailId);
  if (!mail || normaliseAddress(mail.owner) !== normaliseAddress(state.candidate.email)) {
    throw new AppError('not_found', 'Không tìm thấy thư trong hộp thư của bạn');
  }
  return mail;
}

/** Replaces one mail copy by id. */
export function replaceMail(state: SandboxState, mail: Mail): SandboxState {
  return { ...state, mails: state.mails.map((m) => (m.id === mail.id ? mail : m)) };
}

/** A document of the sandbox by id. */
export function findDocument(state: SandboxState, documentId: string): SandboxDocument {
  const doc = state.documents.find((d) => d.id === documentId);
  if (!doc) throw new AppError('not_found', 'Không tìm thấy văn bản');
  return doc;
}

/** Replaces one document by id. */
export function replaceDocument(state: SandboxState, doc: SandboxDocument): SandboxState {
  return { ...state, documents: state.documents.map((d) => (d.id === doc.id ? doc : d)) };
}

/** The directory entry of a key or an address (case-insensitive), if any. */
export function lookup(state: SandboxState, keyOrAddress: string): DirectoryEntry | undefined {
  const address = normaliseAddress(keyOrAddress);
  return state.directory.find((e) => e.key === keyOrAddress || normaliseAddress(e.email) === address);
}

/** The display name of a directory key (the key itself when unknown). */
export function nameOf(state: SandboxState, key: string): string {
  return state.directory.find((e) => e.key === key)?.name ?? key;
}

/** A file name for a document's PDF: the number with "/" turned into "-" ("2150-STTTT-BCVT.pdf"). */
export function documentFileName(label: string): string {
  return `${label.replace(/[/\\\s]+/g, '-')}.pdf`;
}
