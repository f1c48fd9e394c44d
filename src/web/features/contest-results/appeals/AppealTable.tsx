import { Button, Empty, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppeal, TAppealPage } from '../../../../contracts/contest-results-appeals';
import { formatDateTime } from '../../../ui/dates';
import { ToneTag } from '../../proctor/ToneTag';
import { formatSigned, STATUS_COLOR, sectionKey } from './format';

interface Props {
  data: TAppealPage | undefined;
  loading: boolean;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Opens the record (organisers); absent for a unit's staff, who see the decision in the row. */
  onOpen?: (appeal: TAppeal) => void;
}

/** Appeals, newest first: who, on what, the text, and the decision when there is one. */
export function AppealTable({ data, loading, filtered, onPage, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableProps<TAppeal>['columns'] = [
    { title: t('contestResultsAppeals.number'), dataIndex: 'number', className: 'nowrap' },
    {
      title: t('contestResultsAppeals.fullName'),
      key: 'name',
      render: (_: unknown, a) => (
        <>
          <div>{a.fullName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.unitName}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('contestResultsAppeals.section'),
      dataIndex: 'section',
      render: (s: TAppeal['section']) => t(sectionKey(s)),
    },
    {
      title: t('contestResultsAppeals.text'),
      dataIndex: 'text',
      width: 320,
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0, maxWidth: 320 }}>
          {text}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('contestResultsAppeals.filedAt'),
      key: 'filed',
      className: 'nowrap',
      render: (_: unknown, a) => (
        <>
          <div>{formatDateTime(a.createdAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.filedBy === 'candidate'
              ? t('contestResultsAppeals.filedBy_candidate')
              : t('contestResultsAppeals.filedBy_unit', { name: a.filedByName ?? '' })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('contestResultsAppeals.status'),
      key: 'status',
      render: (_: unknown, a) => (
        <>
          <ToneTag tone={STATUS_COLOR[a.status]}>{t(`contestResultsAppeals.status_${a.status}`)}</ToneTag>
          {a.adjustment && (
            <ToneTag tone="blue">
              {t(sectionKey(a.adjustment.section))} {formatSigned(a.adjustment.points, i18n.language)}
            </ToneTag>
          )}
          {a.decisionReason && !onOpen && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0', maxWidth: 260 }}>
              {a.decisionReason}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
  ];
  if (onOpen) {
    columns.push({
      title: t('common.actions'),
      key: 'open',
      render: (_: unknown, a) => (
        <Button size="small" onClick={() => onOpen(a)}>
          {t('contestResultsAppeals.open')}
        </Button>
      ),
    });
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table<TAppeal>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              description={t(
                filtered ? 'contestResultsAppeals.emptyFiltered' : 'contestResultsAppeals.empty',
              )}
            />
          ),
        }}
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('contestResultsAppeals.totalCount', { count: total }),
          onChange: onPage,
        }}
      />
    </div>
  );
}
