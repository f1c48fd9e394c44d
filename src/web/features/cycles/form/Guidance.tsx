import { Col, Row, Typography } from 'antd';
import type { TEntryView } from '../../../../contracts/cycles';
import { useFormText } from './text';

function Block({ title, text }: { title: string; text: string | null }) {
  const { ft } = useFormText();
  return (
    <div>
      <div style={{ fontWeight: 600, fontSize: 13 }}>{title}</div>
      {text ? (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-line', marginBottom: 0 }}
          ellipsis={{ rows: 4, expandable: 'collapsible' }}
        >
          {text}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{ft('noGuidance')}</Typography.Text>
      )}
    </div>
  );
}

/** The set's "Cách tính điểm" and "Tài liệu kiểm chứng" (and data source) for one indicator. */
export function Guidance({ entry }: { entry: TEntryView }) {
  const { ft } = useFormText();
  return (
    <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={12}>
        <Block title={ft('method')} text={entry.method} />
      </Col>
      <Col xs={24} md={12}>
        <Block title={ft('evidenceRequirement')} text={entry.evidenceRequirement} />
        {entry.dataSource && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {ft('dataSource')}: {entry.dataSource}
          </Typography.Text>
        )}
      </Col>
    </Row>
  );
}
