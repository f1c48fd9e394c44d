import type { TPracticeDocument } from '../../../contracts/practice';

export type Incoming = Extract<TPracticeDocument, { direction: 'incoming' }>;
export type Outgoing = Extract<TPracticeDocument, { direction: 'outgoing' }>;

const URGENCY_RANK: Record<Incoming['urgency'], number> = { hoa_toc: 0, thuong_khan: 1, khan: 2, thuong: 3 };

/** Presented to the candidate and not yet forwarded: the "Chờ xử lý" queue. */
export function isAwaiting(d: Incoming): boolean {
  return d.status === 'cho_xu_ly' && d.holder === 'candidate';
}

/**
 * The incoming register as the e-office lists it: newest arrival first (by arrival date, then number);
 * with `awaiting`, only the documents waiting for the candidate, the most urgent first.
 */
export function incomingList(docs: TPracticeDocument[], awaiting: boolean): Incoming[] {
  const all = docs.filter((d): d is Incoming => d.direction === 'incoming');
  const byArrival = (a: Incoming, b: Incoming) =>
    b.arrivalDate.localeCompare(a.arrivalDate) || b.arrivalNumber - a.arrivalNumber;
  if (!awaiting) return all.sort(byArrival);
  return all
    .filter(isAwaiting)
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || byArrival(a, b));
}

/** Outgoing documents: those waiting for the candidate (to sign, to send on) before the issued ones. */
export function outgoingList(docs: TPracticeDocument[]): Outgoing[] {
  const rank = { cho_ky: 0, da_ky: 1, da_phat_hanh: 2 } as const;
  return docs
    .filter((d): d is Outgoing => d.direction === 'outgoing')
    .sort((a, b) => rank[a.status] - rank[b.status]);
}
