import { roundPoints } from '../exam/points';
import type { TaskCheck } from './checks';
import {
  gradeDirective,
  gradeIssued,
  gradeQuestion,
  gradeSigned,
  type SignatureResults,
} from './grade-documents';
import { type CheckOutcome, gradeAttachmentNotOpened, gradeMailReported, gradeMailSent } from './grade-mail';
import type { Scenario } from './scenario';
import type { SandboxState } from './state';

export type { SignatureResults, VerifiedSignature } from './grade-documents';

export interface CheckResult {
  id: string;
  kind: TaskCheck['kind'];
  label: string;
  passed: boolean;
  points: number;
  max: number;
  explanation: string;
}

export interface TaskResult {
  id: string;
  title: string;
  points: number;
  max: number;
  checks: CheckResult[];
}

/** The practice part's result: per task, per check, and the total on the scenario's scale. */
export interface PracticeResult {
  scenarioCode: string;
  total: number;
  max: number;
  tasks: TaskResult[];
}

function evaluate(state: SandboxState, check: TaskCheck, signatures: SignatureResults): CheckOutcome {
  switch (check.kind) {
    case 'mail_sent':
      return gradeMailSent(state, check);
    case 'directive_given':
      return gradeDirective(state, check);
    case 'document_signed':
      return gradeSigned(state, check, signatures);
    case 'document_issued':
      return gradeIssued(state, check);
    case 'question_answered':
      return gradeQuestion(state, check);
    case 'attachment_not_opened':
      return gradeAttachmentNotOpened(state, check);
    case 'mail_reported':
      return gradeMailReported(state, check);
  }
}

/**
 * Grades a sandbox's end state against the scenario's tasks: each check earns its points or nothing;
 * the order of actions and any retries do not matter. `signatures` are the server's verification of
 * each outgoing document's final PDF, by document key (a document missing from it counts as unsigned).
 */
export function gradePractice(
  scenario: Scenario,
  state: SandboxState,
  signatures: SignatureResults,
): PracticeResult {
  const tasks = scenario.tasks.map((task): TaskResult => {
    const checks = task.checks.map((check): CheckResult => {
      const { passed, explanation } = evaluate(state, check, signatures);
      return {
        id: check.id,
        kind: check.kind,
        label: check.label,
        passed,
        points: passed ? check.points : 0,
        max: check.points,
        explanation,
      };
    });
    return {
      id: task.id,
      title: task.title,
      points: roundPoints(checks.reduce((s, c) => s + c.points, 0)),
      max: task.points,
      checks,
    };
  });
  return {
    scenarioCode: scenario.code,
    total: roundPoints(tasks.reduce((s, t) => s + t.points, 0)),
    max: scenario.totalPoints,
    tasks,
  };
}
