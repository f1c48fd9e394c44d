import { gradePractice } from '../../core/office/grade';
import type { Db } from '../db/client';
import { sampleSandbox, scenarioToTry } from './sample-sandbox';

export interface DryRunTask {
  id: string;
  title: string;
  instruction: string;
  /** Points of the task, and those the untouched sandbox earned. */
  points: number;
  awarded: number;
  checks: { id: string; kind: string; label: string; points: number; passed: boolean; reason: string }[];
}

export interface DryRun {
  scenarioCode: string;
  candidateName: string;
  total: number;
  awarded: number;
  tasks: DryRunTask[];
}

/**
 * Grades a freshly seeded sandbox nobody touched, with no signature found, so organisers see what the
 * grader looks at and why each check fails; a check that passes here gives points for doing nothing.
 */
export async function dryRunScenario(db: Db, code: string, draft: unknown, now: Date): Promise<DryRun> {
  const scenario = await scenarioToTry(db, code, draft);
  const state = sampleSandbox(scenario, now);
  const result = gradePractice(scenario, state, {});
  return {
    scenarioCode: scenario.code,
    candidateName: state.candidate.name,
    total: result.max,
    awarded: result.total,
    tasks: result.tasks.map((t, i) => ({
      id: t.id,
      title: t.title,
      instruction: scenario.tasks[i]!.instruction,
      points: t.max,
      awarded: t.points,
      checks: t.checks.map((c) => ({
        id: c.id,
        kind: c.kind,
        label: c.label,
        points: c.max,
        passed: c.passed,
        reason: c.explanation,
      })),
    })),
  };
}
