/** Text of the candidate page: Vietnamese, with English for the rare candidate who needs it. */
const vi = {
  title: 'Bài thi',
  loginTitle: 'Đăng nhập dự thi',
  loginHelp: 'Nhập số báo danh và mật khẩu in trên phiếu dự thi.',
  number: 'Số báo danh',
  password: 'Mật khẩu',
  login: 'Vào thi',
  loggingIn: 'Đang đăng nhập…',
  required: 'Vui lòng nhập số báo danh và mật khẩu',
  waitingTitle: 'Phòng chờ',
  waitingHelp: 'Ca thi chưa bắt đầu. Trang sẽ tự chuyển sang bài thi khi giám thị bắt đầu ca thi.',
  paused: 'Ca thi đang tạm dừng theo lệnh của giám thị. Thời gian làm bài không bị tính trong lúc tạm dừng.',
  scheduledAt: 'Giờ thi dự kiến',
  session: 'Ca thi',
  room: 'Phòng',
  candidate: 'Thí sinh',
  timeLeft: 'Thời gian còn lại',
  question: 'Câu {n}/{total}',
  chooseOne: 'Chọn một phương án đúng.',
  chooseMany: 'Chọn tất cả các phương án đúng.',
  chooseTrueFalse: 'Chọn Đúng hoặc Sai.',
  flag: 'Đánh dấu xem lại',
  unflag: 'Bỏ đánh dấu',
  previous: '← Câu trước',
  next: 'Câu sau →',
  navigator: 'Danh sách câu hỏi',
  legendAnswered: 'Đã trả lời',
  legendFlagged: 'Đánh dấu',
  legendCurrent: 'Đang xem',
  answeredCount: 'Đã trả lời {n}/{total} câu',
  submit: 'Nộp bài',
  submitTitle: 'Nộp bài thi?',
  submitUnanswered: 'Bạn còn {n} câu chưa trả lời (bấm số câu để quay lại làm):',
  questionShort: 'Câu {n}',
  submitFlagged: 'Bạn đang đánh dấu xem lại {n} câu.',
  submitWarn: 'Sau khi nộp, bạn không thể sửa bài.',
  submitConfirm: 'Nộp bài',
  keepWorking: 'Tiếp tục làm bài',
  submitting: 'Đang nộp bài…',
  saved: 'Đã lưu',
  pending: 'Đang lưu…',
  offline: 'Chưa lưu lên máy chủ — mất kết nối. Câu trả lời được giữ trên máy này và sẽ tự gửi lại.',
  closed: 'Máy chủ không nhận thêm thay đổi.',
  timeUp: 'Hết giờ làm bài. Bài thi được máy chủ tự động nộp với các câu trả lời đã lưu.',
  doneTitle: 'Bài thi đã được nộp',
  doneAt: 'Thời điểm nộp: {time}',
  doneHelp: 'Kết quả sẽ được công bố theo quy chế hội thi. Bạn có thể đóng trang này.',
  logout: 'Đăng xuất',
  loginLost:
    'Máy này không còn giữ bài thi: bài đang được mở trên máy khác hoặc phiên đăng nhập đã hết hạn. Đăng nhập lại nếu giám thị cho phép.',
  minuteLeft: 'Còn {n} phút',
  secondsLeft: 'Còn {n} giây',
  errorTitle: 'Không kết nối được máy chủ',
  retry: 'Thử lại',
  language: 'English',
  parts: 'Phần thi',
  theoryPart: 'Phần lý thuyết',
  practicePart: 'Phần thực hành',
  loadingPractice: 'Đang tải phần thực hành…',
};

export type TextKey = keyof typeof vi;

const en: Record<TextKey, string> = {
  title: 'Exam',
  loginTitle: 'Sign in to the exam',
  loginHelp: 'Enter the candidate number and password printed on your slip.',
  number: 'Candidate number',
  password: 'Password',
  login: 'Start',
  loggingIn: 'Signing in…',
  required: 'Please enter your candidate number and password',
  waitingTitle: 'Waiting room',
  waitingHelp: 'The session has not started. This page opens the exam as soon as the proctor starts it.',
  paused: 'The proctor has paused the session. The pause does not count against your time.',
  scheduledAt: 'Scheduled start',
  session: 'Session',
  room: 'Room',
  candidate: 'Candidate',
  timeLeft: 'Time left',
  question: 'Question {n}/{total}',
  chooseOne: 'Choose one answer.',
  chooseMany: 'Choose every correct answer.',
  chooseTrueFalse: 'Choose True or False.',
  flag: 'Flag for review',
  unflag: 'Remove flag',
  previous: '← Previous',
  next: 'Next →',
  navigator: 'Questions',
  legendAnswered: 'Answered',
  legendFlagged: 'Flagged',
  legendCurrent: 'Current',
  answeredCount: '{n} of {total} answered',
  submit: 'Submit',
  submitTitle: 'Submit the exam?',
  submitUnanswered: '{n} questions are unanswered (choose one to go back to it):',
  questionShort: 'Question {n}',
  submitFlagged: '{n} questions are flagged for review.',
  submitWarn: 'You cannot change your answers after submitting.',
  submitConfirm: 'Submit',
  keepWorking: 'Keep working',
  submitting: 'Submitting…',
  saved: 'Saved',
  pending: 'Saving…',
  offline:
    'Not saved to the server: connection lost. Your answers are kept on this PC and will be sent again.',
  closed: 'The server takes no more changes.',
  timeUp: 'Time is up. The server submits your exam with every saved answer.',
  doneTitle: 'Your exam has been submitted',
  doneAt: 'Submitted at {time}',
  doneHelp: 'Results are published as the contest rules say. You may close this page.',
  logout: 'Sign out',
  loginLost:
    'This PC no longer holds the exam: it is open on another PC or the login expired. Sign in again if the proctor allows it.',
  minuteLeft: '{n} minutes left',
  secondsLeft: '{n} seconds left',
  errorTitle: 'Cannot reach the server',
  retry: 'Retry',
  language: 'Tiếng Việt',
  parts: 'Exam parts',
  theoryPart: 'Theory',
  practicePart: 'Practice',
  loadingPractice: 'Loading the practice part…',
};

const STORAGE_KEY = 'thuocdo.lang';

export function initialLanguage(): 'vi' | 'en' {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLanguage(lang: 'vi' | 'en'): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The text for a key in a language, with `{name}` placeholders filled. */
export function translate(lang: 'vi' | 'en', key: TextKey, params?: Record<string, string | number>): string {
  const template = (lang === 'en' ? en : vi)[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
