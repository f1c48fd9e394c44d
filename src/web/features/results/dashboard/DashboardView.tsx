import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../../contracts/results';
import type { ResultsVersion } from '../api';
import { CardTitle } from './CardTitle';
import { BandCounts, Distribution } from './Distribution';
import { GapTable } from './GapTable';
import { Heatmap } from './Heatmap';
import { LeagueTable } from './LeagueTable';
import { MostImproved } from './MostImproved';

/** The figures of one dashboard answer: league tables, distribution, bands, heatmaps, improvement, gaps. */
export function DashboardView({
  data,
  cycleId,
  version,
}: {
  data: TDashboard;
  cycleId: string;
  version: ResultsVersion | undefined;
}) {
  const { t } = useTranslation();
  const tab = data.tabs.find((x) => x.by === data.by);
  const keyName = tab?.code ? `${tab.code}. ${tab.name}` : t('results.tabTotal');
  const groupName = (g: number | null) =>
    g === null ? t(`levels.${data.level}`) : `${t(`levels.${data.level}`)} — ${t('units.groupN', { n: g })}`;
  // Names and ranked order for the heatmap rows.
  const byGroup = (a: { group: number | null }, b: { group: number | null }) =>
    (a.group ?? 0) - (b.group ?? 0);
  const tables = [...data.tables].sort(byGroup);
  const heatmaps = [...data.heatmaps].sort(byGroup);
  const units = tables.flatMap((x) => x.rows);
  const improved = data.mostImproved.filter((r) => (r.valueChange ?? 0) > 0);
  return (
    <Row gutter={[16, 16]}>
      {tables.map((table) => {
        const title = t('results.leagueTitle', { key: keyName, group: groupName(table.group) });
        return (
          <Col span={24} key={table.partition}>
            <Card
              title={<CardTitle>{title}</CardTitle>}
              data-testid={`league-${table.group ?? 'all'}`}
              styles={{ body: { paddingTop: 8 } }}
            >
              <LeagueTable
                table={table}
                title={title}
                cycleId={cycleId}
                version={version}
                bands={data.distribution.bands}
              />
            </Card>
          </Col>
        );
      })}
      {data.tables.length === 0 && (
        <Col span={24}>
          <Card>{t('results.noUnits')}</Card>
        </Col>
      )}
      <Col xs={24} xl={15}>
        <Distribution dist={data.distribution} keyName={keyName} />
      </Col>
      <Col xs={24} xl={9}>
        <BandCounts dist={data.distribution} />
      </Col>
      {heatmaps.map((h) => (
        <Col span={24} key={`${h.level}-${h.group}`}>
          <Heatmap heat={h} units={units} title={t('results.heatmapTitle', { group: groupName(h.group) })} />
        </Col>
      ))}
      <Col span={24}>
        <MostImproved rows={improved} cycleId={cycleId} version={version} />
      </Col>
      <Col span={24}>
        <GapTable gaps={data.gaps} cycleId={cycleId} version={version} />
      </Col>
    </Row>
  );
}
