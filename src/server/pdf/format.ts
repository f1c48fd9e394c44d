const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export type VnDateParts = Record<'day' | 'month' | 'year' | 'hour' | 'minute' | 'second', string>;

/** Two-digit date and time parts of an instant in Asia/Ho_Chi_Minh, whatever the server's time zone. */
export function vnDateParts(date: Date): VnDateParts {
  return Object.fromEntries(PARTS.formatToParts(date).map((x) => [x.type, x.value])) as VnDateParts;
}

/** "07:30 ngày 24/06/2026", in Asia/Ho_Chi_Minh whatever the server's time zone. */
export function formatDateTimeVn(date: Date): string {
  const p = vnDateParts(date);
  return `${p.hour}:${p.minute} ngày ${p.day}/${p.month}/${p.year}`;
}
