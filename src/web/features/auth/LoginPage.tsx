import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { TLoginRequest, TSession } from '../../../contracts/auth';
import { DemoTag } from '../../app/DemoTag';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { apiPost, setCsrfToken } from '../../backend/client';
import { SESSION_KEY, useSession } from '../../backend/session';
import { errorText } from '../../ui/feedback';
import { PageLoading } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.loginTitle'));
  const session = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeNext(params.get('next'));

  const login = useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TLoginRequest) => apiPost<TSession>('/auth/login', body),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      queryClient.setQueryData(SESSION_KEY, s);
      navigate(s.user.mustChangePassword ? '/change-password' : next, { replace: true });
    },
  });

  if (session.isPending) return <PageLoading fullScreen />;
  if (session.data && !login.isPending) return <Navigate to={next} replace />;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#f3f5f8', padding: 16 }}>
      <header style={{ width: '100%', maxWidth: 420, display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch />
      </header>
      <main style={{ width: '100%', maxWidth: 420, marginTop: '8vh' }}>
        <Card>
          <Flex vertical gap={4} style={{ marginBottom: 24 }}>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 28, color: '#0b3d91' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            <div>
              <DemoTag />
            </div>
          </Flex>
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {t('auth.loginTitle')}
          </Typography.Title>
          <Form<TLoginRequest>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            onValuesChange={() => login.error && login.reset()}
          >
            <Form.Item
              label={t('auth.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                autoFocus
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                size="large"
              />
            </Form.Item>
            <Form.Item
              label={t('auth.password')}
              name="password"
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            {login.error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={errorText(login.error)}
                style={{ marginBottom: 16 }}
              />
            )}
            <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16 }}>
          <a href="/cong-khai/dti">{t('publicResults.link')}</a>
        </Typography.Paragraph>
      </main>
    </Flex>
  );
}
