import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { documentFileName, formatDateTimeVn, isDateTime, isEmail, normaliseAddress, vnDate } from './helpers';

describe('office helpers', () => {
  it('reads the calendar date in Việt Nam (UTC+7), whatever offset the instant is written with', () => {
    expect(vnDate('2022-09-14T16:59:59Z')).toBe('2022-09-14');
    expect(vnDate('2022-09-14T17:00:00Z')).toBe('2022-09-15');
    expect(vnDate('2022-09-15T00:10:00+07:00')).toBe('2022-09-15');
    expect(() => vnDate('hôm nay')).toThrow(AppError);
  });

  it('formats date and time as dd/mm/yyyy HH:mm in Việt Nam', () => {
    expect(formatDateTimeVn('2022-09-14T01:05:00Z')).toBe('14/09/2022 08:05');
    expect(formatDateTimeVn('2022-12-31T23:30:00+07:00')).toBe('31/12/2022 23:30');
  });

  it('accepts ISO date-times only with a time zone', () => {
    expect(isDateTime('2022-09-14T08:15:00+07:00')).toBe(true);
    expect(isDateTime('2022-09-14T08:15Z')).toBe(true);
    expect(isDateTime('2022-09-14T08:15:00')).toBe(false);
    expect(isDateTime('14/09/2022 08:15')).toBe(false);
    expect(isDateTime(20220914)).toBe(false);
  });

  it('checks and normalises mail addresses', () => {
    expect(isEmail('vanthu.ninhkieu@cantho.gov.vn')).toBe(true);
    expect(['vanthu', 'a@b', 'a b@c.vn', 'a@@c.vn', ''].map(isEmail)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(normaliseAddress('  VanThu@CanTho.gov.vn ')).toBe('vanthu@cantho.gov.vn');
  });

  it('names a document PDF after its number and symbol', () => {
    expect(documentFileName('05/QĐ-UBND')).toBe('05-QĐ-UBND.pdf');
    expect(documentFileName('du thao 1')).toBe('du-thao-1.pdf');
  });
});
