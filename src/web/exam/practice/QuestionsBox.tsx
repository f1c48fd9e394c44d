import { useState } from 'react';
import type { TPracticeView } from '../../../contracts/practice';
import { formatDateTime } from './format';
import type { PracticeOps } from './use-practice';

type Question = TPracticeView['questions'][number];

function QuestionItem({ q, ops, index }: { q: Question; ops: PracticeOps; index: number }) {
  const answer = ops.view.answers.find((a) => a.question === q.key);
  const [text, setText] = useState(answer?.text ?? '');
  // The choice shows at once; it goes back to the saved one if the server refuses it.
  const [choice, setChoice] = useState(answer?.option);
  const disabled = ops.readOnly || ops.busy;
  const legendId = `pq-${index}`;
  const save = async (input: { option?: string; text?: string }) => {
    const next = await ops.act(
      { type: 'answer_question', question: q.key, ...input },
      { done: 'Đã lưu câu trả lời.' },
    );
    if (!next && input.option) setChoice(answer?.option);
  };
  return (
    <li>
      {q.options ? (
        <fieldset className="pq" disabled={disabled}>
          <legend id={legendId}>{q.prompt}</legend>
          {q.options.map((o) => (
            <label key={o.code} className="pq-option">
              <input
                type="radio"
                name={`pq-${q.key}`}
                value={o.code}
                checked={choice === o.code}
                onChange={() => {
                  setChoice(o.code);
                  void save({ option: o.code });
                }}
              />
              <span>
                {o.code.toUpperCase()}. {o.text}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <form
          className="pq"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void save({ text: text.trim() });
          }}
        >
          <label htmlFor={`pq-text-${index}`} className="pq-prompt">
            {q.prompt}
          </label>
          <textarea
            id={`pq-text-${index}`}
            rows={3}
            value={text}
            disabled={disabled}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <button type="submit" disabled={disabled || !text.trim()}>
            Lưu câu trả lời
          </button>
        </form>
      )}
      <p className="pq-saved">{answer ? `Đã trả lời lúc ${formatDateTime(answer.at)}` : 'Chưa trả lời'}</p>
    </li>
  );
}

/** The scenario's questions on what the candidate sees (status and holder of a document…). */
export function QuestionsBox({ ops }: { ops: PracticeOps }) {
  return (
    <section className="side-box" aria-labelledby="pq-title">
      <h2 id="pq-title">Câu hỏi</h2>
      <ol className="pq-list">
        {ops.view.questions.map((q, i) => (
          <QuestionItem key={q.key} q={q} ops={ops} index={i} />
        ))}
      </ol>
    </section>
  );
}
