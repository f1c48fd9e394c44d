import { type FormEvent, useEffect, useState } from 'react';
import type { TAppealSection, TExamAppeals } from '../../../contracts/contest-results-appeals';
import { ExamApiError, examCall } from '../api';
import { useText } from '../i18n';
import { type AppealTextKey, appealText, formatWhen } from './appeal-text';
import './appeal.css';

const MAX = 2000;
type Load = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; data: TExamAppeals };

/** Under the candidate's published result: their appeals with the decisions, and the form while the window is open. */
export function AppealBox() {
  const { lang } = useText();
  const tr = (key: AppealTextKey, params?: Record<string, string | number>) => appealText(lang, key, params);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [open, setOpen] = useState(false);
  const [section, setSection] = useState<TAppealSection>('theory');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const refresh = () =>
    examCall<TExamAppeals>('GET', 'appeals')
      .then((data) => setLoad({ kind: 'ready', data }))
      .catch(() => setLoad({ kind: 'error' }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once when the result shows
  useEffect(() => void refresh(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(tr('required'));
    setBusy(true);
    setError(null);
    try {
      await examCall('POST', 'appeals', { section, text });
      setOpen(false);
      setText('');
      setSent(true);
      await refresh();
    } catch (err) {
      setError(err instanceof ExamApiError && err.status !== 0 ? err.message : tr('error'));
    } finally {
      setBusy(false);
    }
  };

  if (load.kind === 'loading') return null;
  if (load.kind === 'error') {
    return (
      <div className="appeal-box" role="alert">
        <p>{tr('error')}</p>
        <button type="button" onClick={() => void refresh()}>
          {tr('retry')}
        </button>
      </div>
    );
  }
  const d = load.data;
  if (!d.published) return null;
  const label = (s: string) => tr(s as AppealTextKey);
  return (
    <div className="appeal-box" data-testid="appeal-box">
      <h3>{tr('title')}</h3>
      {d.closesAt && <p>{tr(d.canFile ? 'until' : 'closed', { date: formatWhen(d.closesAt) })}</p>}
      {sent && <p role="status">{tr('sent')}</p>}
      {d.items.length > 0 && (
        <>
          <h4>{tr('mine')}</h4>
          <ul className="appeal-list">
            {d.items.map((a) => (
              <li key={a.id}>
                <strong>{label(a.section)}</strong> · {tr('filedAt', { date: formatWhen(a.createdAt) })} ·{' '}
                <span className={`appeal-status ${a.status}`}>{label(`s_${a.status}`)}</span>
                <div>{a.text}</div>
                {a.decisionReason && <div>{tr('reason', { reason: a.decisionReason })}</div>}
                {a.adjustment && (
                  <div>
                    {tr('adjusted', {
                      section: label(a.adjustment.section).toLowerCase(),
                      points: `${a.adjustment.points > 0 ? '+' : '−'}${Math.abs(a.adjustment.points).toLocaleString('vi-VN')}`,
                    })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.canFile && !open && (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {tr('open')}
        </button>
      )}
      {d.canFile && open && (
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{tr('section')}</legend>
            {d.sections.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="appeal-section"
                  checked={section === s}
                  onChange={() => setSection(s)}
                />{' '}
                {label(s)}
              </label>
            ))}
          </fieldset>
          <label className="appeal-label" htmlFor="appeal-text">
            {tr('text')}
          </label>
          <textarea
            id="appeal-text"
            rows={5}
            maxLength={MAX}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-describedby="appeal-help"
            aria-invalid={error ? true : undefined}
          />
          <p id="appeal-help" className="appeal-help">
            {tr('help', { left: MAX - text.length })}
          </p>
          {error && (
            <p className="appeal-error" role="alert">
              {error}
            </p>
          )}
          <div className="appeal-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? tr('sending') : tr('send')}
            </button>
            <button type="button" onClick={() => setOpen(false)} disabled={busy}>
              {tr('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
