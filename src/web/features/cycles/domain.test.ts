import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  CYCLE_WINDOWS,
  formatPoints,
  formatValue,
  formatVnDateTime,
  fromVnInstant,
  toVnInstant,
  unitFormPath,
  windowProblems,
} from './domain';

describe('Vietnam wall-clock date-times', () => {
  it('sends a picked time as Vietnam time, whatever the browser zone', () => {
    expect(toVnInstant(dayjs('2026-03-01T08:30'))).toBe('2026-03-01T08:30:00+07:00');
  });

  it('shows an instant as Vietnam wall clock (UTC + 7 h)', () => {
    // 01:30 UTC is 08:30 in Hà Nội; 20:00 UTC on 31/12 is already 03:00 on 1/1 there.
    expect(fromVnInstant('2026-03-01T01:30:00Z')?.format('DD/MM/YYYY HH:mm')).toBe('01/03/2026 08:30');
    expect(formatVnDateTime('2026-12-31T20:00:00Z')).toBe('01/01/2027 03:00');
    expect(formatVnDateTime(null)).toBe('');
    expect(fromVnInstant('not a date')).toBeNull();
  });

  it('round-trips a picked value', () => {
    const picked = dayjs('2026-07-15T17:05');
    expect(fromVnInstant(toVnInstant(picked))?.format('YYYY-MM-DD HH:mm')).toBe('2026-07-15 17:05');
  });
});

describe('number formats', () => {
  it('writes Vietnamese decimal commas and four decimals for index values', () => {
    expect(formatValue(0.65126, 'vi')).toBe('0,6513');
    expect(formatValue(0.65126, 'en')).toBe('0.6513');
    expect(formatValue(null, 'vi')).toBe('—');
    expect(formatPoints(12.5, 'vi')).toBe('12,5');
    expect(formatPoints(1234.567, 'en')).toBe('1,234.57');
  });
});

describe('windowProblems', () => {
  /** Consecutive stages of ten days each from 1 March. */
  const calendar = () =>
    Object.fromEntries(
      CYCLE_WINDOWS.map((w, i) => [
        w,
        [dayjs('2026-03-01T08:00').add(10 * i, 'day'), dayjs('2026-03-01T17:00').add(10 * i + 9, 'day')],
      ]),
    ) as Parameters<typeof windowProblems>[0];

  it('accepts stages in order, overlapping ones too', () => {
    expect(windowProblems(calendar())).toEqual([]);
    const overlapping = calendar();
    overlapping.review = [dayjs('2026-03-05T08:00'), dayjs('2026-03-25T17:00')];
    expect(windowProblems(overlapping)).toEqual([]);
  });

  it('names the stage that opens after it closes, or starts or ends before the one before', () => {
    const bad = calendar();
    bad.review = [dayjs('2026-02-20T08:00'), dayjs('2026-02-10T08:00')];
    expect(windowProblems(bad).map((p) => [p.window, p.key, p.prev])).toEqual([
      ['review', 'windowOrder', undefined],
      ['review', 'windowStartBefore', 'self_assessment'],
      ['review', 'windowEndBefore', 'self_assessment'],
    ]);
  });

  it('asks for a missing stage', () => {
    const missing = calendar();
    missing.council = null;
    expect(windowProblems(missing)).toEqual([{ window: 'council', key: 'windowMissing' }]);
  });
});

it('links a unit form, to one indicator when asked', () => {
  expect(unitFormPath('c1', 'u1')).toBe('/dti/cycles/c1/units/u1');
  expect(unitFormPath('c1', 'u1', '1.2 a')).toBe('/dti/cycles/c1/units/u1?code=1.2%20a');
});
