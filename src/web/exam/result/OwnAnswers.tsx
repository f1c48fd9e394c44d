import type { TOwnAnswer } from '../../../contracts/contest-results';
import { useText } from '../i18n';
import { formatPoints, resultText } from './result-text';

/** The candidate's own paper: each question, their choice and the key, and the points it earned. */
export function OwnAnswers({ answers }: { answers: TOwnAnswer[] }) {
  const { lang } = useText();
  return (
    <div className="own-answers">
      <h3>{resultText(lang, 'answersTitle')}</h3>
      <ol>
        {answers.map((a) => (
          <li key={a.no}>
            <p className="own-answer-head">
              <strong>{resultText(lang, 'question', { n: a.no })}</strong>
              <span className={a.points >= a.max ? 'own-answer-points full' : 'own-answer-points'}>
                {resultText(lang, 'points', {
                  points: formatPoints(lang, a.points),
                  max: formatPoints(lang, a.max),
                })}
              </span>
            </p>
            <p>{a.stem}</p>
            <ul>
              {a.options.map((o) => (
                <li
                  key={o.key}
                  className={[o.chosen ? 'chosen' : '', o.correct ? 'correct' : ''].join(' ').trim()}
                >
                  <span className="own-answer-label">{o.label}.</span> {o.text}
                  {o.chosen && <em> — {resultText(lang, 'yourChoice')}</em>}
                  {o.correct && <em> ✓ {resultText(lang, 'correct')}</em>}
                </li>
              ))}
            </ul>
            {!a.options.some((o) => o.chosen) && (
              <p className="own-answer-none">{resultText(lang, 'noAnswer')}</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
