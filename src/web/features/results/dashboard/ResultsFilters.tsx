import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCycleSummary } from '../../../../contracts/cycles';
import type { TDashboard } from '../../../../contracts/results';
import { FilterField } from '../../../ui/FilterBar';
import { formatVnDateTime } from '../../cycles/domain';
import type { TSnapshotInfo } from '../../cycles/types';
import type { ResultsVersion } from '../api';

export interface ResultsFilterValues {
  cycleId: string | undefined;
  version: ResultsVersion | undefined;
  level: string | undefined;
  group: number | undefined;
}

/** Cycle, version (with the organisers' unpublished preview), level and group of the dashboard. */
export function ResultsFilters({
  cycles,
  versions,
  levels,
  canPreview,
  value,
  onChange,
}: {
  cycles: readonly TCycleSummary[];
  versions: readonly TSnapshotInfo[];
  levels: TDashboard['levels'];
  canPreview: boolean;
  value: ResultsFilterValues;
  onChange: (next: Partial<ResultsFilterValues>) => void;
}) {
  const { t } = useTranslation();
  const groups =
    levels.find((l) => l.level === value.level)?.groups.filter((g): g is number => g !== null) ?? [];
  const versionOptions: { value: string; label: string }[] = [
    ...[...versions]
      .sort((a, b) => b.version - a.version)
      .map((v) => ({
        value: String(v.version),
        label: t('results.versionN', { version: v.version, date: formatVnDateTime(v.publishedAt) }),
      })),
    ...(canPreview ? [{ value: 'preview', label: t('results.preview') }] : []),
  ];
  return (
    <Form layout="vertical" role="search" aria-label={t('results.filters')}>
      <div className="filter-bar">
        <div className="filter-wide">
          <FilterField id="results-cycle" label={t('results.cycle')}>
            <Select
              id="results-cycle"
              value={value.cycleId}
              onChange={(cycleId: string) =>
                onChange({ cycleId, version: undefined, level: undefined, group: undefined })
              }
              options={cycles.map((c) => ({
                value: c.id,
                label: c.publishedVersion === null ? `${c.name} ${t('results.unpublishedSuffix')}` : c.name,
              }))}
              popupMatchSelectWidth={false}
            />
          </FilterField>
        </div>
        <FilterField id="results-version" label={t('results.version')}>
          <Select
            id="results-version"
            value={value.version === undefined ? undefined : String(value.version)}
            onChange={(v: string) => onChange({ version: v === 'preview' ? 'preview' : Number(v) })}
            options={versionOptions}
            popupMatchSelectWidth={false}
          />
        </FilterField>
        {levels.length > 1 && (
          <FilterField id="results-level" label={t('results.level')}>
            <Select
              id="results-level"
              value={value.level}
              onChange={(level: string) => onChange({ level, group: undefined })}
              options={levels.map((l) => ({ value: l.level, label: t(`levels.${l.level}`) }))}
              popupMatchSelectWidth={false}
            />
          </FilterField>
        )}
        {groups.length > 0 && (
          <FilterField id="results-group" label={t('results.group')}>
            <Select<number>
              id="results-group"
              allowClear
              placeholder={t('results.allGroups')}
              value={value.group}
              onChange={(group) => onChange({ group })}
              options={groups.map((g) => ({ value: g, label: t('units.groupN', { n: g }) }))}
            />
          </FilterField>
        )}
      </div>
    </Form>
  );
}
