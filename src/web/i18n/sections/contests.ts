/** UI text of the contests pages. The English object must have the same keys. */
export const contestsVi = {
  title: 'Kỳ thi & thí sinh',
};

export const contestsEn: Record<keyof typeof contestsVi, string> = {
  title: 'Contests and candidates',
};
