import { nameOf, normaliseAddress, vnDate } from './helpers';
import type { HistoryAction } from './scenario';
import { CANDIDATE_KEY } from './scenario';
import type { IncomingDocument, OutgoingDocument, SandboxDocument, SandboxState } from './state';

/** Vietnamese labels of document statuses as the e-office shows them. */
export const STATUS_LABELS: Record<SandboxDocument['status'], string> = {
  cho_xu_ly: 'Chờ xử lý',
  dang_xu_ly: 'Đang xử lý',
  hoan_thanh: 'Đã hoàn thành',
  cho_ky: 'Chờ ký',
  da_ky: 'Đã ký, chờ chuyển văn thư',
  da_phat_hanh: 'Đã phát hành',
};

/** Vietnamese labels of processing-history actions. */
export const HISTORY_LABELS: Record<HistoryAction, string> = {
  tiep_nhan: 'Tiếp nhận',
  vao_so: 'Vào sổ văn bản đến',
  trinh: 'Trình',
  xem: 'Xem văn bản',
  but_phe: 'Bút phê',
  chuyen_xu_ly: 'Chuyển xử lý',
  giao_xu_ly: 'Giao chuyên viên xử lý',
  hoan_thanh: 'Hoàn thành xử lý',
  ky_so: 'Ký số',
  chuyen_van_thu: 'Chuyển văn thư',
  cap_so: 'Cấp số, ngày ban hành',
  ky_so_co_quan: 'Ký số của cơ quan',
  phat_hanh: 'Phát hành',
};

/** A document's processing status as the tracking screen shows it ("theo dõi tình hình xử lý"). */
export interface TrackingView {
  status: string;
  holder: string;
  deadline?: string;
  /** Past its deadline and not completed, counted in Vietnam's calendar. */
  overdue: boolean;
  history: { at: string; actor: string; action: string; to: string[]; note?: string }[];
}

/** The tracking view of a document at instant `now`, with names instead of keys. */
export function trackingView(state: SandboxState, doc: SandboxDocument, now: string): TrackingView {
  const deadline = doc.direction === 'incoming' ? doc.dueDate : undefined;
  const open = doc.status !== 'hoan_thanh' && doc.status !== 'da_phat_hanh';
  return {
    status: STATUS_LABELS[doc.status],
    holder: nameOf(state, doc.holder),
    ...(deadline ? { deadline } : {}),
    overdue: Boolean(deadline && open && deadline < vnDate(now)),
    history: doc.history.map((h) => ({
      at: h.at,
      actor: nameOf(state, h.actor),
      action: HISTORY_LABELS[h.action],
      to: (h.to ?? []).map((k) => nameOf(state, k)),
      ...(h.note ? { note: h.note } : {}),
    })),
  };
}

/** "Văn bản đến chờ xử lý": incoming documents presented to the candidate and not yet forwarded. */
export function incomingAwaiting(state: SandboxState): IncomingDocument[] {
  return state.documents.filter(
    (d): d is IncomingDocument =>
      d.direction === 'incoming' && d.status === 'cho_xu_ly' && d.holder === CANDIDATE_KEY,
  );
}

/** "Văn bản đi chờ ký": drafts presented to the candidate for signature. */
export function draftsAwaitingSignature(state: SandboxState): OutgoingDocument[] {
  return state.documents.filter(
    (d): d is OutgoingDocument => d.direction === 'outgoing' && d.status === 'cho_ky',
  );
}

/** Unread mails in the candidate's inbox. */
export function unreadCount(state: SandboxState): number {
  const own = normaliseAddress(state.candidate.email);
  return state.mails.filter((m) => normaliseAddress(m.owner) === own && m.folder === 'inbox' && !m.read)
    .length;
}
