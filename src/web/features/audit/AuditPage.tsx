import { Card, Empty, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../contracts/audit';
import { formatDateTime } from '../../ui/dates';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuditDetail } from './AuditDetail';
import { AuditFilterBar } from './AuditFilterBar';
import { type AuditFilters, useAudit } from './api';
import { actionLabel, entityLabel } from './labels';

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const audit = useAudit({ ...filters, ...paging });
  const none = t('common.none');

  const columns: TableProps<TAuditEntry>['columns'] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      className: 'nowrap',
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      render: (a: string | null) => a ?? t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      className: 'nowrap',
      render: (a: string) => actionLabel(t, a),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      className: 'nowrap',
      render: (e: string) => entityLabel(t, e),
    },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (id: string | null) => id ?? none },
    { title: t('audit.ip'), dataIndex: 'ip', className: 'nowrap', render: (ip: string | null) => ip ?? none },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('audit.title')}</h1>
      </div>
      <Card>
        <AuditFilterBar
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        {audit.isError && !audit.data ? (
          <LoadError error={audit.error} onRetry={() => audit.refetch()} />
        ) : (
          <Table<TAuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={audit.data?.items}
            loading={audit.isFetching}
            scroll={{ x: 'max-content' }}
            expandable={{
              columnTitle: <span className="visually-hidden">{t('common.details')}</span>,
              expandedRowRender: (entry) => <AuditDetail entry={entry} />,
              rowExpandable: (entry) => entry.before !== null || entry.after !== null,
            }}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('audit.total', { count: total }),
              onChange: (page, pageSize) =>
                setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
    </div>
  );
}
