import { Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Rule, type RuleInputField, ruleInputFields } from '../../../../contracts/framework-domain';
import type { Inputs, InputValue } from './score';
import { useFormText } from './text';

function fieldsOf(rule: unknown): RuleInputField[] {
  try {
    return rule ? ruleInputFields(rule as Rule) : [];
  } catch {
    return [];
  }
}

/** The figures an indicator's rule reads: numbers (comma decimals in Vietnamese), yes/no, options. */
export function RuleInputs({
  code,
  rule,
  values,
  editable,
  onChange,
}: {
  code: string;
  rule: unknown;
  values: Inputs;
  editable: boolean;
  onChange: (name: string, value: InputValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const { ft } = useFormText();
  const fields = fieldsOf(rule);
  if (fields.length === 0) return <Typography.Text type="secondary">{ft('noInputs')}</Typography.Text>;
  const comma = !i18n.language.startsWith('en');
  return (
    <Form layout="vertical" component="div">
      <Flex gap={16} wrap>
        {fields.map((f) => {
          const id = `in-${code}-${f.name}`;
          const v = values[f.name] ?? null;
          let control: ReactNode;
          if (f.kind === 'number')
            control = (
              <InputNumber
                id={id}
                decimalSeparator={comma ? ',' : '.'}
                value={typeof v === 'number' ? v : null}
                onChange={(n) => onChange(f.name, typeof n === 'number' ? n : null)}
                disabled={!editable}
                style={{ width: '100%' }}
                data-testid={`input-${code}-${f.name}`}
              />
            );
          else if (f.kind === 'boolean')
            control = (
              <Radio.Group
                id={id}
                value={typeof v === 'boolean' ? v : undefined}
                onChange={(e) => onChange(f.name, e.target.value as boolean)}
                disabled={!editable}
                aria-label={ft('inputLabel', { label: f.label, code })}
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
              />
            );
          else
            control = (
              <Select
                id={id}
                allowClear
                mode={f.kind === 'options' ? 'multiple' : undefined}
                value={v === null ? undefined : (v as string | string[])}
                onChange={(x) => onChange(f.name, (x as string | string[] | undefined) ?? null)}
                disabled={!editable}
                options={(f.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
                style={{ width: '100%' }}
                popupMatchSelectWidth={false}
                optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
              />
            );
          const wide = f.kind === 'option' || f.kind === 'options';
          return (
            <Form.Item
              key={f.name}
              label={f.label}
              htmlFor={id}
              style={{
                marginBottom: 8,
                flex: wide ? '1 1 320px' : '1 1 140px',
                minWidth: 0,
                maxWidth: wide ? undefined : 220,
              }}
            >
              {control}
            </Form.Item>
          );
        })}
      </Flex>
    </Form>
  );
}
