import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUser } from '../../../contracts/users';

export function isLocked(u: TUser): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
}

// Dark text on light tag colours keeps WCAG AA contrast.
const STYLE = {
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  bad: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  warn: { color: '#613400', background: '#fff7e6', borderColor: '#ffd591' },
};

export function UserStatusTags({ user }: { user: TUser }) {
  const { t } = useTranslation();
  return (
    <>
      {user.disabled ? (
        <Tag style={STYLE.bad}>{t('users.disabled')}</Tag>
      ) : (
        <Tag style={STYLE.ok}>{t('users.active')}</Tag>
      )}
      {isLocked(user) && <Tag style={STYLE.bad}>{t('users.locked')}</Tag>}
      {user.mustChangePassword && <Tag style={STYLE.warn}>{t('users.mustChange')}</Tag>}
    </>
  );
}
