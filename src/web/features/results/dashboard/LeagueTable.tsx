import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDashboard, TLeagueRow } from '../../../../contracts/results';
import type { ResultsVersion } from '../api';
import { BandTag } from './BandTag';
import { ChangeCell } from './ChangeCell';
import { formatPoints, formatValue } from './format';
import { unitProfilePath } from './paths';

type League = TDashboard['tables'][number];

/** Ranks shared by more than one unit ("1, 2, 2, 4"). */
function sharedRanks(rows: readonly TLeagueRow[]): Set<number> {
  const seen = new Map<number, number>();
  for (const r of rows) if (r.rank !== null) seen.set(r.rank, (seen.get(r.rank) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([rank]) => rank));
}

/** One league table: shared rank, unit (to its profile), value, points, change on last year, band. */
export function LeagueTable({
  table,
  title,
  cycleId,
  version,
  bands,
}: {
  table: League;
  title: string;
  cycleId: string;
  version: ResultsVersion | undefined;
  bands: readonly { label: string }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tied = sharedRanks(table.rows);
  return (
    <Table<TLeagueRow>
      rowKey="unitId"
      size="middle"
      dataSource={table.rows}
      aria-label={title}
      scroll={{ x: 860 }}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
      onRow={(r) => ({ 'data-testid': `league-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('results.rank'),
          dataIndex: 'rank',
          width: 96,
          render: (rank: number | null) =>
            rank === null ? (
              <Typography.Text type="secondary">{t('results.unranked')}</Typography.Text>
            ) : (
              <span className="nowrap">
                <strong data-testid="rank">{rank}</strong>
                <Typography.Text type="secondary">/{table.of}</Typography.Text>
                {tied.has(rank) && (
                  <Tag style={{ marginInlineStart: 6 }} title={t('results.tiedHelp')}>
                    {t('results.tied')}
                  </Tag>
                )}
              </span>
            ),
        },
        {
          title: t('results.unit'),
          dataIndex: 'name',
          render: (name: string, r) => (
            <>
              <Link to={unitProfilePath(cycleId, r.unitId, version)}>{name}</Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {r.code}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('results.value'),
          dataIndex: 'value',
          width: 110,
          align: 'right',
          render: (v: number | null) => <strong data-testid="value">{formatValue(v, lang)}</strong>,
        },
        {
          title: t('results.points'),
          key: 'points',
          width: 120,
          align: 'right',
          render: (_: unknown, r) => (
            <span className="nowrap" data-testid="points">
              {formatPoints(r.points, lang)}
              <Typography.Text type="secondary">/{formatPoints(r.max, lang)}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('results.change'),
          key: 'change',
          width: 220,
          render: (_: unknown, r) => <ChangeCell row={r} />,
        },
        {
          title: t('results.band'),
          dataIndex: 'band',
          width: 130,
          render: (b: string | null) => <BandTag band={b} bands={bands} />,
        },
      ]}
    />
  );
}
