import type { PaperItem } from './contest';

/** What the server keeps of an attempt between saves. */
export interface SaveState {
  lastSeq: number;
  /** Version id → selected option keys (in the candidate's option order); unanswered items are absent. */
  answers: Record<string, string[]>;
  flagged: string[];
}

/**
 * One save from the exam page. Each save carries the candidate's full current answers (30 questions
 * are small), so the highest sequence wins and duplicate or out-of-order deliveries cannot corrupt the
 * state; there are no deltas to merge.
 */
export interface Save {
  /** Increases with every save of the page (per attempt); a retry resends the same number. */
  seq: number;
  answers: Record<string, string[]>;
  /** Full list of flagged items too; absent means none (a delta here would break last-save-wins). */
  flagged?: string[];
}

export type SaveOutcome =
  | { outcome: 'applied'; applied: true; state: SaveState }
  /** seq ≤ lastSeq: a retry or a late delivery of an older save; nothing changes, not an error. */
  | { outcome: 'stale'; applied: false; state: SaveState }
  | { outcome: 'refused'; applied: false; state: SaveState; reason: SaveRefusalReason; message: string };

export type SaveRefusalReason = 'bad_seq' | 'unknown_question' | 'unknown_option' | 'bad_shape';

const refuse = (state: SaveState, reason: SaveRefusalReason, message: string): SaveOutcome => ({
  outcome: 'refused',
  applied: false,
  state,
  reason,
  message,
});

/**
 * Applies a save to the attempt's state. Idempotent: applying the same save twice, or an older one
 * after a newer one, leaves the newer state. A save naming a question or option not in the paper is
 * refused whole (a stale page of another attempt or a forged request) and consumes no sequence number.
 */
export function applySave(state: SaveState, save: Save, paper: PaperItem[]): SaveOutcome {
  if (!Number.isSafeInteger(save.seq) || save.seq < 1) {
    return refuse(state, 'bad_seq', 'Số thứ tự lần lưu không hợp lệ');
  }
  if (save.seq <= state.lastSeq) return { outcome: 'stale', applied: false, state };
  if (typeof save.answers !== 'object' || save.answers === null || Array.isArray(save.answers)) {
    return refuse(state, 'bad_shape', 'Dữ liệu bài làm không hợp lệ');
  }

  const items = new Map(paper.map((item) => [item.versionId, item]));
  const answers: Record<string, string[]> = {};
  for (const [versionId, selected] of Object.entries(save.answers)) {
    const item = items.get(versionId);
    if (!item) return refuse(state, 'unknown_question', 'Câu trả lời cho một câu hỏi không có trong đề thi');
    if (!Array.isArray(selected) || selected.some((k) => typeof k !== 'string')) {
      return refuse(state, 'bad_shape', 'Dữ liệu bài làm không hợp lệ');
    }
    if (selected.some((k) => !item.optionOrder.includes(k))) {
      return refuse(state, 'unknown_option', 'Câu trả lời chọn một phương án không có trong câu hỏi');
    }
    // Stored in the order the candidate sees, without repeats, so equal answers compare equal.
    const chosen = item.optionOrder.filter((k) => selected.includes(k));
    if (chosen.length > 0) answers[versionId] = chosen;
  }

  let flagged: string[] = [];
  if (save.flagged !== undefined) {
    if (!Array.isArray(save.flagged) || save.flagged.some((v) => typeof v !== 'string')) {
      return refuse(state, 'bad_shape', 'Danh sách câu đánh dấu không hợp lệ');
    }
    if (save.flagged.some((v) => !items.has(v))) {
      return refuse(state, 'unknown_question', 'Đánh dấu một câu hỏi không có trong đề thi');
    }
    flagged = paper.map((item) => item.versionId).filter((v) => save.flagged!.includes(v));
  }

  return { outcome: 'applied', applied: true, state: { lastSeq: save.seq, answers, flagged } };
}
