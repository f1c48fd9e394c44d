import i18n from 'i18next';
import { useEffect } from 'react';

/** Sets the browser tab title to "<page> · Thước Đo". */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    const suffix = i18n.t('app.titleSuffix');
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title]);
}
