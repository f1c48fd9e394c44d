import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { cycleFormVi } from '../../../i18n/sections/cycleForm';

export type FormKey = keyof typeof cycleFormVi;
export type FormText = (key: FormKey, values?: Record<string, string | number>) => string;

/** The form's own text section (`cycleForm.*`), with its keys checked against the section file. */
export function useFormText(): { ft: FormText; lang: string } {
  const { t, i18n } = useTranslation();
  // The section's keys are checked by FormKey; the app-wide key union may not list it yet.
  const loose = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const ft = useCallback<FormText>((key, values) => loose(`cycleForm.${key}`, values), [loose]);
  return { ft, lang: i18n.language };
}
