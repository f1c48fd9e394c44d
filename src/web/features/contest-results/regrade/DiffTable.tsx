import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TRegradeDiffEntry } from '../../../../contracts/contest-results-items';

const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const show = (n: number | null) => (n === null ? '—' : num.format(n));

function BeforeAfter({ before, after }: { before: number | null; after: number | null }) {
  if (before === after) return <span>{show(after)}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" delete>
        {show(before)}
      </Typography.Text>{' '}
      → <strong>{show(after)}</strong>
    </span>
  );
}

/** Who changed and by how much: section scores and total before → after, the delta, the pass flag. */
export function DiffTable({ diff }: { diff: TRegradeDiffEntry[] }) {
  const { t } = useTranslation();
  const flag = (f: TRegradeDiffEntry['before']['flag']) => (f ? t(`contestResults.flag_${f}`) : '—');
  const columns: ColumnsType<TRegradeDiffEntry> = [
    {
      title: t('contestResultsItems.colNumber'),
      dataIndex: 'number',
      key: 'number',
      sorter: (a, b) => a.number.localeCompare(b.number),
    },
    { title: t('contestResultsItems.colName'), dataIndex: 'fullName', key: 'fullName' },
    { title: t('contestResultsItems.colUnit'), dataIndex: 'unitName', key: 'unitName', responsive: ['md'] },
    {
      title: t('contestResultsItems.colTheory'),
      key: 'theory',
      align: 'right',
      render: (_, r) => <BeforeAfter before={r.before.theory} after={r.after.theory} />,
    },
    {
      title: t('contestResultsItems.colPractice'),
      key: 'practice',
      align: 'right',
      responsive: ['lg'],
      render: (_, r) => <BeforeAfter before={r.before.practice} after={r.after.practice} />,
    },
    {
      title: t('contestResultsItems.colTotal'),
      key: 'total',
      align: 'right',
      render: (_, r) => <BeforeAfter before={r.before.total} after={r.after.total} />,
    },
    {
      title: t('contestResultsItems.colDelta'),
      key: 'delta',
      align: 'right',
      sorter: (a, b) => a.delta - b.delta,
      render: (_, r) => (
        <strong
          style={{
            color: r.delta > 0 ? '#237804' : r.delta < 0 ? '#a8071a' : undefined,
            whiteSpace: 'nowrap',
          }}
        >
          {r.delta > 0 ? '+' : r.delta < 0 ? '−' : ''}
          {num.format(Math.abs(r.delta))}
        </strong>
      ),
    },
    {
      title: t('contestResultsItems.colFlag'),
      key: 'flag',
      responsive: ['lg'],
      render: (_, r) =>
        r.before.flag === r.after.flag
          ? flag(r.after.flag)
          : `${flag(r.before.flag)} → ${flag(r.after.flag)}`,
    },
  ];
  return (
    <Table<TRegradeDiffEntry>
      rowKey="attemptId"
      size="small"
      columns={columns}
      dataSource={diff}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
      locale={{ emptyText: t('contestResultsItems.noChange') }}
    />
  );
}
