import { Card, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDashboard } from '../../../../contracts/results';
import { ToneTag } from '../../proctor/ToneTag';
import type { ResultsVersion } from '../api';
import { CardHeading } from './CardTitle';
import { formatPercentChange, formatPoints, formatValue } from './format';
import { unitProfilePath } from './paths';

type Gap = TDashboard['gaps'][number];

/** A gap as a coloured tag: red when the council appraised lower than the unit claimed, green when higher. */
function GapTag({ points, lang }: { points: number | null; lang: string }) {
  if (points === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (points === 0) return <span>0</span>;
  const sign = points > 0 ? '+' : '−';
  return (
    <ToneTag tone={points < 0 ? 'red' : 'green'}>
      <strong>
        {sign}
        {formatPoints(Math.abs(points), lang)}
      </strong>
    </ToneTag>
  );
}

/** Self-assessed against appraised totals per unit, largest cut first; the gap stands out. */
export function GapTable({
  gaps,
  cycleId,
  version,
}: {
  gaps: readonly Gap[];
  cycleId: string;
  version: ResultsVersion | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [onlyGaps, setOnlyGaps] = useState(false);
  const rows = gaps
    .filter((g) => !onlyGaps || (g.gapPoints !== null && g.gapPoints !== 0))
    .sort((a, b) => (a.gapPoints ?? 0) - (b.gapPoints ?? 0));
  const triple = (x: Gap['self'] | null) =>
    x ? (
      <span className="nowrap">
        {formatPoints(x.points, lang)}
        <Typography.Text type="secondary">/{formatPoints(x.max, lang)}</Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {formatValue(x.value, lang)}
        </Typography.Text>
      </span>
    ) : (
      <Typography.Text type="secondary">{t('results.notAppraised')}</Typography.Text>
    );
  return (
    <Card
      data-testid="results-gaps"
      title={
        <CardHeading
          title={t('results.gapTitle')}
          extra={
            <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
              <Switch id="gaps-only" size="small" checked={onlyGaps} onChange={setOnlyGaps} />
              <label htmlFor="gaps-only">{t('results.onlyGaps')}</label>
            </span>
          }
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('results.gapHelp')}</Typography.Paragraph>
      <Table<Gap>
        size="small"
        rowKey="unitId"
        dataSource={rows}
        aria-label={t('results.gapTitle')}
        scroll={{ x: 640 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        onRow={(g) => ({ 'data-testid': `gap-row-${g.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('results.unit'),
            dataIndex: 'name',
            render: (name: string, g) => <Link to={unitProfilePath(cycleId, g.unitId, version)}>{name}</Link>,
          },
          {
            title: t('results.self'),
            key: 'self',
            align: 'right',
            width: 120,
            render: (_: unknown, g) => triple(g.self),
          },
          {
            title: t('results.appraised'),
            key: 'appraised',
            align: 'right',
            width: 120,
            render: (_: unknown, g) => triple(g.appraised),
          },
          {
            title: t('results.gapPoints'),
            dataIndex: 'gapPoints',
            align: 'right',
            width: 120,
            render: (p: number | null) => <GapTag points={p} lang={lang} />,
          },
          {
            title: t('results.gapRelative'),
            dataIndex: 'relative',
            align: 'right',
            width: 120,
            render: (r: number | null) => formatPercentChange(r === null ? null : r * 100, lang),
          },
        ]}
      />
    </Card>
  );
}
