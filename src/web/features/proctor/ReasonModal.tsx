import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  danger?: boolean;
  /** Ask for a number of minutes too (extra time). */
  withMinutes?: boolean;
  busy: boolean;
  onOk: (values: { reason: string; minutes?: number }) => void;
  onCancel: () => void;
}

/** A proctor action that must say why (it goes to the audit log and the attempt's record). */
export function ReasonModal(p: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; minutes?: number }>();
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: p.danger, loading: p.busy }}
      onOk={() => form.submit()}
      onCancel={p.onCancel}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <p>{p.description}</p>
      <Form form={form} layout="vertical" onFinish={p.onOk} initialValues={{ minutes: 5 }}>
        {p.withMinutes && (
          <Form.Item
            name="minutes"
            label={t('proctor.minutes')}
            rules={[{ required: true, type: 'integer', min: 1, max: 240 }]}
          >
            <InputNumber min={1} max={240} style={{ width: 140 }} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('proctor.reason')}
          rules={[{ required: true, min: 3, whitespace: true, message: t('proctor.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
