import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TProctorCandidate } from '../../../contracts/proctor';

interface Props {
  candidate: TProctorCandidate;
  busy: boolean;
  onExtend: () => void;
  onForceSubmit: () => void;
  onAllowRelogin: () => void;
  onEvents: () => void;
}

/** What a proctor can do for one candidate; actions that no longer apply are hidden. */
export function CandidateActions({
  candidate: c,
  busy,
  onExtend,
  onForceSubmit,
  onAllowRelogin,
  onEvents,
}: Props) {
  const { t } = useTranslation();
  const open = c.status === 'in_progress' || c.status === 'ready';
  // Only a login that holds the attempt (or refused attempts to take it) needs the proctor's say.
  const relogin = open && !c.reloginAllowed && (c.loggedIn || c.refusedLogins > 0);
  return (
    <Space size={4}>
      {open && (
        <Button size="small" onClick={onExtend}>
          {t('proctor.extendOne')}
        </Button>
      )}
      {relogin && (
        <Popconfirm
          title={t('proctor.allowRelogin')}
          description={t('proctor.allowReloginConfirm', { name: c.fullName })}
          okText={t('proctor.allowRelogin')}
          cancelText={t('common.cancel')}
          onConfirm={onAllowRelogin}
        >
          <Button size="small" loading={busy}>
            {t('proctor.allowRelogin')}
          </Button>
        </Popconfirm>
      )}
      {c.status === 'in_progress' && (
        <Button size="small" danger onClick={onForceSubmit}>
          {t('proctor.forceSubmitOne')}
        </Button>
      )}
      <Button size="small" type="link" onClick={onEvents}>
        {t('proctor.events')}
      </Button>
    </Space>
  );
}
