/** UI text of the proctor pages. The English object must have the same keys. */
export const proctorVi = {
  title: 'Giám sát ca thi',
};

export const proctorEn: Record<keyof typeof proctorVi, string> = {
  title: 'Session monitor',
};
