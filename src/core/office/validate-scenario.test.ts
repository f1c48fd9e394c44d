import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario';
import { miniScenario } from './test-fixtures';
import { validateScenario } from './validate-scenario';

const paths = (s: Scenario) => validateScenario(s).map((p) => p.path);

describe('validateScenario', () => {
  it('accepts the test scenario', () => {
    expect(validateScenario(miniScenario())).toEqual([]);
  });

  it('reports points that do not add up, at the task and at the scenario', () => {
    const s = miniScenario();
    s.tasks[0]!.checks[0]!.points = 4; // checks 4 + 2 = 6 ≠ task 5
    s.totalPoints = 25; // tasks 5 + 5 + 6 + 4 = 20 ≠ 25
    const problems = validateScenario(s);
    expect(problems).toContainEqual({ path: 'tasks.0.points', message: expect.stringContaining('(6)') });
    expect(problems).toContainEqual({ path: 'totalPoints', message: expect.stringContaining('(20)') });
  });

  it('reports duplicate ids and keys', () => {
    const s = miniScenario();
    s.tasks[1]!.id = 't1';
    s.tasks[0]!.checks[1]!.id = 'to';
    s.actors.units[1]!.key = 'vhtt';
    s.drafts[0]!.key = 'cv-den'; // documents share one namespace
    s.actors.people[0]!.email = 'VHTT@nk.vn';
    expect(paths(s)).toEqual(
      expect.arrayContaining([
        'tasks.1.id',
        'tasks.0.checks.1.id',
        'actors.units.1.key',
        'drafts.0.key',
        'actors.people.0.email',
      ]),
    );
  });

  it('reports keys the tasks reference but the scenario lacks', () => {
    const s = miniScenario();
    s.tasks[0]!.checks[1] = { ...s.tasks[0]!.checks[1]!, kind: 'mail_sent', attachments: [{ file: 'nope' }] };
    s.tasks[1]!.checks[0] = {
      id: 'lead',
      label: 'x',
      points: 3,
      kind: 'directive_given',
      document: 'qd',
      lead: 'sotttt',
    };
    s.tasks[2]!.checks[0] = {
      id: 'sign',
      label: 'x',
      points: 3,
      kind: 'document_signed',
      document: 'cv-den',
    };
    s.tasks[2]!.checks[1] = {
      id: 'issue',
      label: 'x',
      points: 3,
      kind: 'document_issued',
      document: 'qd',
      notation: 'KH-UBND',
    };
    s.tasks[3]!.checks[0] = {
      id: 'q',
      label: 'x',
      points: 2,
      kind: 'question_answered',
      question: 'q9',
      acceptTexts: ['a'],
    };
    s.tasks[3]!.checks[1] = { id: 'rep', label: 'x', points: 1, kind: 'mail_reported', mail: 'ghost' };
    s.tasks[3]!.checks[2] = {
      id: 'no',
      label: 'x',
      points: 1,
      kind: 'attachment_not_opened',
      mail: 'kh-mail',
    };
    const problems = validateScenario(s);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'tasks.0.checks.1.attachments.0',
        'tasks.1.checks.0.document',
        'tasks.1.checks.0.lead',
        'tasks.2.checks.0.document',
        'tasks.2.checks.1.notation',
        'tasks.3.checks.0.question',
        'tasks.3.checks.1.mail',
      ]),
    );
    // kh-mail has an attachment, so that reference is fine.
    expect(problems.map((p) => p.path)).not.toContain('tasks.3.checks.2.mail');
    expect(problems.find((p) => p.path === 'tasks.2.checks.1.notation')!.message).toContain('QĐ-UBND');
  });

  it('reports seed data problems in Vietnamese', () => {
    const s = miniScenario();
    s.mails[0]!.attachments = ['missing'];
    s.mails[0]!.sentAt = '14/09/2022';
    s.incoming[0]!.issuer = 'unknown';
    s.incoming[0]!.arrivalDate = '2022-09-01'; // before it was issued
    s.drafts[1]!.unitAbbreviation = undefined; // a công văn needs its drafting unit
    s.drafts[0]!.recipients = ['candidate'];
    (s.drafts[0] as { type: string }).type = 'thong_tu';
    const problems = validateScenario(s);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'mails.0.attachments.0',
        'mails.0.sentAt',
        'incoming.0.issuer',
        'incoming.0.arrivalDate',
        'drafts.1.unitAbbreviation',
        'drafts.0.recipients.0',
        'drafts.0.type',
      ]),
    );
    for (const p of problems) expect(p.message).toMatch(/[ăâđêôơưàảãáạèéẹìíòóọùúụỳý]|Mã|Không|Thiếu/i);
  });

  it('checks question options against accepted codes', () => {
    const s = miniScenario();
    s.questions[0]!.options = [
      { code: 'a', text: 'A' },
      { code: 'a', text: 'B' },
    ];
    s.tasks[3]!.checks[0] = {
      id: 'q',
      label: 'x',
      points: 2,
      kind: 'question_answered',
      question: 'q1',
      acceptOptions: ['z'],
    };
    expect(paths(s)).toEqual(
      expect.arrayContaining(['questions.0.options.1.code', 'tasks.3.checks.0.acceptOptions.0']),
    );
  });

  it('survives a document that is not a scenario at all', () => {
    const problems = validateScenario({ formatVersion: 2 } as unknown as Scenario);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'formatVersion',
        'code',
        'name',
        'tasks',
        'actors.clerk',
        'candidate.agency.abbreviation',
      ]),
    );
  });
});
