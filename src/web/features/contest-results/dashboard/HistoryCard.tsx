import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../../contracts/contest-results';
import { formatPoints } from '../results/format';

type UnitHistory = TDashboard['history']['units'][number];

/** Each unit's average in the earlier contests and this one, with the change since the last year it sat. */
export function HistoryCard({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const title = t('contestResults.history');
  const years = d.history.years;
  const change = (u: UnitHistory) => {
    const now = u.averages[u.averages.length - 1];
    const before = [...u.averages.slice(0, -1)].reverse().find((v) => v !== null);
    return now === null || now === undefined || before === undefined || before === null ? null : now - before;
  };
  return (
    <Card title={<span style={{ whiteSpace: 'normal' }}>{title}</span>} data-testid="results-contest-history">
      {years.length === 0 ? (
        <Empty description={t('contestResults.noHistory')} />
      ) : (
        <Table<UnitHistory>
          size="small"
          rowKey="unitKey"
          scroll={{ x: 600 }}
          aria-label={title}
          dataSource={d.history.units}
          pagination={d.history.units.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: t('contestResults.unit'), dataIndex: 'unitName' },
            ...years.map((y, i) => ({
              key: y.contestId,
              title: String(y.year),
              align: 'right' as const,
              width: 90,
              render: (_: unknown, u: UnitHistory) => formatPoints(u.averages[i]),
            })),
            {
              key: 'now',
              title: `${d.contest.year} (${t('contestResults.thisYear').toLowerCase()})`,
              align: 'right' as const,
              width: 130,
              render: (_: unknown, u: UnitHistory) => (
                <strong>{formatPoints(u.averages[years.length])}</strong>
              ),
            },
            {
              key: 'change',
              title: '±',
              align: 'right' as const,
              width: 90,
              render: (_: unknown, u: UnitHistory) => {
                const c = change(u);
                if (c === null) return '—';
                return (
                  <Typography.Text type={c > 0 ? 'success' : c < 0 ? 'danger' : undefined}>
                    {c > 0 ? '+' : ''}
                    {formatPoints(c)}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
