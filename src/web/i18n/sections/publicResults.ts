/** The link to the public results pages (server-rendered, outside the app). Same keys in both languages. */
export const publicResultsVi = {
  link: 'Xem kết quả đánh giá chuyển đổi số (DTI) đã công bố',
};

export const publicResultsEn: typeof publicResultsVi = {
  link: 'Published digital transformation (DTI) results',
};
