import { Card, Descriptions, Flex, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TWhatIfResult } from '../../../../contracts/results';
import { ToneTag } from '../../proctor/ToneTag';
import type { ResultsVersion } from '../api';
import { CardHeading, CardTitle } from '../dashboard/CardTitle';
import { RankChange } from '../dashboard/ChangeCell';
import { formatCorrelation, formatPoints, formatShare, formatValue } from '../dashboard/format';
import { unitProfilePath } from '../dashboard/paths';

type Unit = TWhatIfResult['units'][number];
type Side = Unit['baseline'];
type Group = TWhatIfResult['groups'][number];

/** Ranked units first (by group, then the scenario's rank), unranked last. */
function byScenario(a: Unit, b: Unit): number {
  const big = Number.MAX_SAFE_INTEGER;
  return (a.group ?? 0) - (b.group ?? 0) || (a.scenario.rank ?? big) - (b.scenario.rank ?? big);
}

/** The sandbox's answer: stability per group (moved more than N places, Spearman) and every rank change. */
export function WhatIfResults({
  result,
  places,
  cycleId,
  version,
}: {
  result: TWhatIfResult;
  places: number;
  cycleId: string;
  version: ResultsVersion | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [onlyMoved, setOnlyMoved] = useState(false);
  const units = result.units.filter((u) => !onlyMoved || u.moved).sort(byScenario);
  const groupName = (g: number | null) =>
    g === null ? t(`levels.${result.level}`) : t('units.groupN', { n: g });
  const side = (s: Side, id: string) => (
    <span className="nowrap">
      <strong data-testid={id}>{s.rank ?? '—'}</strong>
      <Typography.Text type="secondary">/{s.of}</Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {formatValue(s.value, lang)} · {formatPoints(s.points, lang)}/{formatPoints(s.max, lang)}
      </Typography.Text>
    </span>
  );
  const hasGroups = result.groups.length > 1 || result.groups.some((g) => g.group !== null);

  return (
    <Flex vertical gap={16}>
      <Card title={<CardTitle>{t('results.stabilityTitle')}</CardTitle>} data-testid="what-if-stability">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'c', label: t('results.compared'), children: result.compared },
            {
              key: 'm',
              label: t('results.movedMore', { n: places }),
              children: <span data-testid="what-if-moved">{result.moved}</span>,
            },
            { key: 's', label: t('results.movedShare'), children: formatShare(result.share, lang) },
          ]}
        />
        <Table<Group>
          size="small"
          rowKey={(g) => `${g.level}-${g.group}`}
          pagination={false}
          dataSource={[...result.groups].sort((a, b) => (a.group ?? 0) - (b.group ?? 0))}
          aria-label={t('results.stabilityTitle')}
          scroll={{ x: 520 }}
          columns={[
            { title: t('results.group'), key: 'g', render: (_: unknown, g) => groupName(g.group) },
            { title: t('results.compared'), dataIndex: 'compared', align: 'right', width: 110 },
            { title: t('results.movedMore', { n: places }), dataIndex: 'moved', align: 'right', width: 150 },
            {
              title: t('results.movedShare'),
              dataIndex: 'share',
              align: 'right',
              width: 100,
              render: (v: number | null) => formatShare(v, lang),
            },
            {
              title: t('results.spearman'),
              dataIndex: 'spearman',
              align: 'right',
              width: 130,
              render: (v: number | null) => (
                <span data-testid="what-if-spearman">{formatCorrelation(v, lang)}</span>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('results.spearmanHelp')}
        </Typography.Paragraph>
      </Card>
      <Card
        title={
          <CardHeading
            title={t('results.rankChangesTitle')}
            extra={
              <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                <Switch id="what-if-only-moved" size="small" checked={onlyMoved} onChange={setOnlyMoved} />
                <label htmlFor="what-if-only-moved">{t('results.onlyMoved', { n: places })}</label>
              </span>
            }
          />
        }
        data-testid="what-if-changes"
      >
        <Table<Unit>
          size="small"
          rowKey="unitId"
          dataSource={units}
          aria-label={t('results.rankChangesTitle')}
          scroll={{ x: 720 }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
          onRow={(u) =>
            ({
              'data-testid': `what-if-row-${u.code}`,
              style: u.moved ? { background: '#fff7e6' } : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('results.unit'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <>
                  <Link to={unitProfilePath(cycleId, u.unitId, version)}>{name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {u.code}
                    {hasGroups && ` · ${groupName(u.group)}`}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('results.baseline'),
              key: 'b',
              width: 170,
              render: (_: unknown, u) => side(u.baseline, 'baseline-rank'),
            },
            {
              title: t('results.scenario'),
              key: 's',
              width: 170,
              render: (_: unknown, u) => side(u.scenario, 'scenario-rank'),
            },
            {
              title: t('results.rankChange'),
              dataIndex: 'rankChange',
              width: 110,
              align: 'right',
              sorter: (a, b) => Math.abs(b.rankChange ?? 0) - Math.abs(a.rankChange ?? 0),
              render: (c: number | null) => (
                <span data-testid="rank-change" data-value={c ?? ''}>
                  <RankChange change={c} />
                </span>
              ),
            },
            {
              title: t('results.movedColumn', { n: places }),
              dataIndex: 'moved',
              width: 120,
              render: (m: boolean) => (m ? <ToneTag tone="orange">{t('results.movedYes')}</ToneTag> : null),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
