import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail } from '../../../../contracts/cycles';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { useAddExtension, useBoard } from '../api';
import { CYCLE_WINDOWS, DATE_TIME_FORMAT, toVnInstant } from '../domain';
import type { CycleWindow } from '../types';

interface Values {
  unitId: string;
  window: CycleWindow;
  until: Dayjs;
  reason: string;
}

/** A later deadline of one stage for one unit, with the reason (it goes to the audit log). */
export function ExtensionModal({
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
  const board = useBoard(cycle.id, open);
  const add = useAddExtension(cycle.id);
  const submit = (v: Values) =>
    add.mutate(
      { unitId: v.unitId, window: v.window, until: toVnInstant(v.until), reason: v.reason.trim() },
      {
        onSuccess: () => {
          const unit = board.data?.units.find((u) => u.unitId === v.unitId)?.name ?? '';
          showSuccess(t('cycles.extensionAdded', { unit }));
          onClose();
        },
        onError: (err) => applyFormError(form, err),
      },
    );
  return (
    <Modal
      open={open}
      title={t('cycles.addExtension')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="unitId"
          label={t('cycles.unit')}
          htmlFor="ext-unit"
          rules={[{ required: true, message: t('cycles.unitRequired') }]}
        >
          <Select
            id="ext-unit"
            showSearch={{ optionFilterProp: 'label' }}
            loading={board.isLoading}
            options={(board.data?.units ?? []).map((u) => ({
              value: u.unitId,
              label: `${u.name} (${u.code})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('cycles.stage')}
          htmlFor="ext-window"
          rules={[{ required: true, message: t('cycles.windowRequired') }]}
        >
          <Select
            id="ext-window"
            options={CYCLE_WINDOWS.map((w) => ({ value: w, label: t(`cycles.window_${w}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="until"
          label={t('cycles.extensionUntil')}
          htmlFor="ext-until"
          rules={[{ required: true, message: t('cycles.untilRequired') }]}
        >
          <DatePicker
            id="ext-until"
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME_FORMAT}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cycles.reason')}
          htmlFor="ext-reason"
          rules={[{ required: true, whitespace: true, min: 3, message: t('cycles.reasonRequired') }]}
        >
          <Input.TextArea id="ext-reason" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
