import dayjs, { type Dayjs } from 'dayjs';
import { CYCLE_WINDOWS, formatVnDateTime as formatVn } from '../../../contracts/cycle-domain';
import type { CycleWindow } from './types';

export { CYCLE_WINDOWS, REVIEW_STATES, UNIT_STATES } from '../../../contracts/cycle-domain';

export const LEVELS = ['so', 'huyen', 'xa'] as const;
export type Level = (typeof LEVELS)[number];

export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
const VN_OFFSET_MS = 7 * 3600_000;

/**
 * A picked date-time read as Vietnam's wall clock (UTC+7, no daylight saving), whatever the browser's
 * time zone: officials set deadlines in Vietnam time.
 */
export function toVnInstant(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
}

/** An instant as a picker value showing Vietnam's wall clock. */
export function fromVnInstant(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  return dayjs(new Date(t + VN_OFFSET_MS).toISOString().slice(0, 16));
}

/** dd/mm/yyyy HH:mm in Vietnam time (empty for none). */
export function formatVnDateTime(iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime()) ? formatVn(d) : '';
}

export interface WindowProblem {
  window: CycleWindow;
  key: 'windowMissing' | 'windowOrder' | 'windowStartBefore' | 'windowEndBefore';
  prev?: CycleWindow;
}

/**
 * Problems of a calendar as translation keys (empty when valid): each stage opens before it closes and
 * neither starts nor ends before the stage before it (the rule the server applies).
 */
export function windowProblems(
  spans: Partial<Record<CycleWindow, [Dayjs | null, Dayjs | null] | null>>,
): WindowProblem[] {
  const problems: WindowProblem[] = [];
  CYCLE_WINDOWS.forEach((w, i) => {
    const span = spans[w];
    if (!span?.[0] || !span[1]) {
      problems.push({ window: w, key: 'windowMissing' });
      return;
    }
    if (!span[0].isBefore(span[1])) problems.push({ window: w, key: 'windowOrder' });
    const prev = i > 0 ? CYCLE_WINDOWS[i - 1] : undefined;
    const before = prev ? spans[prev] : null;
    if (!prev || !before?.[0] || !before[1]) return;
    if (span[0].isBefore(before[0])) problems.push({ window: w, key: 'windowStartBefore', prev });
    if (span[1].isBefore(before[1])) problems.push({ window: w, key: 'windowEndBefore', prev });
  });
  return problems;
}

/** Points as Vietnamese readers write them (comma decimals), at most two decimals. */
export function formatPoints(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}

/** An index value 0–1 with four decimals (0,6512 in Vietnamese). */
export function formatValue(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN', {
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
  });
}

/** A form page of a unit in a cycle; `code` scrolls to one indicator. */
export function unitFormPath(cycleId: string, unitId: string, code?: string): string {
  const base = `/dti/cycles/${cycleId}/units/${unitId}`;
  return code ? `${base}?code=${encodeURIComponent(code)}` : base;
}
