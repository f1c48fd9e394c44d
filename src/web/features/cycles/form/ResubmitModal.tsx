import { Alert, Checkbox, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { TUnitForm } from '../../../../contracts/cycles';
import { errorText, showSuccess } from '../../../ui/feedback';
import { useResubmit } from './api';
import { useFormText } from './text';

/** Chooses the answered indicators to send back to review; only those are resubmitted. */
export function ResubmitModal({
  form,
  open,
  onClose,
}: {
  form: TUnitForm;
  open: boolean;
  onClose: () => void;
}) {
  const { ft } = useFormText();
  const resubmit = useResubmit(form.cycleId, form.unit.id);
  const requested = form.entries.filter((e) => e.review === 'requested');
  const explained = (e: (typeof requested)[number]) => Boolean(e.explanation?.trim());
  const [chosen, setChosen] = useState<string[] | null>(null);
  const value = chosen ?? requested.filter(explained).map((e) => e.code);

  const ok = async () => {
    if (value.length === 0) return;
    await resubmit.mutateAsync(value);
    showSuccess(ft('resubmitOk', { count: value.length }));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={ft('resubmitTitle')}
      okText={ft('resubmit')}
      okButtonProps={{ disabled: value.length === 0, loading: resubmit.isPending }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      afterClose={() => {
        setChosen(null);
        resubmit.reset();
      }}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph>{ft('resubmitIntro')}</Typography.Paragraph>
      {resubmit.isError && (
        <Alert type="error" showIcon title={errorText(resubmit.error)} style={{ marginBottom: 12 }} />
      )}
      <Checkbox.Group value={value} onChange={(v) => setChosen(v as string[])} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {requested.map((e) => (
            <Checkbox key={e.code} value={e.code}>
              <strong>{e.code}</strong> {e.name}
              {!explained(e) && (
                <Typography.Text type="secondary"> ({ft('resubmitNotReady')})</Typography.Text>
              )}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      {value.length === 0 && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
          {ft('resubmitNone')}
        </Typography.Text>
      )}
    </Modal>
  );
}
