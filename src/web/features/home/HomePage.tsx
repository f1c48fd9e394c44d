import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  FormOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../backend/session';
import { usePageTitle } from '../../ui/usePageTitle';
import { useCycles } from '../cycles/api';
import { unitFormPath } from '../cycles/domain';
import { useOwnResultsLink } from '../results/profile/useOwnResultsLink';

interface Shortcut {
  to: string;
  title: string;
  text: string;
  icon: ReactNode;
}

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const user = useCurrentUser();
  // A reporter's first task: the own unit's form in the newest cycle it takes part in.
  const reporterUnit = user.role === 'reporter' ? user.unitId : null;
  const cycles = useCycles({ page: 1, pageSize: 1 }, Boolean(reporterUnit));
  const latest = cycles.data?.items[0];
  const ownResults = useOwnResultsLink();

  const shortcuts: Shortcut[] = [
    ...(reporterUnit && latest
      ? [
          {
            to: unitFormPath(latest.id, reporterUnit),
            title: t('cycles.homeForm'),
            text: t('cycles.homeFormDesc', { unit: user.unitName ?? '', name: latest.name }),
            icon: <FormOutlined />,
          },
        ]
      : []),
    ...(ownResults ? [{ ...ownResults, icon: <BarChartOutlined /> }] : []),
    { to: '/units', title: t('nav.units'), text: t('home.unitsDesc'), icon: <ApartmentOutlined /> },
    ...(user.role === 'admin'
      ? [
          { to: '/admin/users', title: t('nav.users'), text: t('home.usersDesc'), icon: <TeamOutlined /> },
          { to: '/admin/audit', title: t('nav.audit'), text: t('home.auditDesc'), icon: <AuditOutlined /> },
        ]
      : []),
    {
      to: '/change-password',
      title: t('user.changePassword'),
      text: t('home.passwordDesc'),
      icon: <KeyOutlined />,
    },
  ];

  return (
    <div className="page">
      <h1 className="page-title">{t('home.welcome', { name: user.fullName })}</h1>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        <strong>{t('home.role', { role: t(`roles.${user.role}`) })}</strong>
        {user.unitName && <> · {t('user.unit', { unit: user.unitName })}</>}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ maxWidth: 760 }}>{t('home.intro')}</Typography.Paragraph>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('home.shortcuts')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.to} xs={24} sm={12} lg={8} xl={6}>
            <Link to={s.to} style={{ display: 'block', height: '100%' }}>
              <Card hoverable style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#1456b8' }}>{s.icon}</span>}
                  title={s.title}
                  description={<span style={{ color: 'rgba(0,0,0,0.7)' }}>{s.text}</span>}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
