import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiPost, setCsrfToken } from '../backend/client';
import { SESSION_KEY, useCurrentUser } from '../backend/session';
import { showSuccess } from '../ui/feedback';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => apiPost('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({
        predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'meta',
      });
      queryClient.setQueryData(SESSION_KEY, null);
      showSuccess(t('auth.loggedOut'));
      navigate('/login', { replace: true });
    },
  });

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default', color: 'rgba(0,0,0,0.88)' },
      label: (
        <div>
          <strong>{user.fullName}</strong>
          <div>{t(`roles.${user.role}`)}</div>
          {user.unitName && <div>{t('user.unit', { unit: user.unitName })}</div>}
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('user.changePassword'),
      onClick: () => navigate('/change-password'),
    },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), onClick: () => logout.mutate() },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        icon={<UserOutlined aria-hidden />}
        aria-label={t('user.menu', { name: user.fullName })}
        style={{ color: '#ffffff', maxWidth: compact ? undefined : 260 }}
        loading={logout.isPending}
      >
        {compact ? null : (
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.fullName}</span>
        )}
      </Button>
    </Dropdown>
  );
}
