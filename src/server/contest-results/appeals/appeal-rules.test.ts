import { describe, expect, it } from 'vitest';
import { defaultContestRules } from '../../../core/exam/rules';
import {
  APPEAL_WINDOW_DAYS,
  appealSections,
  appealWindowEnd,
  appealWindowOpen,
  assertAppealWindow,
} from './appeal-rules';

const published = new Date('2026-07-01T02:00:00Z');

describe('appeal window', () => {
  it('ends 7 days after publication, to the minute', () => {
    expect(APPEAL_WINDOW_DAYS).toBe(7);
    expect(appealWindowEnd(published).toISOString()).toBe('2026-07-08T02:00:00.000Z');
  });

  it('is open from publication to its end inclusive and closed after; never before publication', () => {
    expect(appealWindowOpen(null, published)).toBe(false);
    expect(appealWindowOpen(published, new Date('2026-07-08T02:00:00Z'))).toBe(true);
    expect(appealWindowOpen(published, new Date('2026-07-08T02:00:01Z'))).toBe(false);
    expect(() => assertAppealWindow(null, published)).toThrow('chưa được công bố');
    // 02:00 UTC on 8 July is 09:00 in Hồ Chí Minh time.
    expect(() => assertAppealWindow(published, new Date('2026-07-09T00:00:00Z'))).toThrow('09:00 08/07/2026');
    expect(() => assertAppealWindow(published, new Date('2026-07-02T00:00:00Z'))).not.toThrow();
  });

  it('offers the practice section only when the contest has a practice part', () => {
    const rules = defaultContestRules();
    expect(appealSections(rules)).toEqual(['theory', 'total']);
    expect(appealSections({ ...rules, practiceScenario: 'cantho-2022' })).toEqual([
      'theory',
      'practice',
      'total',
    ]);
  });
});
