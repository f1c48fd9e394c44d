import { Drawer, Empty, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAttemptEvent, TProctorCandidate } from '../../../contracts/proctor';
import { formatDateTime } from '../../ui/dates';
import { LoadError } from '../../ui/StatusPages';
import { useAttemptEvents } from './api';

/** An attempt's full record: logins, saves with their sequence numbers, proctor actions, the end. */
export function EventsDrawer({
  sessionId,
  candidate,
  onClose,
}: {
  sessionId: string;
  candidate: TProctorCandidate | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const events = useAttemptEvents(sessionId, candidate?.candidateId ?? null);
  const label = (kind: string) => {
    const key = `proctor.ev_${kind}`;
    return i18n.exists(key) ? t(key as 'proctor.ev_save') : kind;
  };
  const columns: TableProps<TAttemptEvent>['columns'] = [
    {
      title: t('proctor.eventTime'),
      dataIndex: 'at',
      className: 'nowrap',
      render: (d: string) => formatDateTime(d),
    },
    { title: t('proctor.eventKind'), dataIndex: 'kind', render: label },
    { title: t('proctor.eventSeq'), dataIndex: 'seq', align: 'right' },
    {
      title: t('proctor.eventDetail'),
      key: 'detail',
      render: (_: unknown, e) => (
        <span style={{ fontSize: 12 }}>
          {e.ip}
          {e.payload ? ` · ${JSON.stringify(e.payload).slice(0, 160)}` : ''}
        </span>
      ),
    },
  ];
  return (
    <Drawer
      open={candidate !== null}
      onClose={onClose}
      size={Math.min(900, window.innerWidth)}
      title={
        candidate ? t('proctor.eventsTitle', { name: candidate.fullName, number: candidate.number }) : ''
      }
    >
      {events.isError ? (
        <LoadError error={events.error} onRetry={() => events.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={events.isLoading}
          columns={columns}
          dataSource={events.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('proctor.noEvents')} /> }}
        />
      )}
    </Drawer>
  );
}
