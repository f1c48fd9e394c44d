/**
 * States of a unit's assessment in a cycle (product convention, see the domain notes): a draft is
 * submitted, reviewed (possibly returned for more evidence), approved by the council and published.
 */
export const UNIT_STATES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'reviewed',
  'approved',
  'published',
] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export const UNIT_STATE_LABELS: Record<UnitState, string> = {
  draft: 'Nháp',
  submitted: 'Đã nộp',
  under_review: 'Đang thẩm định',
  returned: 'Yêu cầu bổ sung',
  reviewed: 'Đã thẩm định',
  approved: 'Hội đồng phê duyệt',
  published: 'Công bố',
};

/** The status of one indicator as the unit's officials read it (the labels of real provincial files). */
export const ENTRY_STATUSES = ['not_started', 'in_progress', 'needs_evidence', 'done'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  needs_evidence: 'Cần bổ sung minh chứng',
  done: 'Hoàn thành',
};

/**
 * A reviewer's position on one submitted indicator: not yet looked at, agreed with the self-score,
 * adjusted it, asked for more evidence, or (after such a request) the unit has answered.
 */
export const REVIEW_STATES = ['pending', 'agreed', 'adjusted', 'requested', 'answered'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  pending: 'Chờ thẩm định',
  agreed: 'Thống nhất',
  adjusted: 'Điều chỉnh',
  requested: 'Yêu cầu bổ sung',
  answered: 'Đã giải trình',
};

/** A review that still needs a reviewer's decision. */
export function awaitsReviewer(review: ReviewState | null): boolean {
  return review === 'pending' || review === 'answered';
}

/** A review the council can rely on: the reviewer agreed or set the appraised score. */
export function isAppraised(review: ReviewState | null): boolean {
  return review === 'agreed' || review === 'adjusted';
}

/**
 * The unit's state derived from its indicators' reviews (submitted units only): any open request →
 * returned; all appraised → reviewed; any decision taken → under review; otherwise submitted.
 */
export function unitReviewState(reviews: readonly (ReviewState | null)[]): UnitState {
  if (reviews.some((r) => r === 'requested')) return 'returned';
  if (reviews.length > 0 && reviews.every(isAppraised)) return 'reviewed';
  if (reviews.some((r) => r !== 'pending' && r !== null)) return 'under_review';
  return 'submitted';
}
