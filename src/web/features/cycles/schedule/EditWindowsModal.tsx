import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail } from '../../../../contracts/cycles';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { useUpdateCycle } from '../api';
import { formToWindows, type WindowSpans, WindowsFields, windowsToForm } from '../WindowsFields';

interface Values {
  name: string;
  windows: WindowSpans;
}

/** The cycle's name and calendar. */
export function EditWindowsModal({
  cycle,
  open,
  onClose,
}: {
  cycle: TCycleDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCycle(cycle.id);
  const submit = (v: Values) =>
    update.mutate(
      { name: v.name, windows: formToWindows(v.windows) },
      {
        onSuccess: () => {
          showSuccess(t('cycles.windowsSaved'));
          onClose();
        },
        onError: (err) =>
          applyFormError(form, err, {
            fieldFor: (p) => {
              const [head, second] = p.split('.');
              return head === 'windows' && second ? ['windows', second] : head === 'name' ? ['name'] : null;
            },
          }),
      },
    );
  return (
    <Modal
      open={open}
      title={t('cycles.editWindows')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <p style={{ color: 'rgba(0,0,0,0.7)' }}>{t('cycles.windowsHelp')}</p>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ name: cycle.name, windows: windowsToForm(cycle.windows) }}
      >
        <Form.Item
          name="name"
          label={t('cycles.name')}
          htmlFor="cycle-edit-name"
          rules={[{ required: true, whitespace: true, min: 3, message: t('cycles.nameRequired') }]}
        >
          <Input id="cycle-edit-name" maxLength={200} />
        </Form.Item>
        <WindowsFields />
      </Form>
    </Modal>
  );
}
