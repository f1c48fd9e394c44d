import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, type FormInstance, Input, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Band } from '../../../contracts/framework-domain';
import { duplicateIndexes, type MetaValues } from './meta-form';

const full = { style: { width: '100%' } } as const;

function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <Button
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
    />
  );
}

/** The unit groups of the set: number and name, numbers unique. */
export function GroupFields({ form, disabled }: { form: FormInstance<MetaValues>; disabled: boolean }) {
  const { t } = useTranslation();
  const groups = (): MetaValues['groups'] => form.getFieldValue('groups') ?? [];
  return (
    <Form.List name="groups">
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary">{t('frameworks.groupsHelp')}</Typography.Paragraph>
          {fields.map((f, i) => (
            <Row gutter={8} key={f.key} align="bottom" wrap={false}>
              <Col flex="128px">
                <Form.Item
                  label={t('frameworks.groupNoN', { n: i + 1 })}
                  name={[f.name, 'no']}
                  rules={[
                    { required: true, message: t('frameworks.groupNoInvalid') },
                    { type: 'integer', min: 1, max: 9, message: t('frameworks.groupNoInvalid') },
                    {
                      validator: (_, no) =>
                        duplicateIndexes(groups(), (g) => g.no ?? null).has(f.name)
                          ? Promise.reject(new Error(t('frameworks.groupNoDuplicate', { n: no })))
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <InputNumber {...full} min={1} max={9} precision={0} />
                </Form.Item>
              </Col>
              <Col flex="auto">
                <Form.Item
                  label={t('frameworks.groupNameN', { n: i + 1 })}
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('frameworks.groupNameRequired') }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col flex="none" style={{ paddingBottom: 24 }}>
                <RemoveButton
                  label={t('frameworks.removeGroup', { n: i + 1 })}
                  onClick={() => remove(f.name)}
                  disabled={disabled}
                />
              </Col>
            </Row>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={disabled}
            style={{ marginBottom: 16 }}
            onClick={() => add({ no: Math.max(0, ...groups().map((g) => g?.no ?? 0)) + 1, name: '' })}
          >
            {t('frameworks.addGroup')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The bands: code, label and lower threshold (0–1); codes and thresholds unique. */
export function BandFields({ form, disabled }: { form: FormInstance<MetaValues>; disabled: boolean }) {
  const { t } = useTranslation();
  const watched: (Band | undefined)[] | undefined = Form.useWatch(['policy', 'bands'], form);
  const bands = (): (Band | undefined)[] => form.getFieldValue(['policy', 'bands']) ?? [];
  const unique = (
    key: (b: Band) => string | number | null,
    message: (v: unknown) => string,
    index: number,
  ) => ({
    validator: (_: unknown, value: unknown) =>
      duplicateIndexes(bands(), key).has(index)
        ? Promise.reject(new Error(message(value)))
        : Promise.resolve(),
  });
  const list = watched ?? [];
  const noZero = list.length > 0 && !list.some((b) => b?.minValue === 0);
  return (
    <Form.List name={['policy', 'bands']}>
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary">{t('frameworks.bandsHelp')}</Typography.Paragraph>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" italic>
              {t('frameworks.bandsEmpty')}
            </Typography.Paragraph>
          )}
          {fields.length > 0 && (
            <Row gutter={8} wrap={false} aria-hidden style={{ marginBottom: 4 }}>
              <Col flex="1 1 80px">
                <Typography.Text strong>{t('frameworks.bandCode')}</Typography.Text>
              </Col>
              <Col flex="2 1 120px">
                <Typography.Text strong>{t('frameworks.bandLabel')}</Typography.Text>
              </Col>
              <Col flex="1 1 96px">
                <Typography.Text strong>{t('frameworks.bandMin')}</Typography.Text>
              </Col>
              <Col flex="32px" />
            </Row>
          )}
          {fields.map((f, i) => (
            // One header row labels the columns; each input still carries its own accessible name.
            <Row gutter={8} key={f.key} align="top" wrap={false}>
              <Col flex="1 1 80px">
                <Form.Item
                  name={[f.name, 'code']}
                  rules={[
                    { required: true, whitespace: true, message: t('frameworks.bandCodeRequired') },
                    unique(
                      (b) => b.code?.trim() ?? null,
                      (v) => t('frameworks.bandCodeDuplicate', { code: String(v).trim() }),
                      f.name,
                    ),
                  ]}
                >
                  <Input maxLength={40} aria-label={t('frameworks.bandCodeN', { n: i + 1 })} />
                </Form.Item>
              </Col>
              <Col flex="2 1 120px">
                <Form.Item
                  name={[f.name, 'label']}
                  rules={[{ required: true, whitespace: true, message: t('frameworks.bandLabelRequired') }]}
                >
                  <Input maxLength={200} aria-label={t('frameworks.bandLabelN', { n: i + 1 })} />
                </Form.Item>
              </Col>
              <Col flex="1 1 96px">
                <Form.Item
                  name={[f.name, 'minValue']}
                  rules={[
                    { required: true, message: t('frameworks.bandMinRange') },
                    { type: 'number', min: 0, max: 1, message: t('frameworks.bandMinRange') },
                    unique(
                      (b) => (typeof b.minValue === 'number' ? b.minValue : null),
                      (v) => t('frameworks.bandMinDuplicate', { value: v }),
                      f.name,
                    ),
                  ]}
                >
                  <InputNumber
                    {...full}
                    min={0}
                    max={1}
                    step={0.05}
                    aria-label={t('frameworks.bandMinN', { n: i + 1 })}
                  />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <RemoveButton
                  label={t('frameworks.removeBand', { n: i + 1 })}
                  onClick={() => remove(f.name)}
                  disabled={disabled}
                />
              </Col>
            </Row>
          ))}
          {noZero && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('frameworks.bandsNoZero')} />
          )}
          <Button
            icon={<PlusOutlined />}
            disabled={disabled}
            style={{ marginBottom: 16 }}
            onClick={() => add({ code: '', label: '', minValue: undefined })}
          >
            {t('frameworks.addBand')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
