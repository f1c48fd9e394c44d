/** Pure DTI-cycle helpers the web needs (labels, dates, the server's rounding), re-exported from the core. */

export type { EntryStatus, ReviewState, UnitState } from '../core/cycle/states';
export {
  awaitsReviewer,
  ENTRY_STATUS_LABELS,
  ENTRY_STATUSES,
  isAppraised,
  REVIEW_STATE_LABELS,
  REVIEW_STATES,
  UNIT_STATE_LABELS,
  UNIT_STATES,
} from '../core/cycle/states';
export type { CycleWindow } from '../core/cycle/windows';
export { CYCLE_WINDOW_LABELS, CYCLE_WINDOWS, formatVnDateTime } from '../core/cycle/windows';
export type { Rounding } from '../core/scoring/rounding';
export { roundPoints } from '../core/scoring/rounding';
