import { useText } from '../i18n';
import { type Answers, isAnswered, type PaperQuestion } from '../paper';

interface Props {
  questions: PaperQuestion[];
  answers: Answers;
  flagged: string[];
  current: number;
  onGo: (index: number) => void;
  onSubmit: () => void;
  submitDisabled: boolean;
}

/** The grid of question numbers with answered / flagged / current state, and the submit button. */
export function Navigator(p: Props) {
  const { t } = useText();
  const answered = p.questions.filter((q) => isAnswered(p.answers, q.versionId)).length;
  return (
    <nav className="navigator" aria-label={t('navigator')}>
      <h2>{t('navigator')}</h2>
      <p className="progress-text">{t('answeredCount', { n: answered, total: p.questions.length })}</p>
      <div className="progress" aria-hidden="true">
        <div style={{ width: `${(answered / Math.max(1, p.questions.length)) * 100}%` }} />
      </div>
      <ol className="grid">
        {p.questions.map((q, i) => {
          const classes = ['cell'];
          if (isAnswered(p.answers, q.versionId)) classes.push('answered');
          if (p.flagged.includes(q.versionId)) classes.push('flagged');
          if (i === p.current) classes.push('current');
          const state = [
            isAnswered(p.answers, q.versionId) ? t('legendAnswered') : '',
            p.flagged.includes(q.versionId) ? t('legendFlagged') : '',
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={q.versionId}>
              <button
                type="button"
                className={classes.join(' ')}
                aria-current={i === p.current ? 'step' : undefined}
                aria-label={`${t('question', { n: i + 1, total: p.questions.length })}${state ? `: ${state}` : ''}`}
                onClick={() => p.onGo(i)}
              >
                {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="legend">
        <li>
          <span className="swatch answered" /> {t('legendAnswered')}
        </li>
        <li>
          <span className="swatch flagged" /> {t('legendFlagged')}
        </li>
        <li>
          <span className="swatch current" /> {t('legendCurrent')}
        </li>
      </ul>
      <button type="button" className="primary submit" onClick={p.onSubmit} disabled={p.submitDisabled}>
        {t('submit')}
      </button>
    </nav>
  );
}
