import { eq, sql } from 'drizzle-orm';
import type { ContestRules, PaperItem } from '../../core/exam/contest';
import { gradePaper } from '../../core/exam/grade';
import { createTestContest } from '../contests/testing';
import type { Db } from '../db/client';
import { attempts, contests, questions, questionVersions } from '../db/schema';

export interface FixtureQuestion {
  type?: 'single' | 'multiple' | 'true_false';
  /** Option keys (default a, b, c, d). */
  options?: string[];
  correct: string[];
}

export interface FixtureCandidate {
  /** Indices into `questions` of this candidate's paper, in order. */
  paper: number[];
  /** Question index → selected option keys (unanswered: absent). */
  answers: Record<number, string[]>;
  /** Practice points on the scenario's scale (the scenario is worth `practiceMax`). */
  practice?: number;
  /** Still working: not finalised, not graded. */
  inProgress?: boolean;
}

export interface GradedContest {
  contestId: string;
  sessionId: string;
  versionIds: string[];
  attempts: { id: string; candidateId: string; number: string; fullName: string }[];
}

/**
 * A contest whose attempts are finalised and graded as finalisation grades them, for tests of what
 * comes after the exam (regrades, item statistics). Every paper item carries theory points ÷ paper length.
 */
export async function createGradedContest(
  db: Db,
  spec: {
    questions: FixtureQuestion[];
    candidates: FixtureCandidate[];
    rules?: Partial<ContestRules>;
    practiceMax?: number;
    status?: 'open' | 'closed';
  },
): Promise<GradedContest> {
  const made = await createTestContest(db, {
    status: spec.status ?? 'closed',
    rules: { practiceScenario: spec.practiceMax ? 'kich-ban-thu' : null, ...spec.rules },
    candidatesPerSession: spec.candidates.length,
  });
  const [contestRow] = await db
    .select({ rules: contests.rules })
    .from(contests)
    .where(eq(contests.id, made.contestId));
  const rules = contestRow!.rules;
  const versionIds: string[] = [];
  for (const [i, q] of spec.questions.entries()) {
    const [row] = await db
      .insert(questions)
      .values({ difficulty: 'medium', status: 'approved' })
      .returning({ id: questions.id });
    const keys = q.options ?? ['a', 'b', 'c', 'd'];
    const [v] = await db
      .insert(questionVersions)
      .values({
        questionId: row!.id,
        versionNo: 1,
        type: q.type ?? 'single',
        stem: `Câu ${i + 1}: nội dung câu hỏi về chuyển đổi số?`,
        options: keys.map((key) => ({
          key,
          text: `Phương án ${key.toUpperCase()}`,
          correct: q.correct.includes(key),
        })),
        usedAt: new Date(),
      })
      .returning({ id: questionVersions.id });
    await db.update(questions).set({ currentVersionId: v!.id }).where(eq(questions.id, row!.id));
    versionIds.push(v!.id);
  }
  const theory = rules.sections.find((s) => s.code === 'theory')!.points;
  const out: GradedContest['attempts'] = [];
  for (const [n, c] of spec.candidates.entries()) {
    const candidate = made.candidates[n]!;
    const paper: PaperItem[] = c.paper.map((qi) => ({
      questionId: '',
      versionId: versionIds[qi]!,
      optionOrder: spec.questions[qi]!.options ?? ['a', 'b', 'c', 'd'],
      points: theory / c.paper.length,
    }));
    const answers = Object.fromEntries(
      Object.entries(c.answers).map(([qi, sel]) => [versionIds[Number(qi)]!, sel]),
    );
    const keys = Object.fromEntries(
      c.paper.map((qi) => [
        versionIds[qi]!,
        { type: spec.questions[qi]!.type ?? 'single', correct: spec.questions[qi]!.correct },
      ]),
    );
    const graded = gradePaper(paper, answers, keys, rules);
    const [a] = await db
      .insert(attempts)
      .values({
        candidateId: candidate.id,
        sessionId: candidate.sessionId,
        paper,
        seed: `seed-${n}`,
        answers,
        startedAt: new Date('2026-06-24T01:00:00Z'),
        ...(c.inProgress
          ? { status: 'in_progress' as const }
          : {
              status: 'finalised' as const,
              finalisedAt: new Date('2026-06-24T02:00:00Z'),
              finalisedBy: 'candidate' as const,
              theoryScore: graded.score,
              theoryMax: graded.max,
              grading: { items: graded.items },
            }),
      })
      .returning({ id: attempts.id });
    if (spec.practiceMax && c.practice !== undefined) {
      await db.execute(
        sql`insert into practice_sandboxes (attempt_id, scenario_code, scenario_version, scenario, state, score, max_score, graded_at)
            values (${a!.id}, 'kich-ban-thu', 1, '{}'::jsonb, '{}'::jsonb, ${c.practice}, ${spec.practiceMax}, now())`,
      );
    }
    out.push({
      id: a!.id,
      candidateId: candidate.id,
      number: candidate.number,
      fullName: candidate.fullName,
    });
  }
  return { contestId: made.contestId, sessionId: made.sessionIds[0]!, versionIds, attempts: out };
}
