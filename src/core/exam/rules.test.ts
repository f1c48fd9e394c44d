import { describe, expect, it } from 'vitest';
import type { ContestRules } from './contest';
import {
  defaultContestRules,
  practiceScenarioMissing,
  practiceScenarioOf,
  resultFlag,
  scalePracticePoints,
  validateContestRules,
} from './rules';

const fields = (r: ContestRules) => validateContestRules(r).map((p) => p.field);
const withRules = (over: Partial<ContestRules>): ContestRules => ({ ...defaultContestRules(), ...over });

describe('defaultContestRules', () => {
  it('is valid and follows the 2023 contest: 60 minutes, 60/40 on 100, 30 questions, threshold 50', () => {
    const r = defaultContestRules();
    expect(validateContestRules(r)).toEqual([]);
    expect(r.durationMinutes).toBe(60);
    expect(r.sections.map((s) => [s.code, s.points])).toEqual([
      ['theory', 60],
      ['practice', 40],
    ]);
    expect(r.blueprint.reduce((n, row) => n + row.count, 0)).toBe(30);
    expect(r.passThreshold).toBe(50);
  });

  it('returns a fresh object each time', () => {
    const a = defaultContestRules();
    a.sections[0]!.points = 1;
    expect(defaultContestRules().sections[0]!.points).toBe(60);
  });
});

describe('validateContestRules', () => {
  it('accepts the 2022 split 45/55', () => {
    const r = withRules({
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 45 },
        { code: 'practice', name: 'Thực hành', points: 55 },
      ],
    });
    expect(validateContestRules(r)).toEqual([]);
  });

  it('requires the sections to sum to the scale', () => {
    const r = withRules({
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 60 },
        { code: 'practice', name: 'Thực hành', points: 30 },
      ],
    });
    const problems = validateContestRules(r);
    expect(problems.map((p) => p.field)).toEqual(['sections']);
    expect(problems[0]!.message).toContain('phải bằng thang điểm');
  });

  it('refuses a non-positive or fractional duration and a grace out of range', () => {
    expect(fields(withRules({ durationMinutes: 0 }))).toEqual(['durationMinutes']);
    expect(fields(withRules({ durationMinutes: 45.5 }))).toEqual(['durationMinutes']);
    expect(fields(withRules({ graceSeconds: -1 }))).toEqual(['graceSeconds']);
  });

  it('requires the threshold within the scale', () => {
    expect(fields(withRules({ passThreshold: 101 }))).toEqual(['passThreshold']);
    expect(fields(withRules({ passThreshold: -5 }))).toEqual(['passThreshold']);
    expect(fields(withRules({ passThreshold: 100 }))).toEqual([]);
  });

  it('requires blueprint rows with positive whole counts, and at least one row', () => {
    expect(fields(withRules({ blueprint: [] }))).toEqual(['blueprint']);
    const problems = validateContestRules(withRules({ blueprint: [{ count: 10 }, { count: 0 }] }));
    expect(problems.map((p) => p.field)).toEqual(['blueprint.1.count']);
    expect(problems[0]!.message).toMatch(/^Dòng 2/);
  });

  it('requires a theory section with points, declared once', () => {
    const noTheory = withRules({ sections: [{ code: 'practice', name: 'Thực hành', points: 100 }] });
    expect(fields(noTheory)).toEqual(['sections']);
    const twice = withRules({
      sections: [
        { code: 'theory', name: 'A', points: 50 },
        { code: 'theory', name: 'B', points: 50 },
      ],
    });
    expect(fields(twice)).toContain('sections');
  });

  it('refuses an unknown multiple-choice scoring', () => {
    const r = withRules({ multipleScoring: 'best_effort' as ContestRules['multipleScoring'] });
    expect(fields(r)).toEqual(['multipleScoring']);
  });
});

describe('resultFlag', () => {
  const rules = { passThreshold: 50 };
  it('flags totals below the threshold', () => {
    expect(resultFlag(49.99, rules)).toBe('khong_xet_khen_thuong');
    expect(resultFlag(50, rules)).toBe('pass');
    expect(resultFlag(87.5, rules)).toBe('pass');
  });
  it('does not fail a candidate on float noise', () => {
    expect(resultFlag(15 * (100 / 30), rules)).toBe('pass');
  });
});

describe('the practice scenario in the rules', () => {
  it('is optional: none by default, and rules saved before it existed stay valid', () => {
    expect(defaultContestRules().practiceScenario).toBeNull();
    const { practiceScenario: _, ...older } = defaultContestRules();
    expect(validateContestRules(older as ContestRules)).toEqual([]);
    expect(practiceScenarioOf(older as ContestRules)).toBeNull();
  });

  it('needs a practice section with points to count towards', () => {
    expect(validateContestRules(withRules({ practiceScenario: 'cantho-2022-quan' }))).toEqual([]);
    const noPoints = withRules({
      practiceScenario: 'cantho-2022-quan',
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 100 },
        { code: 'practice', name: 'Thực hành', points: 0 },
      ],
    });
    expect(fields(noPoints)).toEqual(['practiceScenario']);
    expect(fields(withRules({ practiceScenario: '  ' }))).toEqual(['practiceScenario']);
  });

  it('warns (without refusing) when the practice section has points but no scenario', () => {
    expect(practiceScenarioMissing(defaultContestRules())).toBe(true);
    expect(practiceScenarioMissing(withRules({ practiceScenario: 'cantho-2022-quan' }))).toBe(false);
    const theoryOnly = withRules({ sections: [{ code: 'theory', name: 'Lý thuyết', points: 100 }] });
    expect(practiceScenarioMissing(theoryOnly)).toBe(false);
  });

  it('scales the scenario’s points to the practice section', () => {
    // 2022: a 55-point scenario in a 40-point section; 33 of 55 is 60 %, i.e. 24 of 40.
    expect(scalePracticePoints(33, 55, 40)).toBe(24);
    expect(scalePracticePoints(10, 30, 40)).toBe(13.333333);
    expect(scalePracticePoints(5, 0, 40)).toBe(0);
  });
});
