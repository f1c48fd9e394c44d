import type {
  TExamMe,
  TExamSaveRequest,
  TExamSaveResponse,
  TExamState,
  TExamStatus,
  TExamSubmitResponse,
  TExamTime,
} from '../../contracts/exam';
import type { TPracticeView } from '../../contracts/practice';
import type { SendResult } from './sync/answer-sync';
import type { ClockSample } from './sync/clock';

/** A refusal from the server with its stable code and (Vietnamese) message; status 0 = no network. */
export class ExamApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';

/** This PC's login is gone: expired, or the proctor let another PC take the attempt over. */
export function loginLost(e: unknown): boolean {
  return e instanceof ExamApiError && (e.status === 401 || e.code === 'login_elsewhere');
}

/**
 * One call to `/api/exam/<path>`: JSON in and out, or a FormData body sent as multipart (uploads);
 * every POST carries the CSRF token.
 */
export async function examCall<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  try {
    res = await fetch(`/api/exam/${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
        ...(method === 'POST' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ExamApiError(0, 'network', 'network');
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    throw new ExamApiError(
      res.status,
      data?.code ?? 'internal_error',
      data?.message ?? res.statusText,
      data?.details,
    );
  }
  return data as T;
}
const call = examCall;

function remember(me: TExamMe): TExamMe {
  csrfToken = me.csrfToken;
  return me;
}

export const examApi = {
  login: (number: string, password: string) =>
    call<TExamMe>('POST', 'login', { number, password }).then(remember),
  me: () => call<TExamMe>('GET', 'me').then(remember),
  logout: () => call<void>('POST', 'logout', {}),
  status: () => call<TExamStatus>('GET', 'status'),
  state: () => call<TExamState>('GET', 'state'),
  submit: (final: TExamSaveRequest | undefined) =>
    call<TExamSubmitResponse>('POST', 'submit', final ? { final } : {}),
  /** The practice part of this attempt; `not_found` when the exam has none. */
  practice: () => call<TPracticeView>('GET', 'practice'),

  /** One clock sample: the server's time and when we asked and heard back. */
  async clockSample(): Promise<ClockSample> {
    const sentAt = Date.now();
    const { serverNow } = await call<TExamTime>('GET', 'time');
    return { sentAt, receivedAt: Date.now(), serverNow };
  },

  /** A save for the answer sync: network trouble is retried, a closed attempt or lost login is final. */
  async save(save: TExamSaveRequest): Promise<SendResult> {
    try {
      const r = await call<TExamSaveResponse>('POST', 'save', save);
      return { ok: true, ackSeq: r.ackSeq };
    } catch (e) {
      if (loginLost(e) || (e instanceof ExamApiError && e.code === 'attempt_closed')) {
        return { ok: false, closed: true };
      }
      return { ok: false, closed: false };
    }
  },
};
