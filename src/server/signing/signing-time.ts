import { vnDateParts } from '../pdf/format';

const VN_OFFSET_MINUTES = 7 * 60; // Asia/Ho_Chi_Minh has had UTC+7 without daylight saving since 1975.

/** "24/06/2026 07:30:15", Asia/Ho_Chi_Minh whatever the server's zone: the time shown on the stamp. */
export function formatSigningTimeVn(date: Date): string {
  const p = vnDateParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** The PDF date string for /M in Vietnam time: "D:20260624073015+07'00'" (ISO 32000-1 §7.9.4). */
export function formatPdfDate(date: Date): string {
  const local = new Date(date.getTime() + VN_OFFSET_MINUTES * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp =
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1) +
    pad(local.getUTCDate()) +
    pad(local.getUTCHours()) +
    pad(local.getUTCMinutes()) +
    pad(local.getUTCSeconds());
  return `D:${stamp}+07'00'`;
}

/**
 * A PDF date string as an instant, or null when it is not one. Missing fields default as the standard
 * says (month and day 1, time 0, UTC when no offset is given).
 */
export function parsePdfDate(text: string): Date | null {
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const n = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  const utc = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offset = sign * (n(m[8], 0) * 60 + n(m[9], 0));
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}
