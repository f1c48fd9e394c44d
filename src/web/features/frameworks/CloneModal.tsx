import { Form, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TFrameworkDetail } from '../../../contracts/frameworks';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useCloneFramework } from './api';

/** Copies a version as the next version for a chosen year (the usual way to start a new year). */
export function CloneModal({
  open,
  version,
  onClose,
}: {
  open: boolean;
  version: TFrameworkDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ year: number }>();
  const clone = useCloneFramework(version.id);
  const submit = ({ year }: { year: number }) =>
    clone.mutate(year, {
      onSuccess: (c) => {
        showSuccess(t('frameworks.cloned', { year: c.year, n: c.versionNo }));
        onClose();
        navigate(`/dti/frameworks/${c.id}`);
      },
      onError: (err) => applyFormError(form, err),
    });
  return (
    <Modal
      open={open}
      title={t('frameworks.cloneTitle')}
      okText={t('frameworks.cloneOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('frameworks.cloneHelp', { name: version.name })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="framework-clone"
        initialValues={{ year: version.year + 1 }}
        onFinish={submit}
      >
        <Form.Item
          label={t('frameworks.cloneYear')}
          name="year"
          rules={[{ required: true, message: t('frameworks.yearRequired') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
