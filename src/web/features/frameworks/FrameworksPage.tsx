import { DiffOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FRAMEWORK_LEVELS, type FrameworkLevel } from '../../../contracts/framework-domain';
import type { TFrameworkVersion } from '../../../contracts/frameworks';
import { useHasRole } from '../../backend/session';
import { LoadError } from '../../ui/StatusPages';
import { useDebouncedCallback } from '../../ui/useDebouncedCallback';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFrameworks } from './api';
import { CreateFrameworkModal } from './CreateFrameworkModal';
import { FrameworkTags, formatPoints } from './FrameworkTags';

function useListParams() {
  const [sp, setSp] = useSearchParams();
  const num = (k: string) => (sp.get(k) ? Number(sp.get(k)) : undefined);
  const params = {
    q: sp.get('q') ?? undefined,
    year: num('year'),
    level: (sp.get('level') as FrameworkLevel | null) ?? undefined,
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 20,
  };
  const set = (patch: Partial<typeof params>) => {
    const next = { ...params, page: 1, ...patch };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') out.set(k, String(v));
    setSp(out, { replace: true });
  };
  return [params, set] as const;
}

/** The index-set versions, newest year first, with search and filters. */
export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('frameworks.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const navigate = useNavigate();
  const [params, set] = useListParams();
  const list = useFrameworks(params);
  const [text, setText] = useState(params.q ?? '');
  const pushText = useDebouncedCallback((q: string) => set({ q: q || undefined }), 350);
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
        <Form layout="vertical" role="search" aria-label={t('frameworks.searchLabel')}>
          <div className="filter-bar">
            <div className="filter-wide">
              <Form.Item label={t('frameworks.searchLabel')} htmlFor="fw-search">
                <Input
                  id="fw-search"
                  type="search"
                  allowClear
                  prefix={<SearchOutlined aria-hidden />}
                  placeholder={t('frameworks.searchPlaceholder')}
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    pushText(e.target.value.trim());
                  }}
                />
              </Form.Item>
            </div>
            <div>
              <Form.Item label={t('frameworks.year')} htmlFor="fw-year">
                <InputNumber
                  id="fw-year"
                  min={2000}
                  max={2100}
                  value={params.year ?? null}
                  onChange={(y) => set({ year: y ?? undefined })}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </div>
            <div>
              <Form.Item label={t('frameworks.level')} htmlFor="fw-level">
                <Select
                  id="fw-level"
                  allowClear
                  placeholder={t('common.all')}
                  value={params.level}
                  onChange={(level) => set({ level })}
                  options={FRAMEWORK_LEVELS.map((l) => ({ value: l, label: t(`frameworks.level_${l}`) }))}
                  style={{ minWidth: 180 }}
                />
              </Form.Item>
            </div>
          </div>
        </Form>
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
            pagination={{
              current: list.data?.page ?? 1,
              pageSize: list.data?.pageSize ?? 20,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.totalItems', { count: total }),
              onChange: (page, pageSize) => set({ page, pageSize }),
            }}
          />
        )}
      </Card>
      <CreateFrameworkModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
