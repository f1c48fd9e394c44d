import type { TPracticeView } from '../../../contracts/practice';

/** The scenario's tasks, each with its instruction and points. */
export function TaskPanel({ view }: { view: TPracticeView }) {
  const { scenario, candidate, agency } = view;
  return (
    <section className="side-box" aria-labelledby="tasks-title">
      <h2 id="tasks-title">Nhiệm vụ</h2>
      <p className="side-who">
        Bạn là <strong>{candidate.position}</strong>, {agency.name} ({candidate.email}).
      </p>
      <ol className="tasks">
        {scenario.tasks.map((t) => (
          <li key={t.id}>
            <strong>{t.title}</strong> <span className="points">({t.points} điểm)</span>
            <p>{t.instruction}</p>
          </li>
        ))}
      </ol>
      <p className="side-total">Tổng điểm phần thực hành: {scenario.totalPoints}</p>
    </section>
  );
}
