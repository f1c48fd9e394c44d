/** UI text of the questions pages. The English object must have the same keys. */
export const questionsVi = {
  title: 'Ngân hàng câu hỏi',
};

export const questionsEn: Record<keyof typeof questionsVi, string> = {
  title: 'Question bank',
};
