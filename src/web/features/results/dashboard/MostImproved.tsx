import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TLeagueRow } from '../../../../contracts/results';
import type { ResultsVersion } from '../api';
import { CardTitle } from './CardTitle';
import { RankChange } from './ChangeCell';
import { formatPercentChange, formatValue, formatValueChange } from './format';
import { unitProfilePath } from './paths';

/** The units whose value rose most since last year, largest rise first. */
export function MostImproved({
  rows,
  cycleId,
  version,
}: {
  rows: readonly TLeagueRow[];
  cycleId: string;
  version: ResultsVersion | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card data-testid="results-improved" title={<CardTitle>{t('results.improvedTitle')}</CardTitle>}>
      <Table<TLeagueRow>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={[...rows]}
        aria-label={t('results.improvedTitle')}
        scroll={{ x: 520 }}
        locale={{ emptyText: <Empty description={t('results.improvedEmpty')} /> }}
        columns={[
          {
            title: t('results.unit'),
            dataIndex: 'name',
            render: (name: string, r) => <Link to={unitProfilePath(cycleId, r.unitId, version)}>{name}</Link>,
          },
          {
            title: t('results.valueNow'),
            key: 'value',
            align: 'right',
            width: 150,
            render: (_: unknown, r) => (
              <span className="nowrap">
                <Typography.Text type="secondary">{formatValue(r.previous?.value, lang)} → </Typography.Text>
                {formatValue(r.value, lang)}
              </span>
            ),
          },
          {
            title: t('results.valueChange'),
            key: 'change',
            align: 'right',
            width: 150,
            render: (_: unknown, r) => (
              <span className="nowrap" style={{ color: '#237804' }}>
                {formatValueChange(r.valueChange, lang)}
                {r.percentChange !== null && ` (${formatPercentChange(r.percentChange, lang)})`}
              </span>
            ),
          },
          {
            title: t('results.rankChange'),
            dataIndex: 'rankChange',
            align: 'right',
            width: 100,
            render: (c: number | null) => <RankChange change={c} />,
          },
        ]}
      />
    </Card>
  );
}
