import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { UnitSearchSelect } from '../units/UnitSearchSelect';
import { useCreateCycle } from './api';
import { FrameworkSelects } from './FrameworkSelects';
import { defaultWindows, formToWindows, type WindowSpans, WindowsFields } from './WindowsFields';

interface Values {
  year: number;
  name: string;
  frameworks: { so?: string; huyen?: string; xa?: string };
  windows: WindowSpans;
  unitsMode: 'all' | 'pick';
  unitIds?: string[];
}

/** Where a server problem goes: a window's opens/closes under its range, the sets under the first. */
function fieldFor(path: string): (string | number)[] | null {
  const [head, second] = path.split('.');
  if (head === 'windows' && second) return ['windows', second];
  if (head === 'frameworks') return ['frameworks', second || 'so'];
  if (head === 'year' || head === 'name' || head === 'unitIds') return [head];
  return null;
}

/** A new cycle: year, name, the index set of each level, the five stages and who takes part. */
export function CreateCycleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form);
  const unitsMode = Form.useWatch('unitsMode', form);
  const create = useCreateCycle();
  const navigate = useNavigate();

  const submit = (v: Values) =>
    create.mutate(
      {
        year: v.year,
        name: v.name,
        frameworks: Object.fromEntries(Object.entries(v.frameworks).filter(([, id]) => id)),
        windows: formToWindows(v.windows),
        unitIds: v.unitsMode === 'pick' ? v.unitIds : undefined,
      },
      {
        onSuccess: (c) => {
          showSuccess(t('cycles.created'));
          onClose();
          navigate(`/dti/cycles/${c.id}`);
        },
        onError: (err) => applyFormError(form, err, { fieldFor }),
      },
    );

  return (
    <Modal
      open={open}
      title={t('cycles.createTitle')}
      onCancel={onClose}
      okText={t('cycles.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{
          year: new Date().getFullYear(),
          windows: defaultWindows(),
          unitsMode: 'all',
          frameworks: {},
        }}
      >
        <Form.Item
          name="year"
          label={t('cycles.year')}
          htmlFor="cycle-year"
          rules={[
            { required: true, type: 'integer', min: 2015, max: 2100, message: t('cycles.yearRequired') },
          ]}
        >
          <InputNumber id="cycle-year" min={2015} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('cycles.name')}
          htmlFor="cycle-name"
          rules={[{ required: true, whitespace: true, min: 3, message: t('cycles.nameRequired') }]}
        >
          <Input id="cycle-name" maxLength={200} placeholder={t('cycles.namePlaceholder', { year })} />
        </Form.Item>
        <FrameworkSelects form={form} year={year} />
        <fieldset style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
          <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4, border: 0 }}>
            {t('cycles.windows')}
          </legend>
          <p style={{ margin: '0 0 8px', color: 'rgba(0,0,0,0.7)' }}>{t('cycles.windowsHelp')}</p>
          <WindowsFields />
        </fieldset>
        <Form.Item name="unitsMode" label={t('cycles.unitsChoice')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('cycles.unitsAll') },
              { value: 'pick', label: t('cycles.unitsPick') },
            ]}
          />
        </Form.Item>
        {unitsMode === 'pick' && (
          <Form.Item
            name="unitIds"
            label={t('cycles.unitsPicked')}
            htmlFor="cycle-units"
            rules={[{ required: true, type: 'array', min: 1, message: t('cycles.unitsPickRequired') }]}
          >
            <UnitSearchSelect id="cycle-units" multiple />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
