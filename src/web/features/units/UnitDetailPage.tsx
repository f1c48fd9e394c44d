import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, type DescriptionsProps, Flex, Result, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../backend/client';
import { useHasRole } from '../../backend/session';
import { formatDate, formatDateTime } from '../../ui/dates';
import { LoadError, PageLoading } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useUnit } from './api';
import { kindLabel, unitPhase } from './format';
import { RetireUnitModal } from './RetireUnitModal';
import { UnitFormDrawer } from './UnitFormDrawer';
import { UnitLinks } from './UnitLinks';

const PHASE_KEY = {
  active: 'units.statusActive',
  future: 'units.statusFuture',
  retired: 'units.statusRetired',
} as const;
// Dark text on light backgrounds (WCAG AA).
const PHASE_STYLE = {
  active: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  future: { color: '#0b3d91', background: '#e6f4ff', borderColor: '#91caff' },
  retired: { color: 'rgba(0, 0, 0, 0.78)', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

export function UnitDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const unit = useUnit(id);
  const canWrite = useHasRole('admin', 'organiser');
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  usePageTitle(unit.data?.name ?? t('unit.detailTitle'));

  if (unit.isPending) return <PageLoading />;
  if (unit.isError) {
    const missing = unit.error instanceof ApiError && unit.error.status === 404;
    return missing ? (
      <Result
        status="404"
        title={<h1 className="result-title">{t('unit.notFound')}</h1>}
        extra={<Link to="/units">{t('units.title')}</Link>}
      />
    ) : (
      <LoadError error={unit.error} onRetry={() => unit.refetch()} />
    );
  }
  const u = unit.data;
  const phase = unitPhase(u);
  const none = t('common.none');

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('units.code'), children: u.code },
    { key: 'name', label: t('units.name'), children: u.name },
    { key: 'level', label: t('units.level'), children: t(`levels.${u.level}`) },
    { key: 'kind', label: t('units.kind'), children: kindLabel(t, u.kind) },
    ...(u.level === 'so' ? [{ key: 'group', label: t('units.group'), children: u.groupNo ?? none }] : []),
    ...(u.level === 'xa'
      ? [
          {
            key: 'parent',
            label: t('units.parent'),
            children: u.parentId ? <Link to={`/units/${u.parentId}`}>{u.parentName}</Link> : none,
          },
        ]
      : []),
    { key: 'from', label: t('unit.validFrom'), children: formatDate(u.validFrom) },
    { key: 'to', label: t('unit.validTo'), children: u.validTo ? formatDate(u.validTo) : t('common.now') },
    { key: 'note', label: t('unit.note'), children: u.note || none, span: 'filled' },
    { key: 'updated', label: t('unit.updatedAt'), children: formatDateTime(u.updatedAt) },
  ];

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/units">{t('units.title')}</Link> }, { title: u.name }]}
      />
      <div className="page-header">
        <Flex align="center" gap={8} wrap>
          <h1 className="page-title">{u.name}</h1>
          <Tag style={PHASE_STYLE[phase]}>{t(PHASE_KEY[phase])}</Tag>
          {u.isDemo && <Tag>{t('unit.demo')}</Tag>}
        </Flex>
        {canWrite && (
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            {phase !== 'retired' && (
              <Button danger icon={<StopOutlined />} onClick={() => setRetiring(true)}>
                {t('unit.retire')}
              </Button>
            )}
          </Flex>
        )}
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} items={items} bordered size="small" />
      </Card>
      <UnitLinks unit={u} />
      {canWrite && (
        <>
          <UnitFormDrawer open={editing} unit={u} onClose={() => setEditing(false)} />
          <RetireUnitModal open={retiring} unit={u} onClose={() => setRetiring(false)} />
        </>
      )}
    </div>
  );
}
