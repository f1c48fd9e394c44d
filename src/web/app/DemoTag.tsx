import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../backend/session';

/** A loud marker on every screen while the database holds demo data. */
export function DemoTag() {
  const { t } = useTranslation();
  const { data } = useAppInfo();
  if (!data?.demo.loaded) return null;
  const text = data.demo.label ? t('app.demoTagWithLabel', { label: data.demo.label }) : t('app.demoTag');
  return (
    <Tag
      data-testid="demo-tag"
      title={text}
      style={{
        background: '#fadb14',
        color: '#000000',
        borderColor: '#d4b106',
        fontWeight: 600,
        marginInlineEnd: 0,
        maxWidth: '100%',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {text}
    </Tag>
  );
}
