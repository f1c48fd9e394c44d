import type { Scenario } from '../../core/office/scenario';
import { type ScenarioProblem, validateScenario } from '../../core/office/validate-scenario';
import { AppError } from '../../core/shared/app-error';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Lists that must hold objects: the core's validator reads their fields and assumes objects, so a
 * hand-edited `"tasks": [1]` is reported here, with its path, before the validator sees it.
 */
function shapeProblems(doc: Record<string, unknown>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const objects = (value: unknown, path: string) => {
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => {
      if (!isObject(item)) problems.push({ path: `${path}.${i}`, message: 'Phải là một đối tượng { … }' });
    });
  };
  for (const key of ['files', 'mails', 'incoming', 'drafts', 'questions', 'tasks']) objects(doc[key], key);
  if (doc.candidate !== undefined && !isObject(doc.candidate))
    problems.push({ path: 'candidate', message: 'Phải là một đối tượng { … }' });
  if (doc.actors !== undefined && !isObject(doc.actors))
    problems.push({ path: 'actors', message: 'Phải là một đối tượng { … }' });
  if (isObject(doc.actors)) {
    for (const key of ['units', 'people', 'agencies']) objects(doc.actors[key], `actors.${key}`);
    if (doc.actors.clerk !== undefined && !isObject(doc.actors.clerk))
      problems.push({ path: 'actors.clerk', message: 'Phải là một đối tượng { … }' });
  }
  if (Array.isArray(doc.tasks)) {
    doc.tasks.forEach((task, i) => {
      if (isObject(task)) objects(task.checks, `tasks.${i}.checks`);
    });
  }
  if (Array.isArray(doc.incoming)) {
    doc.incoming.forEach((d, i) => {
      if (isObject(d) && isObject(d.progress)) objects(d.progress.history, `incoming.${i}.progress.history`);
    });
  }
  return problems;
}

/** Every problem of a scenario document as sent by an editor (any JSON), each with its path, in Vietnamese. */
export function scenarioProblems(doc: unknown): ScenarioProblem[] {
  if (!isObject(doc)) return [{ path: '', message: 'Đề thực hành phải là một đối tượng JSON { … }' }];
  const shape = shapeProblems(doc);
  if (shape.length > 0) return shape;
  try {
    return validateScenario(doc as unknown as Scenario);
  } catch {
    // A value of an unexpected type deep inside (a number where a list is due) that the validator trips on.
    return [
      { path: '', message: 'Cấu trúc đề không đúng định dạng (xem docs/formats/practice-scenario.md)' },
    ];
  }
}

/** The document as a scenario, or a `validation_failed` error listing every problem (nothing is stored). */
export function assertValidScenario(doc: unknown): Scenario {
  const problems = scenarioProblems(doc);
  if (problems.length > 0) {
    throw new AppError('validation_failed', `Đề thực hành có ${problems.length} lỗi`, problems);
  }
  return doc as Scenario;
}
