import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRule } from '../../../contracts/frameworks';

export const RULE_TYPES: TRule['type'][] = [
  'ratio',
  'steps',
  'option',
  'yes_no',
  'count',
  'linear',
  'manual',
  'expression',
];

/** A usable starting point for each rule type, so the preview works as soon as a type is picked. */
export function defaultRule(type: TRule['type'], max: number): TRule {
  switch (type) {
    case 'ratio':
      return { type, whenDenominatorZero: 'zero' };
    case 'steps':
      return {
        type,
        steps: [
          { min: 1, points: max / 2 },
          { min: 2, points: max },
        ],
      };
    case 'option':
      return {
        type,
        options: [
          { code: 'A', label: 'Đầy đủ', fraction: 1 },
          { code: 'B', label: 'Một phần', fraction: 0.5 },
        ],
      };
    case 'count':
      return { type, cap: 4 };
    case 'linear':
      return { type, worst: 0, best: 100 };
    case 'expression':
      return { type, inputs: [{ code: 'a', label: 'Giá trị a' }], formula: 'a' };
    default:
      return { type } as TRule;
  }
}

const num = { style: { width: '100%' } } as const;

/** The parameters of the chosen rule type, under the form field `rule`. */
export function RuleFields({ type, disabled }: { type: TRule['type'] | undefined; disabled: boolean }) {
  const { t } = useTranslation();
  const removeButton = (onClick: () => void, label: string) => (
    <Button
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
    />
  );
  switch (type) {
    case 'ratio':
      return (
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('frameworks.ruleTarget')}
              name={['rule', 'target']}
              tooltip={t('frameworks.ruleTargetHelp')}
            >
              <InputNumber {...num} min={0} step={0.1} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('frameworks.ruleCap')} name={['rule', 'cap']}>
              <InputNumber {...num} min={0} step={0.1} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('frameworks.ruleZero')}
              name={['rule', 'whenDenominatorZero']}
              rules={[{ required: true }]}
            >
              <Select
                options={(['zero', 'full', 'not_applicable'] as const).map((v) => ({
                  value: v,
                  label: t(`frameworks.zero_${v}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'steps':
      return (
        <Form.List name={['rule', 'steps']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col flex="1">
                    <Form.Item
                      label={t('frameworks.stepMin', { n: i + 1 })}
                      name={[f.name, 'min']}
                      rules={[{ required: true, message: t('frameworks.required') }]}
                    >
                      <InputNumber {...num} />
                    </Form.Item>
                  </Col>
                  <Col flex="1">
                    <Form.Item
                      label={t('frameworks.stepPoints', { n: i + 1 })}
                      name={[f.name, 'points']}
                      rules={[{ required: true, message: t('frameworks.required') }]}
                    >
                      <InputNumber {...num} min={0} />
                    </Form.Item>
                  </Col>
                  <Col style={{ paddingBottom: 24 }}>
                    {removeButton(() => remove(f.name), t('frameworks.removeStep', { n: i + 1 }))}
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ min: undefined, points: undefined })}
                disabled={disabled}
                style={{ marginBottom: 16 }}
              >
                {t('frameworks.addStep')}
              </Button>
            </>
          )}
        </Form.List>
      );
    case 'option':
      return (
        <>
          <Form.Item
            label={t('frameworks.optionMultiple')}
            name={['rule', 'multiple']}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.List name={['rule', 'options']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={8} key={f.key} align="bottom" wrap>
                    <Col xs={6} sm={4}>
                      <Form.Item
                        label={t('frameworks.optionCode')}
                        name={[f.name, 'code']}
                        rules={[{ required: true, message: t('frameworks.required') }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={18} sm={10}>
                      <Form.Item
                        label={t('frameworks.optionLabel', { n: i + 1 })}
                        name={[f.name, 'label']}
                        rules={[{ required: true, message: t('frameworks.required') }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={4}>
                      <Form.Item label={t('frameworks.optionPoints')} name={[f.name, 'points']}>
                        <InputNumber {...num} min={0} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={4}>
                      <Form.Item label={t('frameworks.optionFraction')} name={[f.name, 'fraction']}>
                        <InputNumber {...num} min={0} max={1} step={0.25} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2} style={{ paddingBottom: 24 }}>
                      {removeButton(() => remove(f.name), t('frameworks.removeOption', { n: i + 1 }))}
                    </Col>
                  </Row>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', label: '' })}
                  disabled={disabled}
                  style={{ marginBottom: 16 }}
                >
                  {t('frameworks.addOption')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      );
    case 'count':
      return (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.countCap')}
              name={['rule', 'cap']}
              rules={[{ required: true, message: t('frameworks.required') }]}
            >
              <InputNumber {...num} min={1} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.countEach')}
              name={['rule', 'pointsEach']}
              tooltip={t('frameworks.countEachHelp')}
            >
              <InputNumber {...num} min={0} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'linear':
      return (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.linearWorst')}
              name={['rule', 'worst']}
              rules={[{ required: true, message: t('frameworks.required') }]}
            >
              <InputNumber {...num} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.linearBest')}
              name={['rule', 'best']}
              rules={[{ required: true, message: t('frameworks.required') }]}
            >
              <InputNumber {...num} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'expression':
      return (
        <>
          <Form.List name={['rule', 'inputs']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={8} key={f.key} align="bottom">
                    <Col xs={8}>
                      <Form.Item
                        label={t('frameworks.inputCode')}
                        name={[f.name, 'code']}
                        rules={[{ required: true, message: t('frameworks.required') }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col flex="1">
                      <Form.Item
                        label={t('frameworks.inputLabel', { n: i + 1 })}
                        name={[f.name, 'label']}
                        rules={[{ required: true, message: t('frameworks.required') }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col style={{ paddingBottom: 24 }}>
                      {removeButton(() => remove(f.name), t('frameworks.removeInput', { n: i + 1 }))}
                    </Col>
                  </Row>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', label: '' })}
                  disabled={disabled}
                  style={{ marginBottom: 16 }}
                >
                  {t('frameworks.addInput')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item
            label={t('frameworks.formula')}
            name={['rule', 'formula']}
            extra={t('frameworks.formulaHelp')}
            rules={[{ required: true, message: t('frameworks.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
