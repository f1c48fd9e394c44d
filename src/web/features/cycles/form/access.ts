import type { TEntryView, TUnitForm } from '../../../../contracts/cycles';
import { formatInstant } from './format';
import type { FormKey } from './text';

type WindowName = TUnitForm['windowStatus'][number]['window'];
export type WindowStateName = 'not_open' | 'open' | 'closed';

export interface Notice {
  key: FormKey;
  values?: Record<string, string | number>;
  type: 'info' | 'warning';
}

export interface FormAccess {
  /** The signed-in user reports for this unit (only they write its form). */
  isUnitReporter: boolean;
  /** Self-assessment figures, evidence and assignments may change: a draft inside its window. */
  draftOpen: boolean;
  /** Indicators a reviewer sent back may get an explanation and new evidence. */
  answerOpen: boolean;
  /** Indicators with an open request for more evidence. */
  openRequests: number;
  /** The unit's explanation window was extended: a request's own deadline no longer applies. */
  explanationExtended: boolean;
  notices: Notice[];
}

/** A window's state now: the server's reading, closed once its deadline has passed in the meantime. */
export function windowNow(form: TUnitForm, name: WindowName, now: Date): WindowStateName | null {
  const w = form.windowStatus.find((s) => s.window === name);
  if (!w) return null;
  if (w.state === 'open' && now.getTime() >= new Date(w.closesAt).getTime()) return 'closed';
  return w.state;
}

/**
 * Who may write what on the form, and why not: only the unit's own reporters write; figures only in a
 * draft while the self-assessment window is open; indicators sent back while the explanation window is
 * open and before the request's deadline. The server checks all of this again; this only keeps read-only things read-only.
 */
export function formAccess(
  form: TUnitForm,
  user: { role: string; unitId: string | null },
  now: Date,
): FormAccess {
  const isUnitReporter = user.role === 'reporter' && user.unitId === form.unit.id;
  const self = form.windowStatus.find((s) => s.window === 'self_assessment');
  const selfState = windowNow(form, 'self_assessment', now);
  const openRequests = form.entries.filter((e) => e.review === 'requested').length;
  const answerWindow = windowNow(form, 'explanation', now) === 'open';
  const explanationExtended = form.windowStatus.some((w) => w.window === 'explanation' && w.extended);
  const draftOpen = isUnitReporter && form.state === 'draft' && selfState === 'open';
  const answerOpen = isUnitReporter && openRequests > 0 && answerWindow;

  const notices: Notice[] = [];
  const span = self ? { from: formatInstant(self.opensAt), to: formatInstant(self.closesAt) } : undefined;
  if (!isUnitReporter) notices.push({ key: 'readOnlyViewer', type: 'info' });
  else if (form.state !== 'draft') {
    if (openRequests === 0) notices.push({ key: 'readOnlySubmitted', type: 'info' });
  } else if (selfState === 'not_open')
    notices.push({ key: 'readOnlyNotOpen', values: span, type: 'warning' });
  else if (selfState === 'closed') notices.push({ key: 'readOnlyClosed', values: span, type: 'warning' });
  if (isUnitReporter && openRequests > 0) {
    notices.push(
      answerOpen
        ? { key: 'openRequests', values: { count: openRequests }, type: 'warning' }
        : { key: 'requestsClosed', type: 'info' },
    );
  }
  return { isUnitReporter, draftOpen, answerOpen, openRequests, explanationExtended, notices };
}

export interface EntryAccess {
  inputs: boolean;
  evidence: boolean;
  explanation: boolean;
  assignee: boolean;
}

/**
 * What may change on one indicator: in an open draft, everything but central figures and the explanation;
 * on an indicator sent back, the same plus the explanation, until the request's deadline (unless the
 * unit's explanation window was extended).
 */
export function entryAccess(
  access: FormAccess,
  entry: Pick<TEntryView, 'review' | 'central' | 'requestDeadline'>,
  now: Date,
): EntryAccess {
  const overdue =
    entry.requestDeadline !== null &&
    new Date(entry.requestDeadline).getTime() < now.getTime() &&
    !access.explanationExtended;
  const answering = access.answerOpen && entry.review === 'requested' && !overdue;
  const open = access.draftOpen || answering;
  return { inputs: open && !entry.central, evidence: open, explanation: answering, assignee: open };
}
