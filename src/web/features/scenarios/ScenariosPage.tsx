import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../ui/dates';
import { FilterBar } from '../../ui/FilterBar';
import { showError, showSuccess } from '../../ui/feedback';
import { SearchBox } from '../../ui/SearchBox';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useDeleteScenario, useScenarios } from './api';
import { CreateScenarioModal } from './CreateScenarioModal';
import type { TScenarioItem } from './types';

/** The practice scenarios: search, open, copy, delete an unused one, create from a copy or JSON. */
export function ScenariosPage() {
  const { t } = useTranslation();
  usePageTitle(t('scenarios.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const scenarios = useScenarios(q);
  const all = useScenarios();
  const remove = useDeleteScenario();
  const { modal } = App.useApp();
  const [creating, setCreating] = useState<{ copyOf: TScenarioItem | null } | null>(null);

  const confirmDelete = (s: TScenarioItem) =>
    modal.confirm({
      title: t('scenarios.deleteConfirm', { name: s.name }),
      content: t('scenarios.deleteText'),
      okText: t('scenarios.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(s.code)
          .then(() => showSuccess(t('scenarios.deleted')))
          .catch(showError),
    });

  const deleteBlocked = (s: TScenarioItem) =>
    s.shipped ? t('scenarios.cannotDeleteShipped') : s.usedBy > 0 ? t('scenarios.cannotDeleteUsed') : null;

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('scenarios.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ copyOf: null })}>
          {t('scenarios.add')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('scenarios.intro')}</Typography.Paragraph>
      <Card>
        <FilterBar
          label={t('scenarios.searchLabel')}
          search={
            <SearchBox
              id="scenario-search"
              label={t('common.search')}
              placeholder={t('scenarios.searchPlaceholder')}
              value={q}
              onSearch={(next) => setParams(next ? { q: next } : {}, { replace: true })}
            />
          }
        >
          {null}
        </FilterBar>
        {scenarios.isError ? (
          <LoadError error={scenarios.error} onRetry={() => scenarios.refetch()} />
        ) : (
          <Table<TScenarioItem>
            rowKey="code"
            loading={scenarios.isLoading}
            dataSource={scenarios.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{
              emptyText: <Empty description={q ? t('scenarios.emptySearch', { q }) : t('scenarios.empty')} />,
            }}
            columns={[
              {
                title: t('scenarios.name'),
                dataIndex: 'name',
                render: (name: string, s) => (
                  <Flex vertical gap={2}>
                    <span>
                      <Link to={`/contest/scenarios/${s.code}`}>{name}</Link>
                      {s.shipped && (
                        <Tag color="blue" style={{ marginInlineStart: 8 }}>
                          {t('scenarios.shipped')}
                        </Tag>
                      )}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.code}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('scenarios.year'), dataIndex: 'year', width: 80 },
              { title: t('scenarios.points'), dataIndex: 'totalPoints', width: 80, align: 'right' },
              { title: t('scenarios.tasks'), dataIndex: 'taskCount', width: 100, align: 'right' },
              { title: t('scenarios.usedBy'), dataIndex: 'usedBy', width: 110, align: 'right' },
              {
                title: t('scenarios.updatedAt'),
                dataIndex: 'updatedAt',
                width: 120,
                render: (v: string) => formatDateTime(v).slice(0, 10),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 190,
                render: (_: unknown, s) => {
                  const blocked = deleteBlocked(s);
                  return (
                    <Flex gap={4} wrap>
                      <Button
                        size="small"
                        icon={<CopyOutlined />}
                        aria-label={`${t('scenarios.copy')}: ${s.name}`}
                        onClick={() => setCreating({ copyOf: s })}
                      >
                        {t('scenarios.copy')}
                      </Button>
                      <Tooltip title={blocked}>
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          disabled={blocked !== null}
                          aria-label={`${t('scenarios.delete')}: ${s.name}`}
                          onClick={() => confirmDelete(s)}
                        >
                          {t('scenarios.delete')}
                        </Button>
                      </Tooltip>
                    </Flex>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <CreateScenarioModal
        open={creating !== null}
        onClose={() => setCreating(null)}
        scenarios={all.data?.items ?? []}
        copyOf={creating?.copyOf ?? null}
      />
    </div>
  );
}
