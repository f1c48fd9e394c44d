import { Button, Card, Empty, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TProctorSession } from '../../../contracts/proctor';
import { formatDateTime } from '../../ui/dates';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContests, useProctorSessions } from './api';
import { SessionStatusTag } from './SessionStatusTag';

/** The sessions a proctor can run, newest first. */
export function ProctorSessionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('proctor.title'));
  const contests = useContests();
  const [chosen, setChosen] = useState<string | undefined>();
  const list = contests.data?.items ?? [];
  const contestId = chosen ?? (list.find((c) => c.status === 'open') ?? list[0])?.id;
  const sessions = useProctorSessions(contestId);

  const columns: TableProps<TProctorSession>['columns'] = [
    { title: t('proctor.contest'), dataIndex: 'contestName' },
    {
      title: t('proctor.session'),
      key: 'name',
      render: (_: unknown, s) => <Link to={`/contest/proctor/${s.id}`}>{s.name}</Link>,
    },
    { title: t('proctor.room'), dataIndex: 'room', render: (r: string | null) => r ?? t('common.none') },
    {
      title: t('proctor.scheduledAt'),
      dataIndex: 'scheduledAt',
      className: 'nowrap',
      render: (d: string) => formatDateTime(d),
    },
    {
      title: t('proctor.status'),
      dataIndex: 'status',
      render: (_: unknown, s) => <SessionStatusTag status={s.status} />,
    },
    {
      title: t('proctor.candidates'),
      key: 'count',
      align: 'right',
      render: (_: unknown, s) => (
        <span>
          {s.candidateCount}
          {s.finalisedCount > 0 && <Tag style={{ marginInlineStart: 8 }}>{s.finalisedCount} ✓</Tag>}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_: unknown, s) => (
        <Link to={`/contest/proctor/${s.id}`}>
          <Button size="small" type="primary">
            {t('proctor.open')}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <Card title={<h1 className="page-title">{t('proctor.title')}</h1>}>
      <Typography.Paragraph type="secondary">{t('proctor.sessionsIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="proctor-contest">{t('proctor.contest')}</label>
        <Select
          id="proctor-contest"
          style={{ minWidth: 320, maxWidth: '100%' }}
          loading={contests.isLoading}
          value={contestId}
          onChange={setChosen}
          options={list.map((c) => ({ value: c.id, label: `${c.name} (${c.year})` }))}
        />
      </Space>
      {contests.isError || sessions.isError ? (
        <LoadError
          error={contests.error ?? sessions.error}
          onRetry={() => void contests.refetch().then(() => sessions.refetch())}
        />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={contests.isLoading || sessions.isLoading}
          columns={columns}
          dataSource={sessions.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('proctor.noSessions')} /> }}
        />
      )}
    </Card>
  );
}
