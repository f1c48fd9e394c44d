import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TResultRow } from '../../../../contracts/contest-results';
import { slipUrl } from '../api';
import { formatPlace, formatPoints } from './format';

/** Which ranking the rank column shows: the whole contest, the level, or the unit. */
export type RankScope = 'overall' | 'level' | 'unit';

const placeOf = (r: TResultRow, scope: RankScope) =>
  scope === 'unit' ? r.byUnit : scope === 'level' ? r.byLevel : r.overall;

/** Candidates in rank order (shared ranks; ties in Vietnamese name order), paginated. */
export function CandidateTable({
  contestId,
  rows,
  scope,
}: {
  contestId: string;
  rows: TResultRow[];
  scope: RankScope;
}) {
  const { t } = useTranslation();
  const rankTitle =
    scope === 'unit'
      ? t('contestResults.rankUnit')
      : scope === 'level'
        ? t('contestResults.rankLevel')
        : t('contestResults.rankOverall');
  return (
    <>
      <Table<TResultRow>
        rowKey="candidateId"
        size="middle"
        dataSource={rows}
        scroll={{ x: 1074 }}
        locale={{ emptyText: t('contestResults.emptyRows') }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        columns={[
          {
            key: 'rank',
            title: rankTitle,
            width: 80,
            fixed: 'left',
            render: (_, r) => <strong>{formatPlace(placeOf(r, scope))}</strong>,
          },
          { key: 'number', title: t('contestResults.number'), dataIndex: 'number', width: 120 },
          { key: 'fullName', title: t('contestResults.fullName'), dataIndex: 'fullName', width: 190 },
          {
            key: 'unit',
            title: t('contestResults.unit'),
            minWidth: 180,
            render: (_, r) => (
              <span>
                {r.unitName}{' '}
                <Typography.Text type="secondary">· {t(`contestResults.level_${r.level}`)}</Typography.Text>
              </span>
            ),
          },
          {
            key: 'theory',
            title: t('contestResults.theory'),
            align: 'right',
            width: 90,
            render: (_, r) => formatPoints(r.theory),
          },
          {
            key: 'practice',
            title: t('contestResults.practice'),
            align: 'right',
            width: 90,
            render: (_, r) => formatPoints(r.practice),
          },
          {
            key: 'total',
            title: t('contestResults.total'),
            align: 'right',
            width: 80,
            render: (_, r) => <strong>{formatPoints(r.total)}</strong>,
          },
          {
            key: 'result',
            title: t('contestResults.result'),
            width: 180,
            render: (_, r) =>
              r.state !== 'graded' ? (
                <Tag>{t(`contestResults.state_${r.state}`)}</Tag>
              ) : (
                <Tag
                  color={r.flag === 'pass' ? 'green' : 'orange'}
                  style={{ color: r.flag === 'pass' ? '#135200' : '#873800' }}
                >
                  {t(`contestResults.flag_${r.flag ?? 'pass'}`)}
                </Tag>
              ),
          },
          {
            key: 'slip',
            title: t('contestResults.slip'),
            width: 64,
            render: (_, r) => (
              <Button
                type="text"
                icon={<FilePdfOutlined />}
                aria-label={t('contestResults.slipOf', { name: r.fullName })}
                href={slipUrl(contestId, r.candidateId)}
                download
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('contestResults.rankingNote')}</Typography.Text>
    </>
  );
}
