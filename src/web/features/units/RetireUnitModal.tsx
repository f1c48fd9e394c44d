import { Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../contracts/units';
import { DateInput } from '../../ui/DateInput';
import { fromIso, todayIso, toIso } from '../../ui/dates';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useRetireUnit } from './api';

interface Values {
  validTo: Dayjs;
  note?: string;
}

/** Confirmation dialog that ends a unit's validity on a chosen (inclusive) last day. */
export function RetireUnitModal({
  unit,
  open,
  onClose,
}: {
  unit: TUnit;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const retire = useRetireUnit(unit.id);

  const submit = (v: Values) =>
    retire.mutate(
      { validTo: toIso(v.validTo) ?? todayIso(), note: v.note?.trim() || undefined },
      {
        onSuccess: () => {
          showSuccess(t('unit.retired'));
          onClose();
        },
        onError: (err) => applyFormError(form, err),
      },
    );

  return (
    <Modal
      open={open}
      title={t('unit.retireTitle', { name: unit.name })}
      okText={t('unit.retireConfirm')}
      okButtonProps={{ danger: true, loading: retire.isPending, htmlType: 'submit', form: 'retire-unit' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('unit.retireText')}</Typography.Paragraph>
      <Form<Values>
        id="retire-unit"
        form={form}
        name="retire"
        layout="vertical"
        initialValues={{ validTo: fromIso(todayIso()) }}
        onFinish={submit}
      >
        <Form.Item
          label={t('unit.retireDate')}
          name="validTo"
          rules={[{ required: true, message: t('unit.retireDate') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label={t('unit.note')} name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
