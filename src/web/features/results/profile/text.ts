import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { resultsProfileVi } from '../../../i18n/sections/resultsProfile';

export type ProfileKey = keyof typeof resultsProfileVi;
export type ProfileText = (key: ProfileKey, values?: Record<string, string | number>) => string;

/** The profile's own text section (`resultsProfile.*`), with its keys checked against the section file. */
export function useProfileText(): { pt: ProfileText; lang: string } {
  const { t, i18n } = useTranslation();
  const loose = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const pt = useCallback<ProfileText>((key, values) => loose(`resultsProfile.${key}`, values), [loose]);
  return { pt, lang: i18n.language };
}
