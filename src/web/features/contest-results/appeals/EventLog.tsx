import { Empty, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppealDetail } from '../../../../contracts/contest-results-appeals-detail';
import { formatDateTime } from '../../../ui/dates';

type Event = TAppealDetail['events'][number];

/** The attempt's full record, oldest first: logins, saves with their sequence numbers, proctor actions, the end. */
export function EventLog({ events }: { events: Event[] }) {
  const { t, i18n } = useTranslation();
  const label = (kind: string) => {
    const key = `proctor.ev_${kind}`;
    return i18n.exists(key) ? t(key as 'proctor.ev_save') : kind;
  };
  const columns: TableProps<Event>['columns'] = [
    {
      title: t('contestResultsAppeals.eventTime'),
      dataIndex: 'at',
      className: 'nowrap',
      render: formatDateTime,
    },
    { title: t('contestResultsAppeals.eventKind'), dataIndex: 'kind', render: label },
    { title: t('contestResultsAppeals.eventSeq'), dataIndex: 'seq', align: 'right' },
    {
      title: t('contestResultsAppeals.eventDetail'),
      key: 'detail',
      render: (_: unknown, e) => (
        <span style={{ fontSize: 12, wordBreak: 'break-word' }}>
          {[e.ip, e.userAgent].filter(Boolean).join(' · ')}
          {e.payload ? ` · ${JSON.stringify(e.payload).slice(0, 240)}` : ''}
        </span>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={events}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('contestResultsAppeals.noEvents')} /> }}
    />
  );
}
