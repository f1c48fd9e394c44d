import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from './feedback';
import { usePageTitle } from './usePageTitle';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}

export function LoadError({
  error,
  onRetry,
  fullScreen = false,
}: {
  error: unknown;
  onRetry?: () => void;
  fullScreen?: boolean;
}) {
  const { t } = useTranslation();
  const result = (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorText(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
  return fullScreen ? <main>{result}</main> : result;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('common.notFoundTitle')}</h1>}
      subTitle={t('common.notFoundText')}
      extra={<Link to="/">{t('common.goHome')}</Link>}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.forbiddenTitle'));
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('common.forbiddenTitle')}</h1>}
      subTitle={t('common.forbiddenText')}
      extra={<Link to="/">{t('common.goHome')}</Link>}
    />
  );
}
