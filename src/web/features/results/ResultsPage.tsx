import { DownloadOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../backend/session';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { formatVnDateTime } from '../cycles/domain';
import { type ResultsVersion, reportUrl, useDashboard, useResultCycles, useResultVersions } from './api';
import { DashboardView } from './dashboard/DashboardView';
import { whatIfPath } from './dashboard/paths';
import { ResultsFilters, type ResultsFilterValues } from './dashboard/ResultsFilters';

/** `preview` for organisers, a version number, or nothing (the latest published version). */
function readVersion(raw: string | null, canPreview: boolean): ResultsVersion | undefined {
  if (raw === 'preview') return canPreview ? 'preview' : undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The leaders' dashboard of a cycle's results, from its published versions (organisers may also
 * preview unpublished results). The choice of cycle, version, level, group and tab lives in the URL.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  usePageTitle(t('results.title'));
  const user = useCurrentUser();
  const canPreview = user.role === 'admin' || user.role === 'organiser';
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const cycles = useResultCycles();
  const list = (cycles.data?.items ?? []).filter((c) => canPreview || c.publishedVersion !== null);
  const fallback = list.find((c) => c.publishedVersion !== null) ?? (canPreview ? list[0] : undefined);
  const cycle = list.find((c) => c.id === search.get('cycle')) ?? fallback;
  const versions = useResultVersions(cycle?.id);
  const version =
    readVersion(search.get('version'), canPreview) ??
    cycle?.publishedVersion ??
    (canPreview && cycle ? 'preview' : undefined);
  const level = search.get('level') ?? undefined;
  const groupRaw = search.get('group');
  const group = groupRaw === null || groupRaw === '' ? undefined : Number(groupRaw);
  const by = search.get('by') ?? 'total';
  const dashboard = useDashboard(cycle?.id, { level, group, by, version }, cycle !== undefined);
  const data = dashboard.data?.cycleId === cycle?.id ? dashboard.data : undefined;

  const update = (next: Partial<ResultsFilterValues> & { by?: string }) => {
    const merged = { cycleId: cycle?.id, version, level, group, by, ...next };
    // Another cycle or level has other tabs: start again from the total.
    if (next.cycleId !== undefined || 'level' in next) merged.by = next.by ?? 'total';
    const p = new URLSearchParams();
    if (merged.cycleId) p.set('cycle', merged.cycleId);
    if (merged.version !== undefined) p.set('version', String(merged.version));
    if (merged.level) p.set('level', merged.level);
    if (merged.group !== undefined) p.set('group', String(merged.group));
    if (merged.by && merged.by !== 'total') p.set('by', merged.by);
    setSearch(p, { replace: true });
  };

  const header = (
    <div className="page-header">
      <div>
        <h1 className="page-title">{t('results.title')}</h1>
        {data && (
          <Typography.Text type="secondary" data-testid="results-source">
            {data.source === 'published'
              ? t('results.sourcePublished', {
                  name: data.cycleName,
                  version: data.version,
                  date: formatVnDateTime(data.publishedAt),
                })
              : t('results.sourcePreview', { name: data.cycleName })}
          </Typography.Text>
        )}
      </div>
      {cycle && version !== undefined && (
        <Flex gap={8} wrap>
          {(['league', 'detail', 'report'] as const).map((kind) => (
            <Button
              key={kind}
              icon={<DownloadOutlined aria-hidden />}
              href={reportUrl(cycle.id, kind, version)}
              download
              data-testid={`results-download-${kind}`}
            >
              {t(`results.download${kind === 'league' ? 'League' : kind === 'detail' ? 'Detail' : 'Report'}`)}
            </Button>
          ))}
          {canPreview && (
            <Button
              icon={<ExperimentOutlined aria-hidden />}
              onClick={() => navigate(whatIfPath(cycle.id, version))}
            >
              {t('results.whatIfOpen')}
            </Button>
          )}
        </Flex>
      )}
    </div>
  );

  if (cycles.isError) return <LoadError error={cycles.error} onRetry={() => cycles.refetch()} />;
  if (cycles.isLoading) return <Skeleton active style={{ padding: 24 }} />;
  if (!cycle) {
    return (
      <div className="page">
        {header}
        <Card>
          <Empty description={t('results.noCycles')} />
        </Card>
      </div>
    );
  }

  return (
    <div className="page">
      {header}
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <ResultsFilters
          cycles={list}
          versions={versions.data?.items ?? []}
          levels={data?.levels ?? []}
          canPreview={canPreview}
          value={{ cycleId: cycle.id, version, level: data?.level ?? level, group }}
          onChange={update}
        />
      </Card>
      {data?.source === 'preview' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('results.previewWarning')} />
      )}
      {dashboard.isError ? (
        <LoadError error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Tabs
            activeKey={data.by}
            onChange={(key) => update({ by: key })}
            items={data.tabs.map((x) => ({
              key: x.by,
              label: (
                <span title={x.name}>
                  {x.by === 'total'
                    ? t('results.tabTotal')
                    : t(x.by.startsWith('pillar:') ? 'results.tabPillar' : 'results.tabMain', {
                        code: x.code,
                      })}
                </span>
              ),
            }))}
            aria-label={t('results.tabsLabel')}
          />
          <DashboardView data={data} cycleId={cycle.id} version={version} />
        </>
      )}
    </div>
  );
}
