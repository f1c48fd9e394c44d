import { sql } from 'drizzle-orm';
import type { TOwnAnswer, TOwnResult } from '../../contracts/contest-results';
import type { PaperItem } from '../../core/exam/contest';
import type { GradedItem } from '../../core/exam/grade';
import { roundPoints } from '../../core/exam/points';
import type { QuestionOption } from '../../core/exam/question';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';
import { loadContestResults } from './load-results';
import { contestHead } from './results-view';

const LABELS = 'ABCDEFGHIJ';

/**
 * A candidate's own result, and nothing before publication. With `show_answers = 'own'` also their
 * paper: each question in their order, their choices, the key as last corrected, and the points
 * their attempt was graded with. Reads only this candidate's rows.
 */
export async function ownResult(db: Db, contestId: string, candidateId: string): Promise<TOwnResult> {
  const results = await loadContestResults(db, contestId, { candidateIds: [candidateId] });
  const me = results.candidates[0];
  if (!results.publication || !me) return { published: false };
  const head = contestHead(results);
  return {
    published: true,
    contestName: head.name,
    number: me.number,
    fullName: me.fullName,
    unitName: me.unitName,
    state: me.state,
    theory: me.state === 'graded' ? me.result!.theory : null,
    practice: me.state === 'graded' ? me.result!.practice : null,
    total: me.state === 'graded' ? me.result!.total : null,
    flag: me.state === 'graded' ? me.result!.flag : null,
    scale: head.scale,
    passThreshold: head.passThreshold,
    theoryPoints: head.theoryPoints,
    practicePoints: head.practicePoints,
    answers:
      results.publication.showAnswers === 'own' && me.attemptId && me.state === 'graded'
        ? await ownAnswers(db, contestId, me.attemptId)
        : null,
  };
}

async function ownAnswers(db: Db, contestId: string, attemptId: string): Promise<TOwnAnswer[]> {
  const [attempt] = await queryRows<{
    paper: PaperItem[];
    answers: Record<string, string[]>;
    grading: { items?: GradedItem[] } | null;
  }>(db, sql`select paper, answers, grading from attempts where id = ${attemptId}`);
  if (!attempt) return [];
  const ids = attempt.paper.map((p) => p.versionId);
  if (ids.length === 0) return [];
  const versions = await queryRows<{ id: string; stem: string; options: QuestionOption[] }>(
    db,
    sql`select id, stem, options from question_versions
        where id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  const overrides = await queryRows<{ version_id: string; mode: string; correct: string[] | null }>(
    db,
    sql`select version_id, mode, correct from contest_item_overrides where contest_id = ${contestId}`,
  );
  const byId = new Map(versions.map((v) => [v.id, v]));
  const override = new Map(overrides.map((o) => [o.version_id, o]));
  const graded = new Map((attempt.grading?.items ?? []).map((g) => [g.versionId, g]));
  return attempt.paper.map((item, i) => {
    const v = byId.get(item.versionId);
    const o = override.get(item.versionId);
    const correct = new Set(
      o?.mode === 'key' && o.correct
        ? o.correct
        : (v?.options ?? []).filter((x) => x.correct).map((x) => x.key),
    );
    const chosen = new Set(attempt.answers[item.versionId] ?? []);
    const text = new Map((v?.options ?? []).map((x) => [x.key, x.text]));
    const g = graded.get(item.versionId);
    return {
      no: i + 1,
      stem: v?.stem ?? '',
      options: item.optionOrder.map((key, k) => ({
        key,
        label: LABELS[k] ?? String(k + 1),
        text: text.get(key) ?? '',
        chosen: chosen.has(key),
        correct: correct.has(key),
      })),
      points: roundPoints(g?.points ?? 0),
      max: roundPoints(g?.max ?? item.points),
    };
  });
}
