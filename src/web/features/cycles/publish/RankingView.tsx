import { Alert, Empty, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail, TSnapshotUnit } from '../../../../contracts/cycles';
import { errorText } from '../../../ui/feedback';
import { useSnapshot } from '../councilApi';
import { formatPoints, formatValue, LEVELS, type Level } from '../domain';

type Triple = TSnapshotUnit['self'];

/** Ranked first, then unranked; within a level by group (sở, ban, ngành are ranked by group). */
function byRank(a: TSnapshotUnit, b: TSnapshotUnit): number {
  return (
    (a.groupNo ?? 0) - (b.groupNo ?? 0) ||
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    a.name.localeCompare(b.name, 'vi')
  );
}

/** The ranking of one published version, one level at a time. */
export function RankingView({ cycle, version }: { cycle: TCycleDetail; version: number }) {
  const { t, i18n } = useTranslation();
  const snapshot = useSnapshot(cycle.id, version);
  const units = snapshot.data?.data.units ?? [];
  const levels = LEVELS.filter((l) => units.some((u) => u.level === l));
  const [picked, setPicked] = useState<Level>();
  const level = picked && levels.includes(picked) ? picked : levels[0];
  const rows = units.filter((u) => u.level === level).sort(byRank);
  const lang = i18n.language;
  const triple = (x: Triple) => (
    <>
      {formatValue(x.value, lang)}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('cycles.pointsOf', { points: formatPoints(x.points, lang), max: formatPoints(x.max, lang) })}
      </Typography.Text>
    </>
  );

  return (
    <section aria-labelledby="ranking-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={2} id="ranking-title" style={{ fontSize: 18, margin: 0 }}>
          {t('cycles.ranking', { version })}
        </Typography.Title>
        {levels.length > 1 && level && (
          <Segmented<Level>
            value={level}
            onChange={setPicked}
            options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            aria-label={t('cycles.level')}
          />
        )}
      </Flex>
      {snapshot.isError && <Alert type="error" showIcon title={errorText(snapshot.error)} />}
      {snapshot.isLoading ? (
        <Skeleton active />
      ) : (
        <Table<TSnapshotUnit>
          rowKey="unitId"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          aria-label={t('cycles.ranking', { version })}
          locale={{ emptyText: <Empty description={t('cycles.rankingEmpty')} /> }}
          onRow={(u) => ({ 'data-testid': `ranking-row-${u.code}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('cycles.rank'),
              dataIndex: 'rank',
              width: 90,
              render: (r: number | null, u) =>
                r === null ? t('common.none') : t('cycles.rankOf', { rank: r, of: u.rankOf }),
            },
            {
              title: t('cycles.unit'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <>
                  {name}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {u.code}
                    {u.groupNo !== null && ` · ${t('units.groupN', { n: u.groupNo })}`}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('cycles.self'),
              key: 'self',
              width: 130,
              align: 'right',
              render: (_: unknown, u) => triple(u.self),
            },
            {
              title: t('cycles.appraised'),
              key: 'appraised',
              width: 130,
              align: 'right',
              render: (_: unknown, u) => triple(u.appraised),
            },
            {
              title: t('cycles.final'),
              key: 'final',
              width: 130,
              align: 'right',
              render: (_: unknown, u) => <strong>{triple(u.final)}</strong>,
            },
            {
              title: t('cycles.band'),
              dataIndex: 'band',
              width: 140,
              render: (b: string | null) => b ?? t('common.none'),
            },
          ]}
        />
      )}
    </section>
  );
}
