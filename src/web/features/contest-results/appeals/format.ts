import type { TAppealSection, TAppealStatus } from '../../../../contracts/contest-results-appeals';
import type { Tone } from '../../proctor/ToneTag';

/** Points in the UI language's format (42,5 in Vietnamese), at most two decimals. */
export function formatPoints(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}

/** A signed adjustment: +2, −1,5. */
export function formatSigned(n: number, lang: string): string {
  return `${n > 0 ? '+' : '−'}${formatPoints(Math.abs(n), lang)}`;
}

export const STATUS_COLOR: Record<TAppealStatus, Tone> = {
  open: 'gold',
  accepted: 'green',
  rejected: 'default',
};

export const sectionKey = (s: TAppealSection | 'theory' | 'practice') =>
  `contestResultsAppeals.section_${s}` as const;
