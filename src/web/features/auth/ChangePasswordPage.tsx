import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TChangePasswordRequest, TSession } from '../../../contracts/auth';
import { apiPost } from '../../backend/client';
import { SESSION_KEY, useCurrentUser } from '../../backend/session';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { usePageTitle } from '../../ui/usePageTitle';

type Values = TChangePasswordRequest & { confirm: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.changePasswordTitle'));
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const change = useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TChangePasswordRequest) => apiPost('/auth/change-password', body),
    onSuccess: () => {
      queryClient.setQueryData<TSession | null>(SESSION_KEY, (s) =>
        s ? { ...s, user: { ...s.user, mustChangePassword: false } } : s,
      );
      showSuccess(t('auth.changed'));
      navigate('/', { replace: true });
    },
    onError: (err) =>
      applyFormError(form, err, {
        codeFields: { wrong_password: 'currentPassword', password_too_weak: 'newPassword' },
      }),
  });

  return (
    <div className="page">
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {t('auth.changePasswordTitle')}
      </h1>
      <Card style={{ maxWidth: 480 }}>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
        >
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item
            label={t('auth.currentPassword')}
            name="currentPassword"
            rules={[{ required: true, message: t('auth.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('auth.newPassword')}
            name="newPassword"
            extra={t('auth.newPasswordHelp')}
            rules={[{ required: true, min: 10, max: 256, message: t('auth.newTooShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('auth.confirmPassword')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.confirmMismatch') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('auth.changePasswordTitle')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
