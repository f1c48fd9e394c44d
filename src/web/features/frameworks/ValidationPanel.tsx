import { Alert, Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TIssue } from '../../../contracts/frameworks';

/** Errors (the set cannot be used in a cycle) and warnings (advice) of a version. */
export function ValidationPanel({ errors, warnings }: { errors: TIssue[]; warnings: TIssue[] }) {
  const { t } = useTranslation();
  if (errors.length === 0 && warnings.length === 0)
    return <Alert type="success" showIcon title={t('frameworks.valid')} />;
  const item = (i: TIssue) => (
    <List.Item style={{ padding: '4px 0' }}>
      {i.path && !i.path.startsWith('$') ? <strong>{i.path}: </strong> : null}
      {i.message}
    </List.Item>
  );
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('frameworks.validationTitle')}</h2>}>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('frameworks.errorsCount', { count: errors.length })}
          description={<List size="small" dataSource={errors} renderItem={item} />}
          style={{ marginBottom: warnings.length ? 12 : 0 }}
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('frameworks.warningsCount', { count: warnings.length })}
          description={<List size="small" dataSource={warnings} renderItem={item} />}
        />
      )}
    </Card>
  );
}
