/** Text of the appeal box under the candidate's result on the exam page. */
const vi = {
  title: 'Phúc khảo',
  loading: 'Đang tải…',
  error: 'Không tải được thông tin phúc khảo.',
  retry: 'Thử lại',
  until: 'Bạn có thể nộp đơn phúc khảo đến {date}.',
  closed: 'Đã hết thời hạn nhận đơn phúc khảo ({date}).',
  open: 'Nộp đơn phúc khảo',
  section: 'Nội dung phúc khảo',
  theory: 'Lý thuyết',
  practice: 'Thực hành',
  total: 'Toàn bộ kết quả',
  text: 'Nội dung đơn',
  help: 'Nêu rõ câu hỏi hoặc thao tác bạn đề nghị xem xét lại. Còn {left} ký tự.',
  required: 'Vui lòng nhập nội dung đơn',
  send: 'Gửi đơn',
  sending: 'Đang gửi…',
  cancel: 'Hủy',
  sent: 'Đã nhận đơn phúc khảo của bạn.',
  mine: 'Đơn đã nộp',
  filedAt: 'Nộp lúc {date}',
  s_open: 'Đang chờ giải quyết',
  s_accepted: 'Được chấp nhận',
  s_rejected: 'Không được chấp nhận',
  reason: 'Lý do: {reason}',
  adjusted: 'Điều chỉnh {section}: {points} điểm',
};

const en: typeof vi = {
  title: 'Appeal',
  loading: 'Loading…',
  error: 'Could not load the appeal information.',
  retry: 'Retry',
  until: 'You may appeal until {date}.',
  closed: 'The appeal window has closed ({date}).',
  open: 'File an appeal',
  section: 'Appeal on',
  theory: 'Theory',
  practice: 'Practice',
  total: 'Whole result',
  text: 'Your appeal',
  help: 'Name the question or action to be reviewed. {left} characters left.',
  required: 'Please write your appeal',
  send: 'Send',
  sending: 'Sending…',
  cancel: 'Cancel',
  sent: 'Your appeal has been received.',
  mine: 'Your appeals',
  filedAt: 'Filed {date}',
  s_open: 'Awaiting decision',
  s_accepted: 'Accepted',
  s_rejected: 'Rejected',
  reason: 'Reason: {reason}',
  adjusted: '{section} adjusted by {points} points',
};

export type AppealTextKey = keyof typeof vi;

export function appealText(
  lang: 'vi' | 'en',
  key: AppealTextKey,
  params?: Record<string, string | number>,
): string {
  const text = (lang === 'en' ? en : vi)[key];
  return params ? text.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? '')) : text;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** HH:mm dd/mm/yyyy in Vietnam time. */
export function formatWhen(iso: string): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
