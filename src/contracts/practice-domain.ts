/** Pure practice-part helpers the exam page needs (labels, addresses, reply prefills), re-exported from the core. */

export { formatDateTimeVn, isEmail, normaliseAddress, vnDate } from '../core/office/helpers';
export { composeReply, type ReplyMode } from '../core/office/mail-compose';
export { DOCUMENT_TYPES } from '../core/office/numbering';
export type { SandboxState } from '../core/office/state';
export { HISTORY_LABELS, STATUS_LABELS } from '../core/office/tracking';
export { formatDateVn } from '../core/shared/dates';
export { foldVietnamese } from '../core/shared/text';
