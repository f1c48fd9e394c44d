import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBoardRow } from '../../../../contracts/cycles';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { UnitSearchSelect } from '../../units/UnitSearchSelect';
import { useSetCycleUnits } from '../api';

/** Replaces the units taking part in the cycle. */
export function EditUnitsModal({
  cycleId,
  units,
  open,
  onClose,
}: {
  cycleId: string;
  units: TBoardRow[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ unitIds: string[] }>();
  const save = useSetCycleUnits(cycleId);
  const known = Object.fromEntries(units.map((u) => [u.unitId, `${u.name} (${u.code})`]));
  return (
    <Modal
      open={open}
      title={t('cycles.editUnits')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('cycles.editUnitsHelp')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitIds: units.map((u) => u.unitId) }}
        onFinish={(v) =>
          save.mutate(v.unitIds, {
            onSuccess: (c) => {
              showSuccess(t('cycles.unitsSaved', { count: c.unitCount }));
              onClose();
            },
            onError: (err) => applyFormError(form, err, { fieldFor: () => ['unitIds'] }),
          })
        }
      >
        <Form.Item
          name="unitIds"
          label={t('cycles.unitsPicked')}
          htmlFor="cycle-edit-units"
          rules={[{ required: true, type: 'array', min: 1, message: t('cycles.unitsPickRequired') }]}
        >
          <UnitSearchSelect id="cycle-edit-units" multiple knownLabels={known} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
