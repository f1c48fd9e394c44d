import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { TExamMe, TExamState } from '../../../contracts/exam';
import type { TPracticeView } from '../../../contracts/practice';
import { ExamApiError, examApi, loginLost } from '../api';
import { useText } from '../i18n';
import { isAnswered, toggleOption } from '../paper';
import { AnswerSync, type SaveStatus } from '../sync/answer-sync';
import { Countdown } from './Countdown';
import { Navigator } from './Navigator';
import { QuestionPanel } from './QuestionPanel';
import { SaveBadge } from './SaveBadge';
import { SubmitDialog } from './SubmitDialog';
import { TopBar } from './TopBar';

interface Props {
  me: TExamMe;
  initial: TExamState;
  offsetMs: number;
  onFinal: (finalisedAt: string | null) => void;
  /** This PC no longer holds the attempt (another PC took over, or the login expired). */
  onLoginLost: () => void;
}

// The practice part (webmail, e-office, signing) is fetched only for an exam that has one.
const loadPractice = () => import('../practice/PracticeApp');
const PracticeApp = lazy(loadPractice);
const PRACTICE_RETRY_MS = 4000;

const HEARTBEAT_MS = 15_000;
const AFTER_DEADLINE_POLL_MS = 3_000;

/** The exam itself: questions, navigator, timer, saving; the server decides when it ends. */
export function ExamView({ me, initial, offsetMs, onFinal, onLoginLost }: Props) {
  const { t } = useText();
  const questions = initial.questions;
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [sync] = useState(
    () =>
      new AnswerSync(
        {
          attemptId: initial.attemptId,
          lastSeq: initial.lastSeq,
          answers: initial.answers,
          flagged: initial.flagged,
        },
        { store: localStorage, send: examApi.save, onStatus: (s) => setStatus(s) },
      ),
  );
  const [answers, setAnswers] = useState(sync.current.answers);
  const [flagged, setFlagged] = useState(sync.current.flagged);
  const [current, setCurrent] = useState(0);
  const [deadline, setDeadline] = useState(initial.deadlineAt ? Date.parse(initial.deadlineAt) : 0);
  const [paused, setPaused] = useState(initial.phase === 'paused');
  const [timeUp, setTimeUp] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const finished = useRef(false);
  const [practice, setPractice] = useState<TPracticeView | null>(null);
  const [part, setPart] = useState<'theory' | 'practice'>('theory');
  const [practiceSeen, setPracticeSeen] = useState(false);

  // Does this exam have a practice part? `not_found` says no; network trouble is asked again.
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const probe = async (tries: number) => {
      try {
        const view = await examApi.practice();
        if (stop) return;
        void loadPractice();
        setPractice(view);
      } catch (e) {
        if (stop) return;
        if (loginLost(e)) return onLoginLost();
        if (e instanceof ExamApiError && e.code === 'not_found') return;
        if (tries < 10) timer = setTimeout(() => void probe(tries + 1), PRACTICE_RETRY_MS * (tries + 1));
      }
    };
    void probe(0);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [onLoginLost]);

  const showPart = (next: 'theory' | 'practice') => {
    setPart(next);
    if (next === 'practice') setPracticeSeen(true);
  };

  const finish = useCallback(
    (at: string | null) => {
      if (finished.current) return;
      finished.current = true;
      onFinal(at);
    },
    [onFinal],
  );

  // Unsent local changes from before a reload go out at once.
  useEffect(() => {
    setStatus(sync.status);
    void sync.flush();
    const online = () => void sync.flush();
    const leave = (e: BeforeUnloadEvent) => {
      if (sync.status !== 'saved' && sync.status !== 'closed') e.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', leave);
    };
  }, [sync]);

  // The server's word on pause, extra time and the end; more often once the clock shows zero.
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const s = await examApi.status();
        if (stop) return;
        if (s.phase === 'finalised') {
          await sync.flush();
          const final = await examApi.state().catch(() => null);
          return finish(final?.finalisedAt ?? null);
        }
        setPaused(s.phase === 'paused');
        if (s.deadlineAt) {
          const next = Date.parse(s.deadlineAt);
          setDeadline(next);
          if (next > Date.now() + offsetMs) setTimeUp(false);
        }
      } catch (e) {
        if (loginLost(e)) return onLoginLost();
      }
      if (!stop)
        timer = setTimeout(poll, timeUp ? AFTER_DEADLINE_POLL_MS : HEARTBEAT_MS + Math.random() * 3000);
    };
    timer = setTimeout(poll, timeUp ? AFTER_DEADLINE_POLL_MS : HEARTBEAT_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [sync, finish, offsetMs, timeUp, onLoginLost]);

  const onExpire = useCallback(() => {
    setTimeUp(true);
    setConfirming(false);
    // Within the grace period the server still takes the last changes.
    void sync.flush();
  }, [sync]);

  const locked = timeUp || paused || status === 'closed' || submitting;
  const question = questions[current];

  const change = (nextAnswers: typeof answers, nextFlagged: string[]) => {
    setAnswers(nextAnswers);
    setFlagged(nextFlagged);
    sync.change(nextAnswers, nextFlagged);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError('');
    try {
      await sync.flush();
      const cur = sync.current;
      // Nothing ever answered or flagged (seq 0): there is no final state to send, only the hand-in.
      const r = await examApi.submit(
        cur.seq > 0 ? { seq: cur.seq, answers: cur.answers, flagged: cur.flagged } : undefined,
      );
      finish(r.finalisedAt);
    } catch (e) {
      if (loginLost(e)) return onLoginLost();
      if (e instanceof ExamApiError && e.code === 'attempt_closed') return finish(null);
      setSubmitError(e instanceof ExamApiError && e.status !== 0 ? e.message : t('errorTitle'));
      setSubmitting(false);
    }
  };

  const unanswered = questions.flatMap((q, i) => (isAnswered(answers, q.versionId) ? [] : [i + 1]));
  return (
    <>
      <TopBar me={me}>
        <SaveBadge status={status} />
        <Countdown deadlineMs={deadline} offsetMs={offsetMs} paused={paused} onExpire={onExpire} />
      </TopBar>
      {paused && <div className="banner info">{t('paused')}</div>}
      {timeUp && (
        <div className="banner" role="alert">
          {t('timeUp')}
        </div>
      )}
      {submitError && (
        <div className="banner" role="alert">
          {submitError}
        </div>
      )}
      {practice && (
        <div className="parts">
          <div role="tablist" aria-label={t('parts')} className="tabs">
            <button
              type="button"
              role="tab"
              id="part-theory"
              aria-selected={part === 'theory'}
              aria-controls="part-theory-panel"
              className={part === 'theory' ? 'tab on' : 'tab'}
              onClick={() => showPart('theory')}
            >
              {t('theoryPart')}
              <span className="count muted">
                {questions.length - unanswered.length}/{questions.length}
              </span>
            </button>
            <button
              type="button"
              role="tab"
              id="part-practice"
              aria-selected={part === 'practice'}
              aria-controls="part-practice-panel"
              className={part === 'practice' ? 'tab on' : 'tab'}
              onClick={() => showPart('practice')}
            >
              {t('practicePart')}
            </button>
          </div>
          {part === 'practice' && (
            <button type="button" className="primary" onClick={() => setConfirming(true)} disabled={locked}>
              {t('submit')}
            </button>
          )}
        </div>
      )}
      <main>
        <div
          className="layout"
          hidden={part !== 'theory'}
          {...(practice
            ? { id: 'part-theory-panel', role: 'tabpanel', 'aria-labelledby': 'part-theory' }
            : {})}
        >
          {question && (
            <QuestionPanel
              question={question}
              index={current}
              total={questions.length}
              answers={answers}
              flagged={flagged.includes(question.versionId)}
              disabled={locked}
              onChoose={(key) => change(toggleOption(answers, question, key), flagged)}
              onToggleFlag={() =>
                change(
                  answers,
                  flagged.includes(question.versionId)
                    ? flagged.filter((f) => f !== question.versionId)
                    : [...flagged, question.versionId],
                )
              }
              onMove={(i) => setCurrent(Math.min(Math.max(i, 0), questions.length - 1))}
            />
          )}
          <Navigator
            questions={questions}
            answers={answers}
            flagged={flagged}
            current={current}
            onGo={setCurrent}
            onSubmit={() => setConfirming(true)}
            submitDisabled={locked}
          />
        </div>
        {practice && practiceSeen && (
          <section
            id="part-practice-panel"
            role="tabpanel"
            aria-labelledby="part-practice"
            hidden={part !== 'practice'}
            className="practice-part"
          >
            <Suspense fallback={<p className="center">{t('loadingPractice')}</p>}>
              <PracticeApp
                initial={practice}
                locked={locked}
                now={() => Date.now() + offsetMs}
                onLoginLost={onLoginLost}
              />
            </Suspense>
          </section>
        )}
      </main>
      <SubmitDialog
        open={confirming}
        unanswered={unanswered}
        flagged={flagged.length}
        busy={submitting}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
        onGo={(i) => {
          setConfirming(false);
          showPart('theory');
          setCurrent(i);
        }}
      />
    </>
  );
}
