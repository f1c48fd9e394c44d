import { Alert, Col, Form, Input, InputNumber, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TScenarioDoc } from './types';

interface Values {
  code?: string;
  name?: string;
  year?: number;
  description?: string;
  candidate?: { position?: string; agency?: { name?: string } };
}

const valuesOf = (doc: TScenarioDoc): Values => ({
  code: doc.code,
  name: doc.name,
  year: doc.year,
  description: doc.description ?? '',
  candidate: { position: doc.candidate?.position, agency: { name: doc.candidate?.agency?.name } },
});

/** The document with the form's values written into it; an emptied description is left out. */
function withValues(doc: TScenarioDoc, v: Values): TScenarioDoc {
  const next: TScenarioDoc = { ...doc, name: v.name ?? '', year: v.year as number };
  if (v.description) next.description = v.description;
  else delete next.description;
  const agency = { ...(doc.candidate?.agency ?? {}), name: v.candidate?.agency?.name ?? '' };
  next.candidate = { ...(doc.candidate ?? {}), position: v.candidate?.position ?? '', agency };
  return next;
}

/**
 * The scenario's general fields as a form over the JSON document: what is typed here is written into
 * the document at once, and the form follows edits of the JSON. The code is fixed once stored.
 */
export function MetadataForm({
  doc,
  onChange,
  disabled,
}: {
  /** The parsed document, or null while the JSON has a syntax error. */
  doc: TScenarioDoc | null;
  onChange: (doc: TScenarioDoc) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (doc) form.setFieldsValue(valuesOf(doc));
  }, [doc, form]);

  return (
    <>
      {!doc && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('scenarios.jsonBroken')} />
      )}
      <Form
        form={form}
        name="scenario-meta"
        layout="vertical"
        disabled={disabled || !doc}
        onValuesChange={(_, all) => doc && onChange(withValues(doc, all))}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('scenarios.code')}>
              <Input disabled />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('scenarios.name')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="year" label={t('scenarios.year')}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['candidate', 'position']} label={t('scenarios.position')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['candidate', 'agency', 'name']} label={t('scenarios.agency')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('scenarios.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </>
  );
}
