import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';

export type PlannedModule = 'frameworks' | 'cycles' | 'dtiResults' | 'questions' | 'exams' | 'contestResults';

/** An honest "not built yet" page for modules of later releases (no sample data). */
export function PlaceholderPage({ module }: { module: PlannedModule }) {
  const { t } = useTranslation();
  const group = module === 'frameworks' || module === 'cycles' || module === 'dtiResults' ? 'dti' : 'contest';
  const name = `${t(`nav.${group}`)}: ${t(`nav.${module}`)}`;
  usePageTitle(name);
  return (
    <div className="page">
      <h1 className="page-title">{name}</h1>
      <Result
        status="info"
        title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('placeholder.title')}</h2>}
        subTitle={<span style={{ color: 'rgba(0,0,0,0.7)' }}>{t('placeholder.text', { module: name })}</span>}
        extra={<Link to="/">{t('common.goHome')}</Link>}
      />
    </div>
  );
}
