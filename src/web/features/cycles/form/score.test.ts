import { describe, expect, it } from 'vitest';
import { appraisedPoints, finalPoints, liveOutcome, readRounding } from './score';

const HALF_UP = { decimals: 2, mode: 'half_up' } as const;
const entry = (rule: unknown, maxPoints: number, extra: Partial<Parameters<typeof liveOutcome>[0]> = {}) => ({
  rule,
  maxPoints,
  mayBeNotApplicable: false,
  central: null,
  ...extra,
});

describe('liveOutcome', () => {
  it('scores a ratio as typed: 7 of 10 on a 5-point indicator is 3.5', () => {
    const e = entry({ type: 'ratio', whenDenominatorZero: 'zero' }, 5);
    expect(liveOutcome(e, { a: 7, b: 10 }, null, HALF_UP)).toEqual({ status: 'scored', points: 3.5 });
  });

  it('rounds like the server: 1/3 of 10 points is 3.33 at two decimals', () => {
    const e = entry({ type: 'ratio', whenDenominatorZero: 'zero' }, 10);
    expect(liveOutcome(e, { a: 1, b: 3 }, null, HALF_UP)).toEqual({ status: 'scored', points: 3.33 });
  });

  it('follows the rounding mode on an exact half (1 of cap 8 on 1 point = 0.125)', () => {
    const e = entry({ type: 'count', cap: 8 }, 1);
    const up = liveOutcome(e, { value: 1 }, null, HALF_UP);
    const even = liveOutcome(e, { value: 1 }, null, { decimals: 2, mode: 'half_even' });
    expect(up).toEqual({ status: 'scored', points: 0.13 });
    expect(even).toEqual({ status: 'scored', points: 0.12 });
  });

  it('reads missing and invalid figures as the rule does', () => {
    const e = entry({ type: 'ratio', whenDenominatorZero: 'zero' }, 10);
    expect(liveOutcome(e, { a: 3, b: null }, null, HALF_UP).status).toBe('missing');
    expect(liveOutcome(e, { a: -1, b: 4 }, null, HALF_UP).status).toBe('invalid');
    expect(liveOutcome(entry(null, 10), {}, null, HALF_UP).status).toBe('invalid');
  });

  it('"not applicable" wins only where the indicator allows it', () => {
    const rule = { type: 'yes_no' };
    const allowed = entry(rule, 10, { mayBeNotApplicable: true });
    expect(liveOutcome(allowed, { yes: true }, 'Không có hệ thống', HALF_UP)).toEqual({
      status: 'not_applicable',
      reason: 'Không có hệ thống',
    });
    expect(liveOutcome(entry(rule, 10), { yes: true }, 'x', HALF_UP)).toEqual({
      status: 'scored',
      points: 10,
    });
  });

  it('centrally measured figures replace what the unit typed', () => {
    const central = { inputs: { yes: false }, source: 'Sở TT&TT', importedAt: '2026-06-01T00:00:00Z' };
    const e = entry({ type: 'yes_no' }, 10, { central, mayBeNotApplicable: true });
    expect(liveOutcome(e, { yes: true }, 'lý do', HALF_UP)).toEqual({ status: 'scored', points: 0 });
  });
});

describe('readRounding', () => {
  it('keeps a valid policy and falls back to two decimals, half up, otherwise', () => {
    expect(readRounding({ decimals: 1, mode: 'half_even' })).toEqual({ decimals: 1, mode: 'half_even' });
    expect(readRounding({ decimals: -1, mode: 'half_up' })).toEqual(HALF_UP);
    expect(readRounding(null)).toEqual(HALF_UP);
    expect(readRounding({ decimals: 2, mode: 'up' })).toEqual(HALF_UP);
  });
});

describe('appraisedPoints', () => {
  it('is the reviewer’s points when adjusted, the self-score when agreed, nothing before', () => {
    expect(appraisedPoints({ review: 'adjusted', appraisedPoints: 4, selfPoints: 5 })).toBe(4);
    expect(appraisedPoints({ review: 'agreed', appraisedPoints: null, selfPoints: 5 })).toBe(5);
    expect(appraisedPoints({ review: 'pending', appraisedPoints: null, selfPoints: 5 })).toBeNull();
    expect(appraisedPoints({ review: null, appraisedPoints: null, selfPoints: 5 })).toBeNull();
  });
});

describe('finalPoints', () => {
  it('is the council’s points when set, else the appraised points, nothing before appraisal', () => {
    const agreed = { review: 'agreed', appraisedPoints: 5, selfPoints: 5, finalPoints: null } as const;
    expect(finalPoints(agreed)).toBe(5);
    expect(finalPoints({ ...agreed, finalPoints: 3 })).toBe(3);
    expect(finalPoints({ ...agreed, review: 'adjusted', appraisedPoints: 4 })).toBe(4);
    expect(finalPoints({ ...agreed, review: 'pending', appraisedPoints: null })).toBeNull();
  });
});
