import { describe, expect, it } from 'vitest';
import { formatMailDate, isOverdue, vnToday } from './format';

describe('Vietnamese dates', () => {
  it('writes a mail date with the weekday, in Vietnam time', () => {
    // 22/06/2023 was a Thursday (calendar); the instant is already in +07:00.
    expect(formatMailDate('2023-06-22T14:10:00+07:00')).toBe('Thứ Năm, 22/06/2023 14:10');
    // 20:00 UTC is 03:00 the next morning in Hà Nội: Friday 23/06.
    expect(formatMailDate('2023-06-22T20:00:00Z')).toBe('Thứ Sáu, 23/06/2023 03:00');
    // 25/06/2023 was a Sunday.
    expect(formatMailDate('2023-06-25T08:00:00+07:00')).toBe('Chủ nhật, 25/06/2023 08:00');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatMailDate('hôm qua')).toBe('hôm qua');
  });

  it('counts the day in Vietnam, not in UTC', () => {
    // 17:30 UTC on the 27th is 00:30 on the 28th in Vietnam.
    expect(vnToday(Date.parse('2023-06-27T17:30:00Z'))).toBe('2023-06-28');
    expect(vnToday(Date.parse('2023-06-27T16:59:00Z'))).toBe('2023-06-27');
  });

  it('is overdue only after the deadline day and while the document is still open', () => {
    const on28 = Date.parse('2023-06-28T10:00:00+07:00');
    const on29 = Date.parse('2023-06-29T00:10:00+07:00');
    expect(isOverdue('2023-06-28', 'dang_xu_ly', on28)).toBe(false);
    expect(isOverdue('2023-06-28', 'dang_xu_ly', on29)).toBe(true);
    expect(isOverdue('2023-06-28', 'hoan_thanh', on29)).toBe(false);
    expect(isOverdue(undefined, 'dang_xu_ly', on29)).toBe(false);
  });
});
