import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, fromIso, toIso } from '../../ui/dates';
import type { AuditFilters } from './api';

interface Values {
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** Audit filters; applied with the "Lọc" button or Enter. */
export function AuditFilterBar({
  value,
  onChange,
}: {
  value: AuditFilters;
  onChange: (f: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    ...value,
    period: value.from || value.to ? [fromIso(value.from), fromIso(value.to)] : null,
  };

  const apply = (v: Values) =>
    onChange({
      actor: v.actor?.trim() || undefined,
      entity: v.entity?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      from: toIso(v.period?.[0]) ?? undefined,
      to: toIso(v.period?.[1]) ?? undefined,
    });

  return (
    <Form<Values>
      form={form}
      name="audit-filter"
      layout="vertical"
      initialValues={initial}
      onFinish={apply}
      role="search"
    >
      <div className="filter-bar">
        <div>
          <Form.Item label={t('audit.actor')} name="actor">
            <Input allowClear />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('audit.action')} name="action">
            <Input allowClear />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('audit.entity')} name="entity">
            <Input allowClear />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('audit.entityId')} name="entityId">
            <Input allowClear />
          </Form.Item>
        </div>
        <div className="filter-wide">
          <Form.Item label={t('audit.period')} name="period">
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              allowEmpty={[true, true]}
              placeholder={[t('audit.from'), t('audit.to')]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        <div className="filter-button">
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('audit.filter')}
            </Button>
          </Form.Item>
        </div>
      </div>
    </Form>
  );
}
