import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TEntryView } from '../../../../contracts/cycles';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { formatPoints } from '../domain';
import { useSetFinal } from '../reviewApi';

/** The council's final points for one indicator, and why. */
export function FinalValueModal({
  cycleId,
  unitId,
  entry,
  onClose,
}: {
  cycleId: string;
  unitId: string;
  entry: TEntryView | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ points: number; reason: string }>();
  const save = useSetFinal(cycleId);
  const max = entry?.maxPoints ?? 0;
  const maxText = formatPoints(max, i18n.language);
  return (
    <Modal
      open={Boolean(entry)}
      title={t('cycles.setFinalTitle', { code: entry?.code ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {entry && <p style={{ marginTop: 0 }}>{entry.name}</p>}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          points: entry?.finalPoints ?? entry?.appraisedPoints ?? entry?.selfPoints ?? undefined,
          reason: entry?.finalReason ?? '',
        }}
        onFinish={(v) =>
          entry &&
          save.mutate(
            { unitId, code: entry.code, points: v.points, reason: v.reason.trim() },
            {
              onSuccess: () => {
                showSuccess(t('cycles.finalSaved', { code: entry.code }));
                onClose();
              },
              onError: (err) => applyFormError(form, err),
            },
          )
        }
      >
        <Form.Item
          name="points"
          label={t('cycles.finalPoints', { max: maxText })}
          htmlFor="final-points"
          rules={[
            {
              required: true,
              type: 'number',
              min: 0,
              max,
              message: t('cycles.adjustPointsRequired', { max: maxText }),
            },
          ]}
        >
          <InputNumber
            id="final-points"
            min={0}
            max={max}
            step={0.25}
            decimalSeparator={i18n.language.startsWith('en') ? '.' : ','}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cycles.reason')}
          htmlFor="final-reason"
          rules={[{ required: true, whitespace: true, min: 3, message: t('cycles.reasonRequired') }]}
        >
          <Input.TextArea id="final-reason" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
