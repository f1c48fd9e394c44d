import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Progress, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBoardRow, TCycleDetail } from '../../../../contracts/cycles';
import { foldVietnamese } from '../../../../contracts/domain';
import { FilterBar, FilterSelect } from '../../../ui/FilterBar';
import { PAGE_SIZES } from '../../../ui/listParams';
import { SearchBox } from '../../../ui/SearchBox';
import { LoadError } from '../../../ui/StatusPages';
import { ToneTag } from '../../proctor/ToneTag';
import { boardXlsxUrl, useBoard } from '../api';
import { UnitStateTag } from '../CycleTags';
import { LEVELS, type Level, UNIT_STATES, unitFormPath } from '../domain';
import type { UnitState } from '../types';
import { EditUnitsModal } from './EditUnitsModal';
import { ReviewerWorkload } from './ReviewerWorkload';

interface Filters {
  q?: string;
  state?: UnitState;
  level?: Level;
}

const percent = (r: TBoardRow) => (r.leaves > 0 ? Math.round((r.done / r.leaves) * 100) : 0);

/** Every unit's progress: state, completeness, open requests, overdue, reviewers; and the workload. */
export function BoardTab({ cycle, canWrite }: { cycle: TCycleDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const board = useBoard(cycle.id);
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const rows = useMemo(() => {
    const q = foldVietnamese(filters.q ?? '');
    return (board.data?.units ?? []).filter(
      (u) =>
        (!filters.state || u.state === filters.state) &&
        (!filters.level || u.level === filters.level) &&
        (!q || foldVietnamese(`${u.code} ${u.name}`).includes(q)),
    );
  }, [board.data, filters]);

  if (board.isError) return <LoadError error={board.error} onRetry={() => board.refetch()} />;
  const levels = LEVELS.filter((l) => cycle.frameworks.some((f) => f.level === l));

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={boardXlsxUrl(cycle.id)} download data-testid="board-export">
          {t('cycles.exportExcel')}
        </Button>
        {canWrite && (
          <Button icon={<TeamOutlined />} onClick={() => setEditing(true)} disabled={!board.data}>
            {t('cycles.editUnits')}
          </Button>
        )}
      </Flex>
      <FilterBar
        label={t('cycles.boardFilters')}
        search={
          <SearchBox
            id="board-search"
            label={t('cycles.searchUnit')}
            placeholder={t('cycles.searchUnitPlaceholder')}
            value={filters.q}
            onSearch={(q) => set({ q })}
          />
        }
      >
        <FilterSelect<UnitState>
          id="board-state"
          label={t('cycles.state')}
          value={filters.state}
          onChange={(state) => set({ state })}
          options={UNIT_STATES.map((s) => ({ value: s, label: t(`cycles.state_${s}`) }))}
        />
        <FilterSelect<Level>
          id="board-level"
          label={t('cycles.level')}
          value={filters.level}
          onChange={(level) => set({ level })}
          options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
        />
      </FilterBar>
      <Table<TBoardRow>
        rowKey="unitId"
        size="middle"
        loading={board.isFetching}
        dataSource={rows}
        aria-label={t('cycles.tab_board')}
        scroll={{ x: 960 }}
        pagination={{
          defaultPageSize: 20,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('cycles.unitsTotal', { count: total }),
        }}
        locale={{ emptyText: <Empty description={t('cycles.boardEmpty')} /> }}
        onRow={(r) => ({ 'data-testid': `board-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('cycles.unit'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <>
                <Link to={unitFormPath(cycle.id, r.unitId)}>{name}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.code} · {t(`levels.${r.level}`)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('cycles.state'),
            dataIndex: 'state',
            width: 170,
            render: (s: UnitState, r) => (
              <>
                <UnitStateTag state={s} />
                {r.overdue && <ToneTag tone="red">{t('cycles.overdue')}</ToneTag>}
              </>
            ),
          },
          {
            title: t('cycles.progress'),
            key: 'progress',
            width: 190,
            sorter: (a, b) => percent(a) - percent(b),
            render: (_: unknown, r) => (
              <div>
                <Progress
                  percent={percent(r)}
                  size="small"
                  aria-label={t('cycles.progressOf', { name: r.name })}
                />
                <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.7)' }}>
                  {t('cycles.doneOf', { done: r.done, total: r.leaves })}
                </span>
              </div>
            ),
          },
          {
            title: t('cycles.openRequests'),
            dataIndex: 'openRequests',
            width: 120,
            align: 'right',
            sorter: (a, b) => a.openRequests - b.openRequests,
            render: (n: number, r) =>
              n > 0 ? <ToneTag tone={r.overdue ? 'red' : 'orange'}>{n}</ToneTag> : <span>0</span>,
          },
          {
            title: t('cycles.reviewers'),
            dataIndex: 'reviewers',
            width: 220,
            render: (names: string[]) => (names.length ? names.join(', ') : t('common.none')),
          },
        ]}
      />
      <ReviewerWorkload rows={board.data?.reviewers ?? []} loading={board.isLoading} />
      {canWrite && board.data && (
        <EditUnitsModal
          key={String(editing)}
          cycleId={cycle.id}
          units={board.data.units}
          open={editing}
          onClose={() => setEditing(false)}
        />
      )}
    </Flex>
  );
}
