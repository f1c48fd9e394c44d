import { DiffOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, InputNumber, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FRAMEWORK_LEVELS, type FrameworkLevel } from '../../../contracts/framework-domain';
import type { TFrameworkVersion } from '../../../contracts/frameworks';
import { useHasRole } from '../../backend/session';
import { FilterBar, FilterField, FilterSelect } from '../../ui/FilterBar';
import { listPagination, pickParam, useListSearchParams } from '../../ui/listParams';
import { SearchBox } from '../../ui/SearchBox';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFrameworks } from './api';
import { CreateFrameworkModal } from './CreateFrameworkModal';
import { FrameworkTags, formatPoints } from './FrameworkTags';

const readFilters = (sp: URLSearchParams) => ({
  q: sp.get('q') || undefined,
  year: Number(sp.get('year')) || undefined,
  level: pickParam<FrameworkLevel>(sp.get('level'), FRAMEWORK_LEVELS),
});

/** The index-set versions, newest year first, with search and filters. */
export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('frameworks.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const navigate = useNavigate();
  const [params, update] = useListSearchParams(readFilters);
  const { page: _page, pageSize: _size, ...filters } = params;
  const set = (patch: Partial<typeof filters>) => update({ ...filters, ...patch });
  const list = useFrameworks(params);
  const [creating, setCreating] = useState(false);

  const columns: TableProps<TFrameworkVersion>['columns'] = [
    {
      title: t('frameworks.name'),
      dataIndex: 'name',
      render: (name: string, v) => (
        <Flex vertical gap={2}>
          <Link to={`/dti/frameworks/${v.id}`}>{name}</Link>
          <span>
            <FrameworkTags
              illustrative={v.illustrative}
              lockedAt={v.lockedAt}
              lockedReason={v.lockedReason}
            />
          </span>
        </Flex>
      ),
    },
    { title: t('frameworks.year'), dataIndex: 'year', align: 'center' },
    {
      title: t('frameworks.level'),
      dataIndex: 'level',
      render: (l: FrameworkLevel) => t(`frameworks.level_${l}`),
    },
    {
      title: t('frameworks.version'),
      dataIndex: 'versionNo',
      align: 'center',
      render: (n: number) => t('frameworks.versionNo', { n }),
    },
    { title: t('frameworks.nodeCount'), dataIndex: 'nodeCount', align: 'right' },
    {
      title: t('frameworks.totalMax'),
      key: 'total',
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, v) => (
        <span style={{ color: v.totalMax === v.nominalMax ? undefined : '#cf1322' }}>
          {formatPoints(v.totalMax, i18n.language)} / {formatPoints(v.nominalMax, i18n.language)}
        </span>
      ),
    },
  ];

  const filtered = Boolean(params.q || params.year || params.level);
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('frameworks.title')}</h1>
        <Flex gap={8} wrap>
          {canWrite && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('frameworks.create')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => navigate('/dti/frameworks/import')}>
                {t('frameworks.importExcel')}
              </Button>
            </>
          )}
          <Button icon={<DiffOutlined />} onClick={() => navigate('/dti/frameworks/compare')}>
            {t('frameworks.compare')}
          </Button>
        </Flex>
      </div>
      <Card>
        <FilterBar
          label={t('frameworks.searchLabel')}
          search={
            <SearchBox
              id="fw-search"
              label={t('frameworks.searchLabel')}
              placeholder={t('frameworks.searchPlaceholder')}
              value={params.q}
              onSearch={(q) => set({ q })}
            />
          }
        >
          <FilterField id="fw-year" label={t('frameworks.year')}>
            <InputNumber
              id="fw-year"
              min={2000}
              max={2100}
              value={params.year ?? null}
              onChange={(y) => set({ year: y ?? undefined })}
              style={{ width: '100%' }}
            />
          </FilterField>
          <FilterSelect
            id="fw-level"
            label={t('frameworks.level')}
            value={params.level}
            onChange={(level) => set({ level })}
            options={FRAMEWORK_LEVELS.map((l) => ({ value: l, label: t(`frameworks.level_${l}`) }))}
            style={{ minWidth: 180 }}
          />
        </FilterBar>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<TFrameworkVersion>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            aria-label={t('frameworks.listLabel')}
            locale={{
              emptyText: (
                <Empty description={filtered ? t('frameworks.emptyFiltered') : t('frameworks.empty')} />
              ),
            }}
            pagination={listPagination(
              list.data,
              (page, pageSize) => update(filters, page, pageSize),
              (total) => t('common.totalItems', { count: total }),
            )}
          />
        )}
      </Card>
      <CreateFrameworkModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
