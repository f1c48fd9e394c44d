import { describe, expect, it } from 'vitest';
import { dayBefore, formatDateVn, isIsoDate, parseDate } from './dates';

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2025-07-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2025-02-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-7-1')).toBe(false);
    expect(isIsoDate('01/07/2025')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('parseDate', () => {
  it('reads dd/mm/yyyy, with or without leading zeros, into YYYY-MM-DD', () => {
    expect(parseDate('01/07/2025')).toBe('2025-07-01');
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('31/12/2024')).toBe('2024-12-31');
    expect(parseDate('  30/06/2025 ')).toBe('2025-06-30');
  });

  it('takes day first, never month first', () => {
    expect(parseDate('02/03/2025')).toBe('2025-03-02');
    expect(parseDate('13/01/2025')).toBe('2025-01-13');
    expect(parseDate('01/13/2025')).toBeNull();
  });

  it('accepts ISO dates as they are', () => {
    expect(parseDate('2025-07-01')).toBe('2025-07-01');
  });

  it('refuses days that do not exist', () => {
    expect(parseDate('31/02/2025')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('31/04/2025')).toBeNull();
    expect(parseDate('00/01/2025')).toBeNull();
    expect(parseDate('2025-02-30')).toBeNull();
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });

  it('refuses other shapes', () => {
    for (const text of [
      '',
      '01-07-2025',
      '2025/07/01',
      '01/07/25',
      '1.7.2025',
      'ngày 1/7/2025',
      '001/07/2025',
    ]) {
      expect(parseDate(text), text).toBeNull();
    }
  });
});

describe('formatDateVn', () => {
  it('writes dd/mm/yyyy and round-trips through parseDate', () => {
    expect(formatDateVn('2025-07-01')).toBe('01/07/2025');
    for (const iso of ['2020-01-01', '2024-02-29', '2025-12-31'])
      expect(parseDate(formatDateVn(iso))).toBe(iso);
  });

  it('leaves text that is not an ISO date unchanged', () => {
    expect(formatDateVn('không rõ')).toBe('không rõ');
  });
});

describe('dayBefore', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2025-07-15')).toBe('2025-07-14');
  });
});
