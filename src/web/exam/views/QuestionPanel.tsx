import { useText } from '../i18n';
import type { Answers, PaperQuestion } from '../paper';

interface Props {
  question: PaperQuestion;
  index: number;
  total: number;
  answers: Answers;
  flagged: boolean;
  disabled: boolean;
  onChoose: (key: string) => void;
  onToggleFlag: () => void;
  onMove: (index: number) => void;
}

const LETTERS = 'ABCDEFGH';

/** One question with its options as native radio buttons or checkboxes (keyboard and screen reader ready). */
export function QuestionPanel(p: Props) {
  const { t } = useText();
  const chosen = p.answers[p.question.versionId] ?? [];
  const multiple = p.question.type === 'multiple';
  const hint =
    p.question.type === 'multiple'
      ? t('chooseMany')
      : p.question.type === 'true_false'
        ? t('chooseTrueFalse')
        : t('chooseOne');
  const headingId = `q-${p.question.versionId}`;
  return (
    <section className="question" aria-labelledby={headingId}>
      <div className="question-head">
        <h2 id={headingId}>{t('question', { n: p.index + 1, total: p.total })}</h2>
        <button
          type="button"
          className={p.flagged ? 'flag on' : 'flag'}
          aria-pressed={p.flagged}
          onClick={p.onToggleFlag}
          disabled={p.disabled}
        >
          {p.flagged ? `⚑ ${t('unflag')}` : `⚐ ${t('flag')}`}
        </button>
      </div>
      <p className="stem">{p.question.stem}</p>
      <fieldset className="options" disabled={p.disabled}>
        <legend className="hint">{hint}</legend>
        {p.question.options.map((o, i) => {
          const checked = chosen.includes(o.key);
          return (
            <label key={o.key} className={checked ? 'option checked' : 'option'}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`answer-${p.question.versionId}`}
                value={o.key}
                checked={checked}
                onChange={() => p.onChoose(o.key)}
              />
              <span className="letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              <span className="option-text">{o.text}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="question-nav">
        <button type="button" onClick={() => p.onMove(p.index - 1)} disabled={p.index === 0}>
          {t('previous')}
        </button>
        <button type="button" onClick={() => p.onMove(p.index + 1)} disabled={p.index === p.total - 1}>
          {t('next')}
        </button>
      </div>
    </section>
  );
}
