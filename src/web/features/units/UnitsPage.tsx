import { DownloadOutlined, ForkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useHasRole } from '../../backend/session';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { exportUrl, useUnits } from './api';
import { UnitFilterBar } from './UnitFilterBar';
import { UnitFormDrawer } from './UnitFormDrawer';
import { UnitsTable } from './UnitsTable';
import { useUnitSearchParams } from './useUnitSearchParams';

export function UnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('units.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const navigate = useNavigate();
  const [params, setParams] = useUnitSearchParams();
  const { page, pageSize, ...filters } = params;
  const units = useUnits(params);
  const [creating, setCreating] = useState(false);

  const filtered = Boolean(
    filters.q || filters.level || filters.groupNo || filters.validOn || filters.status,
  );
  const empty = (
    <Empty description={filtered ? t('units.empty') : t('units.emptyRegistry')}>
      {canWrite && !filtered && (
        <Flex gap={8} justify="center" wrap>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('units.add')}
          </Button>
          <Link to="/units/import">{t('units.import')}</Link>
        </Flex>
      )}
    </Empty>
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('units.title')}</h1>
        <Flex gap={8} wrap>
          {canWrite && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('units.add')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => navigate('/units/import')}>
                {t('units.import')}
              </Button>
            </>
          )}
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)} download>
            {t('units.export')}
          </Button>
          {canWrite && (
            <Button icon={<ForkOutlined />} onClick={() => navigate('/units/reorganize')}>
              {t('units.reorganize')}
            </Button>
          )}
        </Flex>
      </div>
      <Card>
        <UnitFilterBar value={filters} onChange={(f) => setParams(f, 1)} />
        {units.isError && !units.data ? (
          <LoadError error={units.error} onRetry={() => units.refetch()} />
        ) : (
          <UnitsTable
            data={units.data}
            loading={units.isFetching}
            empty={empty}
            onPage={(p, size) => setParams(filters, size === pageSize ? p : 1, size)}
          />
        )}
      </Card>
      <UnitFormDrawer
        open={creating}
        unit={null}
        onClose={() => setCreating(false)}
        onSaved={(u) => navigate(`/units/${u.id}`)}
      />
    </div>
  );
}
