import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPEAL_STATUSES,
  type TAppeal,
  type TAppealStatus,
} from '../../../../contracts/contest-results-appeals';
import { formatDateTime } from '../../../ui/dates';
import { FilterBar, FilterField } from '../../../ui/FilterBar';
import { SearchBox } from '../../../ui/SearchBox';
import { LoadError } from '../../../ui/StatusPages';
import { UnitSearchSelect } from '../../units/UnitSearchSelect';
import { AppealDrawer } from './AppealDrawer';
import { AppealTable } from './AppealTable';
import { useAppealContests, useAppeals } from './api';
import { FileAppealModal } from './FileAppealModal';

/** Phúc khảo: the organiser's list of a contest's appeals, filters, filing on a unit's behalf, the record. */
export function AppealsTab({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const [status, setStatus] = useState<TAppealStatus | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [opened, setOpened] = useState<TAppeal | null>(null);
  const [filing, setFiling] = useState(false);
  const appeals = useAppeals(contestId, { q, status, unitId, ...page });
  const contests = useAppealContests();
  const published = contests.data?.items.find((c) => c.id === contestId);
  const windowOpen = published ? new Date(published.closesAt).getTime() >= Date.now() : false;
  const first =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage((p) => ({ ...p, page: 1 }));
    };
  const counts = appeals.data?.counts;

  return (
    <Flex vertical gap={12}>
      {contests.data && !published && (
        <Alert type="info" showIcon title={t('contestResultsAppeals.notPublished')} />
      )}
      {published && (
        <Flex gap={12} wrap align="center" justify="space-between">
          <Typography.Text type={windowOpen ? undefined : 'secondary'}>
            {t(windowOpen ? 'contestResultsAppeals.windowUntil' : 'contestResultsAppeals.windowClosed', {
              date: formatDateTime(published.closesAt),
            })}
          </Typography.Text>
          {windowOpen && (
            <Button icon={<PlusOutlined />} onClick={() => setFiling(true)}>
              {t('contestResultsAppeals.fileForUnit')}
            </Button>
          )}
        </Flex>
      )}
      <FilterBar
        label={t('contestResultsAppeals.filters')}
        search={
          <SearchBox
            id="appeal-search"
            label={t('common.search')}
            placeholder={t('contestResultsAppeals.search')}
            value={q}
            onSearch={first(setQ)}
          />
        }
      >
        <FilterField id="appeal-status" label={t('contestResultsAppeals.status')}>
          <Select
            id="appeal-status"
            allowClear
            style={{ width: 190 }}
            placeholder={t('contestResultsAppeals.allStatuses')}
            value={status}
            onChange={first(setStatus)}
            options={APPEAL_STATUSES.map((s) => ({
              value: s,
              label: t(`contestResultsAppeals.status_${s}`),
            }))}
          />
        </FilterField>
        <FilterField id="appeal-unit" label={t('contestResultsAppeals.unit')}>
          <div style={{ width: 260 }}>
            <UnitSearchSelect
              id="appeal-unit"
              value={unitId ?? null}
              onChange={(v) => first(setUnitId)((v as string | null) ?? undefined)}
              placeholder={t('contestResultsAppeals.allUnits')}
            />
          </div>
        </FilterField>
      </FilterBar>
      {counts && (
        <Typography.Text type="secondary">{t('contestResultsAppeals.counts', counts)}</Typography.Text>
      )}
      {appeals.isError ? (
        <LoadError error={appeals.error} onRetry={() => appeals.refetch()} />
      ) : (
        <AppealTable
          data={appeals.data}
          loading={appeals.isFetching && !appeals.data}
          filtered={Boolean(q || status || unitId)}
          onPage={(p, pageSize) => setPage({ page: p, pageSize })}
          onOpen={setOpened}
        />
      )}
      <AppealDrawer appealId={opened?.id ?? null} onClose={() => setOpened(null)} />
      <FileAppealModal
        contestId={contestId}
        hasPractice={published?.hasPractice ?? false}
        open={filing}
        onClose={() => setFiling(false)}
      />
    </Flex>
  );
}
