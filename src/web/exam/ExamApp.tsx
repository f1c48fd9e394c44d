import { useCallback, useEffect, useState } from 'react';
import type { TExamMe, TExamState } from '../../contracts/exam';
import { ExamApiError, examApi } from './api';
import { useText } from './i18n';
import { type ClockSample, clockOffset } from './sync/clock';
import { DoneView } from './views/DoneView';
import { ExamView } from './views/ExamView';
import { LoginView } from './views/LoginView';
import { TopBar } from './views/TopBar';
import { WaitingView } from './views/WaitingView';

type Screen =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'login'; notice?: string }
  | { kind: 'waiting'; me: TExamMe; paused: boolean }
  | { kind: 'exam'; me: TExamMe; state: TExamState; offsetMs: number }
  | { kind: 'done'; me: TExamMe | null; finalisedAt: string | null };

const WAIT_POLL_MS = 4000;

/** Three quick round trips to the server's clock; the fastest one sets the offset. */
async function measureOffset(): Promise<number> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < 3; i++) samples.push(await examApi.clockSample());
  return clockOffset(samples);
}

/** Login → waiting room → exam → done; the server's phase decides which screen shows. */
export function ExamApp() {
  const { t } = useText();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

  const enter = useCallback(async (me: TExamMe) => {
    try {
      const status = await examApi.status();
      if (status.phase === 'finalised') {
        const state = await examApi.state();
        return setScreen({ kind: 'done', me, finalisedAt: state.finalisedAt });
      }
      if (status.phase === 'in_progress' || (status.phase === 'paused' && status.startedAt)) {
        const [state, offsetMs] = await Promise.all([examApi.state(), measureOffset()]);
        return setScreen({ kind: 'exam', me, state, offsetMs });
      }
      setScreen({ kind: 'waiting', me, paused: status.phase === 'paused' });
    } catch (e) {
      setScreen(e instanceof ExamApiError && e.status === 401 ? { kind: 'login' } : { kind: 'error' });
    }
  }, []);

  const boot = useCallback(async () => {
    setScreen({ kind: 'loading' });
    try {
      await enter(await examApi.me());
    } catch (e) {
      setScreen(e instanceof ExamApiError && e.status === 401 ? { kind: 'login' } : { kind: 'error' });
    }
  }, [enter]);

  useEffect(() => {
    void boot();
  }, [boot]);

  // The waiting room asks the server every few seconds (spread out so a full hall does not ask at once).
  useEffect(() => {
    if (screen.kind !== 'waiting') return;
    const timer = setTimeout(() => void enter(screen.me), WAIT_POLL_MS + Math.random() * 2000);
    return () => clearTimeout(timer);
  }, [screen, enter]);

  switch (screen.kind) {
    case 'loading':
      return <TopBar me={null} />;
    case 'error':
      return (
        <>
          <TopBar me={null} />
          <main className="center">
            <section className="card" role="alert">
              <h1>{t('errorTitle')}</h1>
              <button type="button" className="primary" onClick={() => void boot()}>
                {t('retry')}
              </button>
            </section>
          </main>
        </>
      );
    case 'login':
      return (
        <>
          <TopBar me={null} />
          <LoginView notice={screen.notice} onLoggedIn={(me) => void enter(me)} />
        </>
      );
    case 'waiting':
      return (
        <>
          <TopBar me={screen.me} />
          <WaitingView me={screen.me} paused={screen.paused} />
        </>
      );
    case 'exam':
      return (
        <ExamView
          me={screen.me}
          initial={screen.state}
          offsetMs={screen.offsetMs}
          onFinal={(finalisedAt) => setScreen({ kind: 'done', me: screen.me, finalisedAt })}
          onLoginLost={() => setScreen({ kind: 'login', notice: t('loginLost') })}
        />
      );
    case 'done':
      return (
        <>
          <TopBar me={screen.me} />
          <DoneView finalisedAt={screen.finalisedAt} />
        </>
      );
  }
}
