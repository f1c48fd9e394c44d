import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Switches between Vietnamese and English; the button names the language it switches to. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      lang={target}
      title={t('app.switchLanguageLabel')}
      onClick={() => setLanguage(target)}
      style={onDark ? { color: '#ffffff' } : undefined}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
