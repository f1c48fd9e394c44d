import { Button, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TQuestion, TQuestionPage } from '../../../contracts/questions';
import { listPagination } from '../../ui/listParams';
import { LastStats } from './LastStats';

interface Props {
  data: TQuestionPage | undefined;
  loading: boolean;
  empty: ReactNode;
  onOpen: (id: string) => void;
  onPage: (page: number, pageSize: number) => void;
}

// Dark text on light tag colours keeps WCAG AA contrast.
const TAG_STYLE = {
  approved: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  draft: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function StatusTag({ status }: { status: TQuestion['status'] }) {
  const { t } = useTranslation();
  return <Tag style={{ ...TAG_STYLE[status], marginInlineEnd: 0 }}>{t(`questions.status_${status}`)}</Tag>;
}

export function QuestionsTable({ data, loading, empty, onOpen, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableProps<TQuestion>['columns'] = [
    {
      title: t('questions.colStem'),
      key: 'stem',
      render: (_: unknown, q) => (
        <Flex vertical gap={2}>
          <Button
            type="link"
            onClick={() => onOpen(q.id)}
            aria-label={t('questions.edit', { stem: q.stem.slice(0, 80) })}
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          >
            <span style={{ whiteSpace: 'pre-line' }}>{q.stem}</span>
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[q.code, q.categoryPath.join(' / ') || t('questions.uncategorised')].filter(Boolean).join(' · ')}
          </Typography.Text>
          {q.tags.length > 0 && (
            <Flex gap={4} wrap>
              {q.tags.map((tag) => (
                <Tag key={tag} bordered={false} style={{ marginInlineEnd: 0 }}>
                  {tag}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
      ),
    },
    {
      title: t('questions.colType'),
      dataIndex: 'type',
      className: 'nowrap',
      responsive: ['md'],
      render: (v: TQuestion['type']) => t(`questions.type_${v}`),
    },
    {
      title: t('questions.colDifficulty'),
      dataIndex: 'difficulty',
      className: 'nowrap',
      responsive: ['md'],
      render: (v: TQuestion['difficulty']) => t(`questions.difficulty_${v}`),
    },
    {
      title: t('questions.colStatus'),
      dataIndex: 'status',
      className: 'nowrap',
      render: (s: TQuestion['status']) => <StatusTag status={s} />,
    },
    {
      title: t('questions.colVersion'),
      key: 'version',
      className: 'nowrap',
      responsive: ['lg'],
      render: (_: unknown, q) => (
        <span>
          {t('questions.versionShort', { no: q.versionNo })}
          {q.used && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
              ({t('questions.used')})
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('contestResultsItems.bankStats'),
      key: 'lastStats',
      responsive: ['xl'],
      render: (_: unknown, q) => <LastStats stats={q.lastStats} />,
    },
  ];
  return (
    <Table<TQuestion>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      locale={{ emptyText: empty }}
      aria-label={t('questions.listLabel')}
      pagination={listPagination(data, onPage, (total) => t('questions.total', { count: total }))}
    />
  );
}
