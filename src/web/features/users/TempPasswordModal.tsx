import { CopyOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows a freshly reset password once, with a copy button; it is not kept anywhere after closing. */
export function TempPasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!password) return;
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal
      open={password !== null}
      title={t('users.tempPasswordTitle')}
      onCancel={onClose}
      afterClose={() => setCopied(false)}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('users.tempPasswordText', { username })}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={password ?? ''}
          aria-label={t('users.tempPasswordLabel', { username })}
          data-testid="temporary-password"
          style={{ fontFamily: 'monospace', fontSize: 16 }}
          onFocus={(e) => e.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={copy}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
