import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { formatDateVn } from '../../contracts/domain';

export const DATE_FORMAT = 'DD/MM/YYYY';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** YYYY-MM-DD → dd/mm/yyyy (empty for null). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateVn(iso) : '';
}

/** An ISO timestamp as dd/mm/yyyy HH:mm:ss in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Today in Vietnam, YYYY-MM-DD. */
export function todayIso(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function toIso(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

export function fromIso(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso) : null;
}
