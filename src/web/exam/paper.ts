/** A question as the candidate sees it: no correct answers ever reach the browser before the end. */
export interface PaperQuestion {
  versionId: string;
  type: 'single' | 'multiple' | 'true_false';
  stem: string;
  options: { key: string; text: string }[];
}

export type Answers = Record<string, string[]>;

/** The answers after the candidate clicks an option. */
export function toggleOption(answers: Answers, q: PaperQuestion, key: string): Answers {
  const current = answers[q.versionId] ?? [];
  let next: string[];
  if (q.type === 'multiple') {
    next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
    // keep the paper's order so equal states compare equal
    next = q.options.map((o) => o.key).filter((k) => next.includes(k));
  } else {
    next = [key];
  }
  const result = { ...answers };
  if (next.length === 0) delete result[q.versionId];
  else result[q.versionId] = next;
  return result;
}

export function isAnswered(answers: Answers, versionId: string): boolean {
  return (answers[versionId]?.length ?? 0) > 0;
}
