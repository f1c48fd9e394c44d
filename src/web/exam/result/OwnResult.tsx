import { useEffect, useState } from 'react';
import type { TOwnResult } from '../../../contracts/contest-results';
import { examCall } from '../api';
import { AppealBox } from '../appeal/AppealBox';
import { useText } from '../i18n';
import { OwnAnswers } from './OwnAnswers';
import { formatPoints, type ResultTextKey, resultText } from './result-text';
import './result.css';

type Load = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; data: TOwnResult };

/** The candidate's own result once published (and their answers if the publication allows), else a note. */
export function OwnResult() {
  const { lang } = useText();
  const tr = (key: ResultTextKey, params?: Record<string, string | number>) => resultText(lang, key, params);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const fetchResult = () => {
    setLoad({ kind: 'loading' });
    examCall<TOwnResult>('GET', 'result')
      .then((data) => setLoad({ kind: 'ready', data }))
      .catch(() => setLoad({ kind: 'error' }));
  };
  // Loaded once when the end screen shows.
  useEffect(fetchResult, []);

  if (load.kind === 'loading') return <p className="own-result-note">{tr('loading')}</p>;
  if (load.kind === 'error') {
    return (
      <section className="card own-result" role="alert">
        <p>{tr('error')}</p>
        <button type="button" onClick={fetchResult}>
          {tr('retry')}
        </button>
      </section>
    );
  }
  const r = load.data;
  if (!r.published) {
    return (
      <section className="card own-result" data-testid="own-result">
        <h2>{tr('title')}</h2>
        <p>{tr('notPublished')}</p>
      </section>
    );
  }
  const pts = (n: number | null) => (n === null ? '—' : formatPoints(lang, n));
  return (
    <section className="card own-result" data-testid="own-result" aria-labelledby="own-result-title">
      <h2 id="own-result-title">{tr('title')}</h2>
      <p className="own-result-who">
        <strong>{r.fullName}</strong> · {r.number} · {r.unitName}
      </p>
      {r.state === 'graded' ? (
        <>
          <dl className="own-result-scores">
            <div>
              <dt>{tr('theory')}</dt>
              <dd>
                {pts(r.theory)} <small>{tr('of', { max: pts(r.theoryPoints) })}</small>
              </dd>
            </div>
            {r.practicePoints > 0 && (
              <div>
                <dt>{tr('practice')}</dt>
                <dd>
                  {pts(r.practice)} <small>{tr('of', { max: pts(r.practicePoints) })}</small>
                </dd>
              </div>
            )}
            <div className="own-result-total">
              <dt>{tr('total')}</dt>
              <dd data-testid="own-result-total">
                {pts(r.total)} <small>{tr('of', { max: pts(r.scale) })}</small>
              </dd>
            </div>
          </dl>
          <p className={r.flag === 'pass' ? 'own-result-flag pass' : 'own-result-flag below'}>
            {r.flag === 'pass' ? tr('pass') : tr('below', { threshold: pts(r.passThreshold) })}
          </p>
        </>
      ) : (
        <p>{r.state === 'absent' ? tr('absent') : tr('pending')}</p>
      )}
      {r.answers && <OwnAnswers answers={r.answers} />}
      {r.state === 'graded' && <AppealBox />}
    </section>
  );
}
