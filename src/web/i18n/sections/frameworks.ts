/** UI text of the frameworks pages. The English object must have the same keys. */
export const frameworksVi = {
  title: 'Bộ chỉ số',
};

export const frameworksEn: Record<keyof typeof frameworksVi, string> = {
  title: 'Index sets',
};
