import { useCallback, useRef, useState } from 'react';
import type { TPracticeAction, TPracticeView } from '../../../contracts/practice';
import { ExamApiError, loginLost } from '../api';
import { practiceApi } from './practice-api';
import { sendFresh } from './stale';

export type Notice = { kind: 'info' | 'error' | 'success'; text: string } | null;

const STALE =
  'Dữ liệu bài thực hành vừa thay đổi (có thể từ một cửa sổ khác) nên thao tác chưa được ghi nhận. Màn hình đã tải lại dữ liệu mới nhất, vui lòng kiểm tra rồi thực hiện lại.';
const NETWORK = 'Mất kết nối với máy chủ, thao tác chưa được ghi nhận. Vui lòng thử lại.';

/** What the practice screens can do: every change goes through here, one at a time. */
export interface PracticeOps {
  view: TPracticeView;
  /** A request is under way. */
  busy: boolean;
  /** Nothing may change: the attempt is over, paused or out of time. */
  readOnly: boolean;
  /** Sends an action; null when it did not go through (the candidate has been told why). */
  act: (action: TPracticeAction, opts?: { replay?: boolean; done?: string }) => Promise<TPracticeView | null>;
  /** Runs a call that answers with a new view (signing, văn thư), with the same handling of refusals. */
  call: <T extends { view: TPracticeView }>(send: (seq: number) => Promise<T>) => Promise<T | null>;
  refresh: () => Promise<void>;
  notify: (notice: Notice) => void;
  notice: Notice;
}

/** The practice view as the server last gave it, and the changes sent against it. */
export function usePractice(initial: TPracticeView, locked: boolean, onLoginLost: () => void): PracticeOps {
  const [view, setView] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, notify] = useState<Notice>(null);
  const latest = useRef(initial);
  const show = useCallback((v: TPracticeView) => {
    latest.current = v;
    setView(v);
  }, []);

  const refresh = useCallback(async () => {
    try {
      show(await practiceApi.view());
    } catch (e) {
      if (loginLost(e)) onLoginLost();
    }
  }, [show, onLoginLost]);

  const fail = useCallback(
    (e: unknown) => {
      if (loginLost(e)) return onLoginLost();
      if (!(e instanceof ExamApiError) || e.status === 0) return notify({ kind: 'error', text: NETWORK });
      notify({ kind: 'error', text: e.message });
      if (e.code === 'attempt_closed' || e.code === 'conflict' || e.code === 'not_found') void refresh();
    },
    [onLoginLost, refresh],
  );

  const call = useCallback(
    async <T extends { view: TPracticeView }>(send: (seq: number) => Promise<T>, replay = false) => {
      setBusy(true);
      try {
        const r = await sendFresh(latest.current.seq, send, practiceApi.view, replay);
        if (r.kind === 'stale') {
          show(r.view);
          notify({ kind: 'info', text: STALE });
          return null;
        }
        show(r.result.view);
        return r.result;
      } catch (e) {
        fail(e);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [show, fail],
  );

  const act = useCallback(
    async (action: TPracticeAction, opts: { replay?: boolean; done?: string } = {}) => {
      const r = await call(
        async (seq) => ({ view: await practiceApi.act(seq, action) }),
        opts.replay ?? false,
      );
      if (r && opts.done) notify({ kind: 'success', text: opts.done });
      return r?.view ?? null;
    },
    [call],
  );

  return { view, busy, readOnly: locked || view.closed, act, call, refresh, notify, notice };
}
