import { describe, expect, it } from 'vitest';
import { formatPdfDate, formatSigningTimeVn, parsePdfDate } from './signing-time';

describe('signing time', () => {
  // 00:30:05 UTC on 24 June 2026 is 07:30:05 in Vietnam (UTC+7).
  const instant = new Date('2026-06-24T00:30:05Z');

  it('shows dd/mm/yyyy HH:mm:ss in Vietnam time', () => {
    expect(formatSigningTimeVn(instant)).toBe('24/06/2026 07:30:05');
    // 17:00 UTC is already the next day in Vietnam.
    expect(formatSigningTimeVn(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00:00');
  });

  it('writes /M with the +07 offset and reads it back to the same instant', () => {
    expect(formatPdfDate(instant)).toBe("D:20260624073005+07'00'");
    expect(parsePdfDate(formatPdfDate(instant))?.toISOString()).toBe(instant.toISOString());
  });

  it('reads other writers’ forms and refuses garbage', () => {
    expect(parsePdfDate('D:20260624003005Z')?.toISOString()).toBe('2026-06-24T00:30:05.000Z');
    expect(parsePdfDate("D:20260623203005-04'00")?.toISOString()).toBe('2026-06-24T00:30:05.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('hôm qua')).toBeNull();
  });
});
