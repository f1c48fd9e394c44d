import { AppError } from '../shared/app-error';

/**
 * The windows of a yearly DTI cycle, in the order the province runs them: units self-assess, reviewers
 * check, units explain (giải trình) or add evidence, the appraisal council confirms, results are
 * published. Each window locks at its deadline; an organiser may extend it for one unit.
 */
export const CYCLE_WINDOWS = ['self_assessment', 'review', 'explanation', 'council', 'publication'] as const;
export type CycleWindow = (typeof CYCLE_WINDOWS)[number];

export const CYCLE_WINDOW_LABELS: Record<CycleWindow, string> = {
  self_assessment: 'tự đánh giá',
  review: 'thẩm định',
  explanation: 'giải trình, bổ sung minh chứng',
  council: 'hội đồng thẩm định',
  publication: 'công bố kết quả',
};

export interface WindowSpan {
  opensAt: Date;
  closesAt: Date;
}

export type CycleWindows = Record<CycleWindow, WindowSpan>;

/** A later deadline for one unit in one window ("gia hạn"), with the organiser's reason. */
export interface WindowExtension {
  unitId: string;
  window: CycleWindow;
  until: Date;
}

export interface WindowState {
  state: 'not_open' | 'open' | 'closed';
  opensAt: Date;
  /** The unit's deadline: the window's, or its extension when later. */
  closesAt: Date;
  extended: boolean;
}

/** Dates as officials read them: dd/mm/yyyy HH:mm in Vietnam's time (UTC+7, no daylight saving). */
export function formatVnDateTime(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${p(vn.getUTCHours())}:${p(vn.getUTCMinutes())}`;
}

/**
 * Problems of a cycle's calendar, in Vietnamese (empty when valid): every window must open before it
 * closes, and each stage may start or end no earlier than the stage before it (stages may overlap, as
 * when reviewers begin on early submissions).
 */
export function validateCycleWindows(windows: CycleWindows): string[] {
  const problems: string[] = [];
  CYCLE_WINDOWS.forEach((name, i) => {
    const w = windows[name];
    const label = CYCLE_WINDOW_LABELS[name];
    if (!(w.opensAt < w.closesAt)) problems.push(`Thời gian ${label}: ngày bắt đầu phải trước ngày kết thúc`);
    const before = i > 0 ? CYCLE_WINDOWS[i - 1]! : null;
    if (!before) return;
    const prev = windows[before];
    const prevLabel = CYCLE_WINDOW_LABELS[before];
    if (w.opensAt < prev.opensAt)
      problems.push(`Thời gian ${label} không được bắt đầu trước thời gian ${prevLabel}`);
    if (w.closesAt < prev.closesAt)
      problems.push(`Thời gian ${label} không được kết thúc trước thời gian ${prevLabel}`);
  });
  return problems;
}

/** Where a unit stands in one window at `now`, its own extension included. */
export function windowState(
  windows: CycleWindows,
  extensions: readonly WindowExtension[],
  unitId: string,
  window: CycleWindow,
  now: Date,
): WindowState {
  const span = windows[window];
  const extension = extensions
    .filter((e) => e.unitId === unitId && e.window === window && e.until > span.closesAt)
    .reduce<Date | null>((latest, e) => (!latest || e.until > latest ? e.until : latest), null);
  const closesAt = extension ?? span.closesAt;
  const state = now < span.opensAt ? 'not_open' : now < closesAt ? 'open' : 'closed';
  return { state, opensAt: span.opensAt, closesAt, extended: extension !== null };
}

/**
 * Refuses a write outside its window with a message that says which window and when it runs (or ran),
 * so that the official knows whom to ask for an extension. Nothing is written by the caller then.
 */
export function assertWindowOpen(
  windows: CycleWindows,
  extensions: readonly WindowExtension[],
  unitId: string,
  window: CycleWindow,
  now: Date,
): void {
  const s = windowState(windows, extensions, unitId, window, now);
  if (s.state === 'open') return;
  const label = CYCLE_WINDOW_LABELS[window];
  const span = `từ ${formatVnDateTime(s.opensAt)} đến ${formatVnDateTime(s.closesAt)}`;
  throw new AppError(
    'window_closed',
    s.state === 'not_open'
      ? `Chưa đến thời gian ${label} (${span})`
      : `Đã hết thời gian ${label} (${span}). Liên hệ đơn vị tổ chức nếu cần gia hạn`,
    { window, state: s.state, opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString() },
  );
}

/** Units whose deadline in `window` falls within the next `hours`: for "deadline approaching" notices. */
export function closingSoon(
  windows: CycleWindows,
  extensions: readonly WindowExtension[],
  unitIds: readonly string[],
  window: CycleWindow,
  now: Date,
  hours: number,
): { unitId: string; closesAt: Date }[] {
  const horizon = now.getTime() + hours * 3600_000;
  return unitIds.flatMap((unitId) => {
    const s = windowState(windows, extensions, unitId, window, now);
    return s.state === 'open' && s.closesAt.getTime() <= horizon ? [{ unitId, closesAt: s.closesAt }] : [];
  });
}
