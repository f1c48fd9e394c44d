import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../../contracts/units';
import { DateInput } from '../../../ui/DateInput';
import { formatDate, toIso } from '../../../ui/dates';
import { UnitFields } from '../UnitFields';
import { UnitSearchSelect } from '../UnitSearchSelect';
import type { ReorgMode } from './reorgValues';

export function ChooseStep({ mode, onPick }: { mode: ReorgMode; onPick: (units: TUnit[]) => void }) {
  const { t } = useTranslation();
  if (mode === 'merge') {
    return (
      <Form.Item
        label={t('reorg.chooseMany')}
        name="predecessorIds"
        extra={t('reorg.chooseManyHelp')}
        validateTrigger="onBlur"
        rules={[{ required: true, type: 'array', min: 2, message: t('reorg.chooseAtLeastTwo') }]}
      >
        <UnitSearchSelect multiple onPick={onPick} />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label={t('reorg.chooseOne')}
      name="sourceId"
      rules={[{ required: true, message: t('reorg.chooseRequired') }]}
    >
      <UnitSearchSelect onPick={onPick} />
    </Form.Item>
  );
}

function NoteField({ name }: { name: (string | number)[] }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('unit.note')} name={name}>
      <Input.TextArea rows={2} maxLength={1000} />
    </Form.Item>
  );
}

export function DescribeStep({ mode, form }: { mode: ReorgMode; form: FormInstance }) {
  const { t } = useTranslation();
  if (mode === 'merge') {
    return (
      <>
        <UnitFields form={form} prefix={['successor']} />
        <NoteField name={['successor', 'note']} />
      </>
    );
  }
  return (
    <Form.List
      name="successors"
      rules={[
        {
          validator: (_, list: unknown[] | undefined) =>
            list && list.length >= 2
              ? Promise.resolve()
              : Promise.reject(new Error(t('reorg.atLeastTwoNew'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('reorg.newUnitN', { n: i + 1 })}</h3>}
              extra={
                fields.length > 2 && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('reorg.removeUnit', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                )
              }
            >
              <UnitFields form={form} prefix={['successors', field.name]} listName={[field.name]} />
              <NoteField name={[field.name, 'note']} />
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('reorg.addUnit')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

export function DateStep({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const date = Form.useWatch('effectiveDate', form) as Dayjs | null | undefined;
  const dayBefore = date ? formatDate(toIso(date.subtract(1, 'day'))) : null;
  return (
    <Form.Item
      label={t('reorg.effectiveDate')}
      name="effectiveDate"
      extra={dayBefore ? t('reorg.effectiveDateHelp', { date: dayBefore }) : undefined}
      rules={[{ required: true, message: t('reorg.effectiveRequired') }]}
    >
      <DateInput style={{ width: 220, maxWidth: '100%' }} />
    </Form.Item>
  );
}
