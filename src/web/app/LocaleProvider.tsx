import { ConfigProvider } from 'antd';
import en_US from 'antd/locale/en_US';
import vi_VN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

/** AntD and dayjs follow the i18next language; <html lang> too. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  dayjs.locale(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? en_US : vi_VN} theme={theme}>
      {children}
    </ConfigProvider>
  );
}
