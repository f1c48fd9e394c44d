import { describe, expect, it } from 'vitest';
import { attemptResult } from './result';

// 2022-style rules: theory 45, practice 55 on a 100-point scale, threshold 50.
const rules = {
  sections: [
    { code: 'theory' as const, name: 'Lý thuyết', points: 45 },
    { code: 'practice' as const, name: 'Thực hành', points: 55 },
  ],
  passThreshold: 50,
  practiceScenario: 'thuc-hanh-2022',
};

describe('attemptResult', () => {
  it('adds theory and the practice grade scaled to its section', () => {
    // Practice 30 of a 40-point scenario in a 55-point section: 30 × 55 / 40 = 41.25; 30 + 41.25 = 71.25.
    expect(
      attemptResult({ theory: 30, practiceRaw: 30, practiceRawMax: 40, adjustments: [] }, rules),
    ).toEqual({
      theory: 30,
      practice: 41.25,
      total: 71.25,
      flag: 'pass',
    });
  });

  it('flags a total below the threshold', () => {
    // 20 + 20 × 55 / 40 = 20 + 27.5 = 47.5 < 50.
    const r = attemptResult({ theory: 20, practiceRaw: 20, practiceRawMax: 40, adjustments: [] }, rules);
    expect(r).toMatchObject({ total: 47.5, flag: 'khong_xet_khen_thuong' });
  });

  it('applies appeal adjustments per section within 0 and the section points', () => {
    const r = attemptResult(
      {
        theory: 44,
        practiceRaw: 2,
        practiceRawMax: 40,
        adjustments: [
          { section: 'theory', points: 3 }, // theory: 44 + 3 − 1.5 = 45.5, capped at 45
          { section: 'practice', points: -5 }, // practice: 2 × 55 / 40 = 2.75, − 5 floored at 0
          { section: 'theory', points: -1.5 },
        ],
      },
      rules,
    );
    expect(r).toMatchObject({ theory: 45, practice: 0, total: 45 });
  });

  it('waits for the practice grade, and counts practice 0 when the contest has no scenario', () => {
    expect(
      attemptResult({ theory: 30, practiceRaw: null, practiceRawMax: null, adjustments: [] }, rules),
    ).toBeNull();
    expect(
      attemptResult({ theory: null, practiceRaw: 1, practiceRawMax: 1, adjustments: [] }, rules),
    ).toBeNull();
    const theoryOnly = { ...rules, practiceScenario: null };
    expect(
      attemptResult({ theory: 30, practiceRaw: null, practiceRawMax: null, adjustments: [] }, theoryOnly),
    ).toMatchObject({ practice: 0, total: 30 });
  });
});
