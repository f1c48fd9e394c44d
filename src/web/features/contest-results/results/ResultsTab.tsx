import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Segmented,
  Select,
  Skeleton,
  Statistic,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TResultRow } from '../../../../contracts/contest-results';
import { foldVietnamese } from '../../../../contracts/domain';
import { useHasRole } from '../../../backend/session';
import { LoadError } from '../../../ui/StatusPages';
import { exportUrl, slipsUrl, useContestResults } from '../api';
import { CandidateTable, type RankScope } from './CandidateTable';
import { formatPoints, formatRate } from './format';
import { PublishCard } from './PublishCard';
import { UnitTable } from './UnitTable';

/** Kết quả: figures, publication, rankings of candidates (overall, by level, by unit) or of units, downloads. */
export function ResultsTab({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const canWrite = useHasRole('admin', 'organiser');
  const results = useContestResults(contestId);
  const [view, setView] = useState<'candidates' | 'units'>('candidates');
  const [level, setLevel] = useState<TResultRow['level'] | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const rows = results.data?.rows ?? [];

  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows) if (r.unitId && (!level || r.level === level)) seen.set(r.unitId, r.unitName);
    return [...seen]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [rows, level]);
  const shown = useMemo(() => {
    const needle = foldVietnamese(q);
    return rows.filter(
      (r) =>
        (!level || r.level === level) &&
        (!unitId || r.unitId === unitId) &&
        (!needle || foldVietnamese(`${r.number} ${r.fullName}`).includes(needle)),
    );
  }, [rows, level, unitId, q]);
  const scope: RankScope = unitId ? 'unit' : level ? 'level' : 'overall';

  if (results.isError) return <LoadError error={results.error} onRetry={() => results.refetch()} />;
  if (!results.data) return <Skeleton active />;
  const data = results.data;
  const graded = rows.filter((r) => r.state === 'graded');
  const passed = graded.filter((r) => r.flag === 'pass').length;
  const average = graded.length ? graded.reduce((s, r) => s + (r.total ?? 0), 0) / graded.length : null;
  const c = data.contest;

  return (
    <>
      <PublishCard data={data} canWrite={canWrite} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          {[
            [t('contestResults.registered'), rows.length],
            [t('contestResults.sat'), rows.filter((r) => r.state !== 'absent').length],
            [t('contestResults.graded'), graded.length],
            [t('contestResults.average'), formatPoints(average)],
            [t('contestResults.passRate'), formatRate(graded.length ? passed / graded.length : null)],
            [t('contestResults.belowThreshold'), graded.length - passed],
          ].map(([title, value]) => (
            <Col key={String(title)} xs={12} sm={8} lg={4}>
              <Statistic title={title} value={value} />
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary">
          {t('contestResults.scaleNote', {
            scale: formatPoints(c.scale),
            theory: formatPoints(c.theoryPoints),
            practice: formatPoints(c.practicePoints),
            threshold: formatPoints(c.passThreshold),
          })}
        </Typography.Text>
      </Card>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              { value: 'candidates', label: t('contestResults.viewCandidates') },
              { value: 'units', label: t('contestResults.viewUnits') },
            ]}
          />
          <Select
            aria-label={t('contestResults.level')}
            allowClear
            placeholder={t('contestResults.allLevels')}
            style={{ width: 130 }}
            value={level}
            onChange={(v) => {
              setLevel(v);
              setUnitId(undefined);
            }}
            options={(['so', 'huyen', 'xa'] as const)
              .filter((l) => rows.some((r) => r.level === l))
              .map((l) => ({ value: l, label: t(`contestResults.level_${l}`) }))}
          />
          {view === 'candidates' && (
            <>
              <Select
                aria-label={t('contestResults.unit')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('contestResults.allUnits')}
                style={{ width: 240, maxWidth: '100%' }}
                value={unitId}
                onChange={setUnitId}
                options={units}
              />
              <Input.Search
                aria-label={t('contestResults.search')}
                placeholder={t('contestResults.search')}
                allowClear
                style={{ width: 260, maxWidth: '100%' }}
                onChange={(e) => setQ(e.target.value)}
              />
            </>
          )}
        </Flex>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(contestId)} download>
            {t('contestResults.exportExcel')}
          </Button>
          <Button icon={<FilePdfOutlined aria-hidden />} href={slipsUrl(contestId, unitId)} download>
            {unitId ? t('contestResults.slipsOfUnit') : t('contestResults.slipsAll')}
          </Button>
        </Flex>
      </Flex>
      {view === 'candidates' ? (
        <CandidateTable contestId={contestId} rows={shown} scope={scope} />
      ) : (
        <UnitTable contestId={contestId} level={level} />
      )}
    </>
  );
}
