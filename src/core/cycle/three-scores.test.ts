import { describe, expect, it } from 'vitest';
import { sampleSoFramework } from '../framework/fixtures';
import { scoreUnits } from '../scoring/score-unit';
import { type LeafScores, pointsFramework, stageEntry, stageUnitData } from './three-scores';

const scored = (points: number) => ({ status: 'scored' as const, points });

describe('three scores', () => {
  it('appraised follows the reviewer: agreed keeps the self score, adjusted takes the new points', () => {
    const base: LeafScores = { self: scored(4), review: 'pending', appraisedPoints: null, finalPoints: null };
    expect(stageEntry(base, 'self')).toEqual({ points: 4 });
    expect(stageEntry(base, 'appraised')).toBeUndefined();
    expect(stageEntry({ ...base, review: 'agreed' }, 'appraised')).toEqual({ points: 4 });
    expect(stageEntry({ ...base, review: 'adjusted', appraisedPoints: 2 }, 'appraised')).toEqual({
      points: 2,
    });
    expect(stageEntry({ ...base, review: 'requested' }, 'final')).toBeUndefined();
    expect(stageEntry({ ...base, review: 'adjusted', appraisedPoints: 2 }, 'final')).toEqual({ points: 2 });
    expect(stageEntry({ ...base, review: 'agreed', finalPoints: 3.5 }, 'final')).toEqual({ points: 3.5 });
  });

  it('a not-applicable self outcome stays not applicable where agreed', () => {
    const na: LeafScores = {
      self: { status: 'not_applicable', reason: 'Mẫu số bằng 0' },
      review: 'agreed',
      appraisedPoints: null,
      finalPoints: null,
    };
    expect(stageEntry(na, 'final')).toEqual({ notApplicable: true, reason: 'Mẫu số bằng 0' });
  });

  it('the scoring engine aggregates the decided points with the set’s policy', () => {
    const f = pointsFramework(sampleSoFramework());
    const leaves = new Map<string, LeafScores>([
      ['1.1', { self: scored(5), review: 'adjusted', appraisedPoints: 2.5, finalPoints: null }],
      ['1.2.1', { self: scored(2), review: 'agreed', appraisedPoints: null, finalPoints: 0 }],
      [
        '2.1',
        {
          self: { status: 'not_applicable', reason: 'x' },
          review: 'agreed',
          appraisedPoints: null,
          finalPoints: null,
        },
      ],
    ]);
    const unit = { unitId: 'u', level: 'so' as const, group: 3 };
    const [self, appraised, final] = scoreUnits(f, [
      stageUnitData(unit, leaves, 'self'),
      stageUnitData(unit, leaves, 'appraised'),
      stageUnitData(unit, leaves, 'final'),
    ]);
    // Group 3 applies 1.1 (5), 1.2.1 (2), 1.2.2 (3), 2.1 (6), 2.2 (4) = 20; 2.1 not applicable → max 14;
    // missing leaves count zero under the sample policy.
    expect(self!.total).toMatchObject({ points: 7, max: 14 });
    expect(appraised!.total).toMatchObject({ points: 4.5, max: 14 });
    expect(final!.total).toMatchObject({ points: 2.5, max: 14 });
  });
});
