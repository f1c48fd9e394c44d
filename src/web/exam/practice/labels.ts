import type { TPracticeDocument, TPracticeMail } from '../../../contracts/practice';
import { DOCUMENT_TYPES, HISTORY_LABELS, STATUS_LABELS } from '../../../contracts/practice-domain';

export { HISTORY_LABELS, STATUS_LABELS };

export const URGENCY_LABELS: Record<
  Extract<TPracticeDocument, { direction: 'incoming' }>['urgency'],
  string
> = {
  thuong: 'Thường',
  khan: 'Khẩn',
  thuong_khan: 'Thượng khẩn',
  hoa_toc: 'Hỏa tốc',
};

export const FOLDER_LABELS: Record<TPracticeMail['folder'], string> = {
  inbox: 'Hộp thư đến',
  sent: 'Đã gửi',
  drafts: 'Thư nháp',
  trash: 'Thùng rác',
  junk: 'Thư rác',
};

/** The Vietnamese name of a document type ("Công văn", "Kế hoạch"). */
export function documentTypeName(type: TPracticeDocument['type']): string {
  return DOCUMENT_TYPES[type]?.name ?? type;
}
