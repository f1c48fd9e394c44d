import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormText } from './text';

export interface MissingItem {
  code: string;
  message: string;
}

/** A refused submission: every incomplete indicator, each a button that goes to it. */
export function MissingModal({
  items,
  onClose,
  onGoTo,
}: {
  items: MissingItem[] | null;
  onClose: () => void;
  onGoTo: (code: string) => void;
}) {
  const { ft } = useFormText();
  const { t } = useTranslation();
  return (
    <Modal
      open={items !== null}
      title={ft('missingTitle', { count: items?.length ?? 0 })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={720}
      destroyOnHidden
    >
      <Alert type="error" showIcon title={ft('missingIntro')} style={{ marginBottom: 12 }} />
      <ul className="link-list" data-testid="missing-list" style={{ maxHeight: '55vh', overflowY: 'auto' }}>
        {(items ?? []).map((item) => (
          <li key={item.code}>
            <Button
              type="link"
              onClick={() => onGoTo(item.code)}
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            >
              {item.message}
            </Button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
