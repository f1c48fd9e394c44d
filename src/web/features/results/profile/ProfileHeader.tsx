import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUnitProfile } from '../../../../contracts/results';
import { formatDateTime } from '../../../ui/dates';
import { scorecardUrl } from '../api';
import { fmtPoints, fmtValue } from './format';
import { useProfileText } from './text';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div style={{ minWidth: 96 }}>
      <div style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.68)' }}>{label}</div>
      <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.3 }} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** Unit, level, group, year and version; the final value, points, rank and band. */
export function ProfileHeader({ profile: p }: { profile: TUnitProfile }) {
  const { pt, lang } = useProfileText();
  const { t } = useTranslation();
  const f = p.scores.final;
  const version =
    p.source === 'preview'
      ? pt('versionPreview')
      : pt('versionPublished', {
          version: p.version ?? '',
          date: p.publishedAt ? formatDateTime(p.publishedAt).slice(0, 10) : '',
        });
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <h1 className="page-title">{p.unit.name}</h1>
          <Flex gap={6} wrap style={{ margin: '8px 0' }}>
            <Tag>
              {pt('code')}: {p.unit.code}
            </Tag>
            <Tag>{t(`levels.${p.unit.level}`)}</Tag>
            <Tag data-testid="profile-group">
              {p.unit.groupNo === null ? pt('noGroup') : pt('groupNo', { no: p.unit.groupNo })}
            </Tag>
            <Tag color="blue">
              {pt('year')}: {p.year}
            </Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {p.cycleName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="profile-version">
            {pt('version')}: {version}
          </Typography.Text>
        </Col>
        <Col xs={24} lg={12}>
          <Flex gap={20} wrap>
            <Figure label={pt('value')} value={fmtValue(f.value, lang)} testId="profile-value" />
            <Figure
              label={pt('points')}
              value={pt('pointsOf', { points: fmtPoints(f.points, lang), max: fmtPoints(f.max, lang) })}
              testId="profile-points"
            />
            <Figure
              label={pt('rank')}
              value={p.rank === null ? '—' : pt('rankOf', { rank: p.rank, of: p.rankOf })}
              testId="profile-rank"
            />
            <Figure label={pt('band')} value={p.band ?? pt('noBand')} testId="profile-band" />
          </Flex>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={scorecardUrl(p.cycleId, p.unit.unitId, p.source === 'preview' ? 'preview' : p.version)}
            download
            style={{ marginTop: 12 }}
            data-testid="profile-scorecard"
          >
            {pt('scorecard')}
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
