import type { TWindows } from '../../contracts/cycles';
import { CYCLE_WINDOWS, type CycleWindows, validateCycleWindows } from '../../core/cycle/windows';
import { AppError } from '../../core/shared/app-error';

/** The calendar of a request, checked in order; every problem is listed. */
export function toWindowsInput(input: TWindows): TWindows {
  const windows = {} as CycleWindows;
  for (const w of CYCLE_WINDOWS)
    windows[w] = { opensAt: new Date(input[w].opensAt), closesAt: new Date(input[w].closesAt) };
  const problems = validateCycleWindows(windows);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      problems[0]!,
      problems.map((message) => ({ path: 'windows', message })),
    );
  }
  return input;
}
