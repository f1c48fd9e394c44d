import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  KeyOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCandidate, TContest } from '../../../contracts/contests';
import { formatDate } from '../../ui/dates';
import { showSuccess } from '../../ui/feedback';
import { LoadError } from '../../ui/StatusPages';
import { useDebounced } from '../../ui/useDebounced';
import {
  type CandidateParams,
  templateUrl,
  useAssign,
  useCandidates,
  useDeleteCandidates,
  useSessions,
} from './api';
import { CandidateEditModal } from './CandidateEditModal';
import { CandidateImportModal } from './CandidateImportModal';
import { IssuePasswordsModal } from './IssuePasswordsModal';

const LEVELS = ['so', 'huyen', 'xa'] as const;

/** Thí sinh: search and filters, bulk session assignment, import, passwords and credential slips. */
export function CandidatesTab({ contest, canWrite }: { contest: TContest; canWrite: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const [filters, setFilters] = useState<Omit<CandidateParams, 'q' | 'page' | 'pageSize'>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const params: CandidateParams = { ...filters, q: query || undefined, ...page };
  const candidates = useCandidates(contest.id, params);
  const sessions = useSessions(contest.id);
  const sessionList = sessions.data?.items ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<TCandidate | null>(null);
  const [importing, setImporting] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const assign = useAssign(contest.id);
  const remove = useDeleteCandidates(contest.id);
  const writable = canWrite && contest.status !== 'closed';

  const setFilter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const confirmDelete = () =>
    modal.confirm({
      title: t('contests.deleteConfirm', { count: selected.length }),
      content: t('contests.deleteText'),
      okText: t('contests.deleteSelected'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(selected)
          .then((r) => {
            showSuccess(t('contests.deleted', { count: r.count }));
            setSelected([]);
          })
          .catch(() => undefined),
    });

  const filtered = Boolean(query || filters.sessionId || filters.level);
  if (candidates.isError) return <LoadError error={candidates.error} onRetry={() => candidates.refetch()} />;

  return (
    <Flex vertical gap={12}>
      {writable && (
        <Flex gap={8} wrap>
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('contests.import')}
          </Button>
          <Button icon={<DownloadOutlined />} href={templateUrl(contest.id)} download>
            {t('contests.template')}
          </Button>
          <Button
            icon={<KeyOutlined />}
            onClick={() => setIssuing(true)}
            disabled={contest.candidateCount === 0}
          >
            {t('contests.issue')}
          </Button>
        </Flex>
      )}
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          placeholder={t('contests.search')}
          aria-label={t('contests.search')}
          style={{ maxWidth: 360, flex: '1 1 240px' }}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('contests.allSessions')}
          aria-label={t('contests.session')}
          value={filters.sessionId}
          onChange={(v) => setFilter({ sessionId: v })}
          options={[
            ...sessionList.map((s) => ({ value: s.id, label: s.name })),
            { value: 'none', label: t('contests.noSession') },
          ]}
        />
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder={t('contests.allLevels')}
          aria-label={t('contests.level')}
          value={filters.level}
          onChange={(v) => setFilter({ level: v })}
          options={LEVELS.map((l) => ({ value: l, label: t(`contests.level_${l}`) }))}
        />
      </Flex>
      {writable && selected.length > 0 && (
        <Flex gap={8} wrap align="center" className="selection-bar">
          <Typography.Text strong>{t('contests.selected', { count: selected.length })}</Typography.Text>
          <Select
            style={{ width: 200 }}
            placeholder={t('contests.assignTo')}
            aria-label={t('contests.assignTo')}
            value={null}
            onChange={(sessionId: string) =>
              assign.mutate(
                { candidateIds: selected, sessionId: sessionId === 'none' ? null : sessionId },
                { onSuccess: (r) => showSuccess(t('contests.assigned', { count: r.count })) },
              )
            }
            options={[
              ...sessionList.map((s) => ({ value: s.id, label: s.name })),
              { value: 'none', label: t('contests.noSession') },
            ]}
          />
          {contest.status === 'draft' && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              {t('contests.deleteSelected')}
            </Button>
          )}
        </Flex>
      )}
      <div style={{ overflowX: 'auto' }}>
        <Table<TCandidate>
          rowKey="id"
          size="middle"
          loading={candidates.isFetching && !candidates.data}
          dataSource={candidates.data?.items ?? []}
          rowSelection={
            writable
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  preserveSelectedRowKeys: true,
                }
              : undefined
          }
          // No scroll.x: its hidden measuring row would copy the focusable select-all box; the wrapper scrolls.
          style={{ minWidth: 1080 }}
          locale={{
            emptyText: <Empty description={filtered ? t('contests.noMatch') : t('contests.noCandidates')} />,
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: candidates.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.totalItems', { count: total }),
            onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
          }}
          columns={[
            { title: t('contests.number'), dataIndex: 'number', width: 110 },
            { title: t('contests.fullName'), dataIndex: 'fullName', width: 180 },
            {
              title: t('contests.birthDate'),
              dataIndex: 'birthDate',
              width: 110,
              render: (d: string | null) => formatDate(d),
            },
            { title: t('contests.position'), dataIndex: 'position', width: 150 },
            { title: t('contests.unit'), dataIndex: 'unitName', width: 220 },
            {
              title: t('contests.session'),
              dataIndex: 'sessionName',
              width: 100,
              render: (s: string | null) =>
                s ?? <Typography.Text type="secondary">{t('contests.noSession')}</Typography.Text>,
            },
            {
              title: t('contests.extraMinutes'),
              dataIndex: 'extraMinutes',
              width: 100,
              render: (m: number) =>
                m > 0 ? <Tag color="purple">+{t('contests.minutes', { count: m })}</Tag> : null,
            },
            {
              title: t('contests.password'),
              dataIndex: 'hasPassword',
              width: 100,
              render: (v: boolean) => (
                <Tag color={v ? 'green' : 'default'}>
                  {v ? t('contests.passwordIssued') : t('contests.passwordMissing')}
                </Tag>
              ),
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, c: TCandidate) => (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`${t('common.edit')} ${c.number}`}
                        onClick={() => setEditing(c)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {editing && (
        <CandidateEditModal
          contestId={contest.id}
          candidate={editing}
          sessions={sessionList}
          onClose={() => setEditing(null)}
        />
      )}
      <CandidateImportModal contestId={contest.id} open={importing} onClose={() => setImporting(false)} />
      <IssuePasswordsModal
        contestId={contest.id}
        sessions={sessionList}
        selectedIds={selected}
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => void candidates.refetch()}
      />
    </Flex>
  );
}
