import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../contracts/audit';

function Json({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {value === null || value === undefined ? (
        <Typography.Text>{t('audit.noData')}</Typography.Text>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the block scrolls, so keyboard users must be able to focus it
        <pre className="json-block" tabIndex={0}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </>
  );
}

/** The before/after state of an audited change, side by side (stacked on phones). */
export function AuditDetail({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} lg={12}>
        <Json title={t('audit.before')} value={entry.before} />
      </Col>
      <Col xs={24} lg={12}>
        <Json title={t('audit.after')} value={entry.after} />
      </Col>
    </Row>
  );
}
