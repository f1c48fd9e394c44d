import { Alert, Breadcrumb, Card, Col, Form, Row, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TWhatIfInput } from '../../../../contracts/results';
import { errorText } from '../../../ui/feedback';
import { LoadError } from '../../../ui/StatusPages';
import { usePageTitle } from '../../../ui/usePageTitle';
import { type ResultsVersion, useDashboard, useWhatIf } from '../api';
import { resultsPath } from '../dashboard/paths';
import { type MainIndex, WhatIfForm } from './WhatIfForm';
import { WhatIfResults } from './WhatIfResults';

function readVersion(raw: string | null): ResultsVersion | undefined {
  if (raw === 'preview') return 'preview';
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The organisers' sandbox: rerank a level's results under other main-index maxima or another
 * not-applicable policy and see who moves. The server computes it and stores nothing.
 */
export function WhatIfPage() {
  const { t } = useTranslation();
  usePageTitle(t('results.whatIfTitle'));
  const { cycleId = '' } = useParams();
  const [search] = useSearchParams();
  const version = readVersion(search.get('version'));
  const [level, setLevel] = useState<string>();
  const dashboard = useDashboard(cycleId, { level, by: 'total', version });
  const whatIf = useWhatIf(cycleId);
  const [places, setPlaces] = useState(0);
  const data = dashboard.data;
  const currentLevel = data?.level;
  // Each group's heatmap lists the main indices that apply to it; together, the level's.
  const mains = useMemo<MainIndex[]>(() => {
    const out = new Map<string, MainIndex>();
    for (const h of data?.heatmaps ?? []) for (const c of h.columns) if (!out.has(c.code)) out.set(c.code, c);
    return [...out.values()];
  }, [data]);
  const run = (body: Omit<TWhatIfInput, 'level' | 'version'>) => {
    setPlaces(body.places ?? 0);
    whatIf.mutate({
      ...body,
      ...(currentLevel ? { level: currentLevel } : {}),
      ...(version !== undefined ? { version } : {}),
    });
  };
  const backQuery = new URLSearchParams({ cycle: cycleId, ...(version ? { version: String(version) } : {}) });

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={`${resultsPath}?${backQuery}`}>{t('results.title')}</Link> },
          { title: t('results.whatIfTitle') },
        ]}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title">{t('results.whatIfTitle')}</h1>
          {data && (
            <Typography.Text type="secondary">
              {data.source === 'published'
                ? t('results.whatIfSourcePublished', { name: data.cycleName, version: data.version })
                : t('results.sourcePreview', { name: data.cycleName })}
            </Typography.Text>
          )}
        </div>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('results.whatIfIntro')} />
      {dashboard.isError ? (
        <LoadError error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={10}>
            {data.levels.length > 1 && (
              <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
                <Form layout="vertical">
                  <Form.Item label={t('results.level')} htmlFor="what-if-level">
                    <Select
                      id="what-if-level"
                      value={data.level}
                      onChange={(l: string) => {
                        setLevel(l);
                        whatIf.reset();
                      }}
                      options={data.levels.map((l) => ({ value: l.level, label: t(`levels.${l.level}`) }))}
                      style={{ maxWidth: 320 }}
                    />
                  </Form.Item>
                </Form>
              </Card>
            )}
            <WhatIfForm key={data.level} mains={mains} running={whatIf.isPending} onRun={run} />
          </Col>
          <Col xs={24} xxl={14}>
            {whatIf.isError && (
              <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(whatIf.error)} />
            )}
            {whatIf.data ? (
              <WhatIfResults result={whatIf.data} places={places} cycleId={cycleId} version={version} />
            ) : (
              <Card>
                <Typography.Text type="secondary">{t('results.whatIfEmpty')}</Typography.Text>
              </Card>
            )}
          </Col>
        </Row>
      )}
    </div>
  );
}
