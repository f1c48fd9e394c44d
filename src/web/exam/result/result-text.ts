/** Text of the candidate's own result on the exam page. */
const vi = {
  title: 'Kết quả của bạn',
  loading: 'Đang tải kết quả…',
  notPublished: 'Kết quả chưa được công bố. Khi ban tổ chức công bố, kết quả của bạn sẽ hiện ở đây.',
  theory: 'Lý thuyết',
  practice: 'Thực hành',
  total: 'Tổng điểm',
  of: 'trên {max}',
  pass: 'Đạt',
  below: 'Dưới {threshold} điểm: không xét khen thưởng',
  noResult: 'Chưa có kết quả',
  absent: 'Bạn không dự thi kỳ thi này.',
  pending: 'Bài thi của bạn chưa chấm xong.',
  answersTitle: 'Bài làm của bạn',
  question: 'Câu {n}',
  points: '{points}/{max} điểm',
  yourChoice: 'bạn chọn',
  correct: 'đáp án đúng',
  noAnswer: 'Bạn không trả lời câu này.',
  error: 'Không tải được kết quả. Vui lòng thử lại.',
  retry: 'Thử lại',
};
const en: typeof vi = {
  title: 'Your result',
  loading: 'Loading your result…',
  notPublished: 'Results are not published yet. Your result will show here once the organisers publish it.',
  theory: 'Theory',
  practice: 'Practice',
  total: 'Total',
  of: 'of {max}',
  pass: 'Pass',
  below: 'Below {threshold}: not eligible for rewards',
  noResult: 'No result yet',
  absent: 'You did not sit this exam.',
  pending: 'Your exam is not fully graded yet.',
  answersTitle: 'Your answers',
  question: 'Question {n}',
  points: '{points}/{max} points',
  yourChoice: 'your choice',
  correct: 'correct answer',
  noAnswer: 'You did not answer this question.',
  error: 'Could not load your result. Please try again.',
  retry: 'Retry',
};

export type ResultTextKey = keyof typeof vi;

export function resultText(
  lang: 'vi' | 'en',
  key: ResultTextKey,
  params?: Record<string, string | number>,
): string {
  return (lang === 'en' ? en : vi)[key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params?.[name] ?? ''),
  );
}

const vnNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Points as the language writes them ("72,5" in Vietnamese). */
export const formatPoints = (lang: 'vi' | 'en', n: number) => (lang === 'en' ? enNumber : vnNumber).format(n);
