import { Alert, Card, Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateRule, ruleInputFields, validateRule } from '../../../contracts/framework-domain';
import type { TRule } from '../../../contracts/frameworks';
import { formatPoints } from './FrameworkTags';

type Value = number | boolean | string | string[] | null;

/** Tries the rule as it is being edited: typed values give the points the scoring will compute. */
export function RulePreview({ rule, maxPoints }: { rule: TRule | null; maxPoints: number }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Record<string, Value>>({});
  const fields = useMemo(() => (rule ? ruleInputFields(rule) : []), [rule]);
  const problems = useMemo(() => (rule ? validateRule(rule, maxPoints) : []), [rule, maxPoints]);
  if (!rule) return null;
  const outcome = evaluateRule(rule, values, maxPoints);
  const set = (name: string, v: Value) => setValues((prev) => ({ ...prev, [name]: v }));

  let result: ReactNode;
  switch (outcome.status) {
    case 'scored':
      result = (
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="preview-points">
          {t('frameworks.previewPoints', {
            points: formatPoints(outcome.points, i18n.language),
            max: formatPoints(maxPoints, i18n.language),
          })}
        </Typography.Text>
      );
      break;
    case 'not_applicable':
      result = <Typography.Text>{t('frameworks.previewNa', { reason: outcome.reason })}</Typography.Text>;
      break;
    case 'missing':
      result = <Typography.Text type="secondary">{t('frameworks.previewMissing')}</Typography.Text>;
      break;
    default:
      result = <Typography.Text type="danger">{outcome.errors.join('; ')}</Typography.Text>;
  }

  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('frameworks.previewTitle')}</h3>}
      style={{ background: '#f6f9ff' }}
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('frameworks.ruleProblems')}
          description={problems.map((p) => <div key={p}>{p}</div>)}
        />
      )}
      <Form layout="vertical" component="div">
        <Flex gap={12} wrap>
          {fields.map((f) => {
            const id = `preview-${f.name}`;
            let control: ReactNode;
            if (f.kind === 'number')
              control = (
                <InputNumber
                  id={id}
                  decimalSeparator={i18n.language.startsWith('vi') ? ',' : '.'}
                  value={(values[f.name] as number | null) ?? null}
                  onChange={(v) => set(f.name, v)}
                  style={{ width: 160 }}
                />
              );
            else if (f.kind === 'boolean')
              control = (
                <Radio.Group
                  id={id}
                  value={values[f.name] ?? undefined}
                  onChange={(e) => set(f.name, e.target.value as boolean)}
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
                  value={values[f.name] ?? undefined}
                  onChange={(v) => set(f.name, (v as string | string[] | undefined) ?? null)}
                  options={(f.options ?? []).map((o) => ({ value: o.code, label: `${o.code}. ${o.label}` }))}
                  style={{ minWidth: 220 }}
                />
              );
            return (
              <Form.Item key={f.name} label={f.label} htmlFor={id} style={{ marginBottom: 8 }}>
                {control}
              </Form.Item>
            );
          })}
        </Flex>
      </Form>
      <div aria-live="polite">{result}</div>
    </Card>
  );
}
