import { Alert, Checkbox, Form, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TExamSession } from '../../../contracts/contests';
import { useSession } from '../../backend/session';
import { errorText, showSuccess } from '../../ui/feedback';
import { issuePasswords } from './api';

/** "Cấp mật khẩu": for a session or the selection, after an explicit confirmation; downloads the slips. */
export function IssuePasswordsModal({
  contestId,
  sessions,
  selectedIds,
  open,
  onClose,
  onIssued,
}: {
  contestId: string;
  sessions: TExamSession[];
  selectedIds: string[];
  open: boolean;
  onClose: () => void;
  onIssued: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [scope, setScope] = useState<'session' | 'selection'>('session');
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setScope(selectedIds.length > 0 ? 'selection' : 'session');
    setSessionId(sessions[0]?.id);
    setUnderstood(false);
    setFailure(null);
  }, [open, selectedIds.length, sessions]);

  const ready = understood && (scope === 'selection' ? selectedIds.length > 0 : Boolean(sessionId));
  const go = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const count = await issuePasswords(
        contestId,
        scope === 'selection' ? { candidateIds: selectedIds } : { sessionId },
        session.data?.csrfToken ?? '',
      );
      showSuccess(t('contests.issued', { count }));
      onIssued();
      onClose();
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('contests.issueTitle')}
      onCancel={onClose}
      okText={t('contests.issueGo')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !ready, danger: true }}
      confirmLoading={busy}
      onOk={go}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('contests.issueFor')}>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value)}>
            <Radio value="session">{t('contests.issueSession')}</Radio>
            <Radio value="selection" disabled={selectedIds.length === 0}>
              {t('contests.issueSelection', { count: selectedIds.length })}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {scope === 'session' && (
          <Form.Item label={t('contests.chooseSession')}>
            <Select
              value={sessionId}
              onChange={setSessionId}
              aria-label={t('contests.chooseSession')}
              options={sessions.map((s) => ({ value: s.id, label: `${s.name} (${s.candidateCount})` }))}
            />
          </Form.Item>
        )}
        <Alert type="warning" showIcon title={t('contests.issueWarning')} style={{ marginBottom: 12 }} />
        <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)}>
          {t('contests.issueConfirm')}
        </Checkbox>
        {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
