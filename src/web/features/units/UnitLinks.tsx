import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TUnitDetail } from '../../../contracts/units';
import { formatDate } from '../../ui/dates';

type LinkRef = TUnitDetail['predecessors'][number];

function LinkList({ title, items, emptyText }: { title: string; items: LinkRef[]; emptyText: string }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} size="small">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <ul className="link-list">
          {items.map((l) => (
            <li key={`${l.id}-${l.kind}`}>
              <Link to={`/units/${l.id}`}>{`${l.name} (${l.code})`}</Link>
              <div style={{ color: 'rgba(0, 0, 0, 0.7)' }}>
                {t('unit.linkInfo', { kind: t(`linkKinds.${l.kind}`), date: formatDate(l.effectiveDate) })}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Predecessors, successors and (for a quận/huyện) its xã/phường, side by side on wide screens. */
export function UnitLinks({ unit }: { unit: TUnitDetail }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <LinkList
          title={t('unit.predecessors')}
          items={unit.predecessors}
          emptyText={t('unit.noPredecessors')}
        />
      </Col>
      <Col xs={24} lg={8}>
        <LinkList title={t('unit.successors')} items={unit.successors} emptyText={t('unit.noSuccessors')} />
      </Col>
      {(unit.level === 'huyen' || unit.children.length > 0) && (
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('unit.children')}</h2>} size="small">
            {unit.children.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit.noChildren')} />
            ) : (
              <ul className="link-list">
                {unit.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/units/${c.id}`}>{`${c.name} (${c.code})`}</Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      )}
    </Row>
  );
}
