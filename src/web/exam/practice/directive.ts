import type { TPracticeView } from '../../../contracts/practice';
import { formatDateVn } from '../../../contracts/practice-domain';

export interface DirectiveDraft {
  text: string;
  lead: string;
  cooperating: string[];
  /** YYYY-MM-DD, as a date field gives it; empty when not chosen. */
  deadline: string;
}

/** Who can be given a document to handle: units and people of the agency, never the candidate. */
export function handlers(directory: TPracticeView['directory']): TPracticeView['directory'] {
  return directory.filter((d) => d.kind === 'unit' || d.kind === 'person');
}

/** What is missing or wrong in a bút phê before it can be forwarded (empty when it can go). */
export function checkDirective(draft: DirectiveDraft, arrivalDate: string): string[] {
  const errors: string[] = [];
  if (!draft.text.trim()) errors.push('Nhập ý kiến chỉ đạo.');
  if (!draft.lead) errors.push('Chọn đơn vị hoặc cá nhân chủ trì xử lý.');
  if (draft.cooperating.includes(draft.lead))
    errors.push('Đơn vị chủ trì không đồng thời là đơn vị phối hợp.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.deadline)) errors.push('Chọn hạn xử lý.');
  else if (draft.deadline < arrivalDate)
    errors.push(`Hạn xử lý không được trước ngày văn bản đến (${formatDateVn(arrivalDate)}).`);
  return errors;
}
