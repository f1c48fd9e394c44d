import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../../ui/formErrors';

/** A correction (đính chính): a new published version; the reason is required and shown with it. */
export function CorrectionModal({
  open,
  busy,
  onClose,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string, onError: (err: unknown) => void) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('cycles.correctTitle')}
      okText={t('cycles.correctSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'publish-correct-submit' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('cycles.correctText')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => onSubmit(v.reason.trim(), (err) => applyFormError(form, err))}
      >
        <Form.Item
          name="reason"
          label={t('cycles.correctReason')}
          htmlFor="correct-reason"
          rules={[{ required: true, whitespace: true, min: 3, message: t('cycles.reasonRequired') }]}
        >
          <Input.TextArea id="correct-reason" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
