import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '../../../../contracts/cycles';

type Row = TBoard['reviewers'][number];

/** How many indicators each reviewer still has to decide, and has decided. */
export function ReviewerWorkload({ rows, loading }: { rows: Row[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="workload-title">
      <Typography.Title level={2} id="workload-title" style={{ fontSize: 18 }}>
        {t('cycles.workload')}
      </Typography.Title>
      <Table<Row>
        rowKey="userId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('cycles.noReviewers')} /> }}
        scroll={{ x: 480 }}
        columns={[
          { title: t('cycles.reviewer'), dataIndex: 'fullName' },
          {
            title: t('cycles.pending'),
            dataIndex: 'pending',
            width: 130,
            align: 'right',
            sorter: (a, b) => a.pending - b.pending,
            defaultSortOrder: 'descend',
          },
          { title: t('cycles.done'), dataIndex: 'done', width: 130, align: 'right' },
        ]}
      />
    </section>
  );
}
