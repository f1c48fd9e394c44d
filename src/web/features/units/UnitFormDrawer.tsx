import { Button, Col, Drawer, Flex, Form, Grid, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitLevel } from '../../../contracts/domain';
import type { TUnit, TUnitInput } from '../../../contracts/units';
import { DateInput } from '../../ui/DateInput';
import { fromIso, todayIso, toIso } from '../../ui/dates';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useSaveUnit } from './api';
import { UnitFields } from './UnitFields';

interface Values {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  groupNo: number | null;
  parentId: string | null;
  validFrom: Dayjs;
  validTo: Dayjs | null;
  note: string | null;
}

function toValues(u: TUnit | null): Partial<Values> {
  if (!u)
    return {
      validFrom: fromIso(todayIso()) ?? undefined,
      groupNo: null,
      parentId: null,
      validTo: null,
      note: null,
    };
  return { ...u, validFrom: fromIso(u.validFrom) ?? undefined, validTo: fromIso(u.validTo) };
}

function toInput(v: Values): TUnitInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    level: v.level,
    kind: v.kind,
    groupNo: v.level === 'so' ? (v.groupNo ?? null) : null,
    parentId: v.level === 'xa' ? (v.parentId ?? null) : null,
    validFrom: toIso(v.validFrom) ?? todayIso(),
    validTo: toIso(v.validTo),
    note: v.note?.trim() || null,
  };
}

interface Props {
  open: boolean;
  /** null: create a new unit. */
  unit: TUnit | null;
  onClose: () => void;
  onSaved?: (unit: TUnit) => void;
}

/** Create or edit a unit in a side drawer (full width on phones). */
export function UnitFormDrawer({ open, unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveUnit(unit?.id ?? null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toValues(unit));
    }
  }, [open, unit, form]);

  const submit = (values: Values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        showSuccess(unit ? t('unit.saved') : t('unit.created', { name: saved.name }));
        onClose();
        onSaved?.(saved);
      },
      onError: (err) => applyFormError(form, err, { codeFields: { unit_code_taken: 'code' } }),
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={unit ? t('unit.editTitle') : t('unit.createTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      <Form<Values> form={form} name="unit" layout="vertical" onFinish={submit} scrollToFirstError>
        <UnitFields form={form} />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('unit.validFrom')}
              name="validFrom"
              rules={[{ required: true, message: t('unit.validFromRequired') }]}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('unit.validTo')}
              name="validTo"
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const from = getFieldValue('validFrom') as Dayjs | null;
                    return !value || !from || !value.isBefore(from, 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('unit.validToAfter')));
                  },
                }),
              ]}
            >
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('unit.note')} name="note">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
