import type { TAppealSection } from '../../../contracts/contest-results-appeals';
import type { ContestRules } from '../../../core/exam/contest';
import { practiceScenarioOf, practiceSectionPoints } from '../../../core/exam/rules';
import { AppError } from '../../../core/shared/app-error';

/**
 * Appeals (đơn phúc khảo) are accepted for this many days after the results are published to
 * candidates, counted to the minute from the publication time.
 */
export const APPEAL_WINDOW_DAYS = 7;

/** The end of the appeal window of results published at `publishedAt`. */
export function appealWindowEnd(publishedAt: Date): Date {
  return new Date(publishedAt.getTime() + APPEAL_WINDOW_DAYS * 24 * 3600_000);
}

/** The sections an appeal may name: practice only when the contest has a practice part. */
export function appealSections(rules: Pick<ContestRules, 'practiceScenario' | 'sections'>): TAppealSection[] {
  const practice = practiceScenarioOf(rules) !== null && practiceSectionPoints(rules) > 0;
  return practice ? ['theory', 'practice', 'total'] : ['theory', 'total'];
}

/** Whether the window is open now; null publication = not published. */
export function appealWindowOpen(publishedAt: Date | null, now: Date): boolean {
  return publishedAt !== null && now.getTime() <= appealWindowEnd(publishedAt).getTime();
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** HH:mm dd/mm/yyyy in Vietnam time. */
function formatVn(d: Date): string {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** Refuses an appeal filed before publication or after the window, in Vietnamese. */
export function assertAppealWindow(publishedAt: Date | null, now: Date): void {
  if (publishedAt === null) {
    throw new AppError('window_closed', 'Kết quả chưa được công bố nên chưa thể nộp đơn phúc khảo', {
      reason: 'not_published',
    });
  }
  const end = appealWindowEnd(publishedAt);
  if (now.getTime() > end.getTime()) {
    throw new AppError(
      'window_closed',
      `Đã hết thời hạn nhận đơn phúc khảo (${APPEAL_WINDOW_DAYS} ngày sau khi công bố, đến ${formatVn(end)})`,
      { reason: 'window_passed', closesAt: end.toISOString() },
    );
  }
}
