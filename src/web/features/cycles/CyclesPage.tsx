import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCycleSummary } from '../../../contracts/cycles';
import { useCurrentUser } from '../../backend/session';
import { FilterSelect } from '../../ui/FilterBar';
import { listPagination, useListSearchParams } from '../../ui/listParams';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useCycles } from './api';
import { CreateCycleModal } from './CreateCycleModal';
import { CurrentWindowTag } from './CycleTags';
import { unitFormPath } from './domain';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: thisYear - 2018 }, (_, i) => thisYear + 1 - i);

/** The DTI cycles by year; a reporter sees the cycles of the own unit and goes to its form. */
export function CyclesPage() {
  const { t } = useTranslation();
  usePageTitle(t('cycles.title'));
  const user = useCurrentUser();
  const canWrite = user.role === 'admin' || user.role === 'organiser';
  const reporter = user.role === 'reporter';
  const [params, setParams] = useListSearchParams((p) => ({
    year: Number(p.get('year')) || undefined,
  }));
  const cycles = useCycles(params);
  const [creating, setCreating] = useState(false);
  const detailPath = (c: TCycleSummary) =>
    reporter && user.unitId ? unitFormPath(c.id, user.unitId) : `/dti/cycles/${c.id}`;

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('cycles.title')}</h1>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="cycle-create"
          >
            {t('cycles.add')}
          </Button>
        )}
      </div>
      <Card>
        <Form layout="vertical" role="search" aria-label={t('cycles.filters')} style={{ maxWidth: 200 }}>
          <FilterSelect<number>
            id="cycle-year-filter"
            label={t('cycles.year')}
            value={params.year}
            onChange={(year) => setParams({ year })}
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          />
        </Form>
        {cycles.isError ? (
          <LoadError error={cycles.error} onRetry={() => cycles.refetch()} />
        ) : (
          <Table<TCycleSummary>
            rowKey="id"
            loading={cycles.isFetching}
            dataSource={cycles.data?.items ?? []}
            aria-label={t('cycles.listLabel')}
            scroll={{ x: 900 }}
            pagination={listPagination(
              cycles.data,
              (page, pageSize) => setParams({ year: params.year }, page, pageSize),
              (total) => t('cycles.total', { count: total }),
            )}
            locale={{
              emptyText: <Empty description={reporter ? t('cycles.emptyReporter') : t('cycles.empty')} />,
            }}
            columns={[
              { title: t('cycles.year'), dataIndex: 'year', width: 80 },
              {
                title: t('cycles.name'),
                dataIndex: 'name',
                render: (name: string, c) => <Link to={detailPath(c)}>{name}</Link>,
              },
              // The counts are the whole cycle's: for a reporter they say nothing about the own unit.
              ...(reporter
                ? []
                : [
                    {
                      title: t('cycles.unitCount'),
                      dataIndex: 'unitCount',
                      width: 90,
                      align: 'right' as const,
                    },
                    {
                      title: t('cycles.submittedCount'),
                      dataIndex: 'submittedCount',
                      width: 90,
                      align: 'right' as const,
                    },
                    {
                      title: t('cycles.approvedCount'),
                      dataIndex: 'approvedCount',
                      width: 110,
                      align: 'right' as const,
                    },
                  ]),
              {
                title: t('cycles.currentWindow'),
                dataIndex: 'currentWindow',
                width: 200,
                render: (w: TCycleSummary['currentWindow']) => <CurrentWindowTag window={w} />,
              },
              {
                title: t('cycles.published'),
                dataIndex: 'publishedVersion',
                width: 130,
                render: (v: number | null) =>
                  v === null ? t('cycles.notPublished') : t('cycles.publishedVersion', { version: v }),
              },
              ...(reporter && user.unitId
                ? [
                    {
                      title: t('common.actions'),
                      key: 'form',
                      width: 200,
                      render: (_: unknown, c: TCycleSummary) => (
                        <Link
                          to={unitFormPath(c.id, user.unitId ?? '')}
                          data-testid={`cycle-open-form-${c.year}`}
                        >
                          <EditOutlined aria-hidden /> {t('cycles.openForm')}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {canWrite && <CreateCycleModal open={creating} onClose={() => setCreating(false)} />}
    </div>
  );
}
