import { formatDateTimeVn, formatDateVn, vnDate } from '../../../contracts/practice-domain';

export { formatDateTimeVn as formatDateTime, formatDateVn as formatDay };

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A mail's date as webmail shows it in Vietnam: "Thứ Năm, 22/06/2023 14:10" (Asia/Ho_Chi_Minh). */
export function formatMailDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const weekday = WEEKDAYS[new Date(ms + VN_OFFSET_MS).getUTCDay()];
  return `${weekday}, ${formatDateTimeVn(iso)}`;
}

/** Today's calendar date (YYYY-MM-DD) in Vietnam at instant `nowMs`. */
export function vnToday(nowMs: number): string {
  return vnDate(new Date(nowMs).toISOString());
}

/** Past its deadline and still open (not completed, not issued), counted in Vietnam's calendar. */
export function isOverdue(dueDate: string | undefined, status: string, nowMs: number): boolean {
  if (!dueDate || status === 'hoan_thanh' || status === 'da_phat_hanh') return false;
  return dueDate < vnToday(nowMs);
}
