import { CheckCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Flex, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCouncilRow, TCycleDetail } from '../../../../contracts/cycles';
import { foldVietnamese } from '../../../../contracts/domain';
import { FilterBar, FilterField, FilterSelect } from '../../../ui/FilterBar';
import { showSuccess } from '../../../ui/feedback';
import { PAGE_SIZES } from '../../../ui/listParams';
import { SearchBox } from '../../../ui/SearchBox';
import { LoadError } from '../../../ui/StatusPages';
import { UnitStateTag } from '../CycleTags';
import { useCouncil, useCouncilConfirm } from '../councilApi';
import { formatPoints, LEVELS, type Level } from '../domain';
import type { UnitState } from '../types';
import { FinalModal } from './FinalModal';
import { GapTag } from './GapTag';

/** The council confirms a unit once every indicator is appraised (the server refuses any other). */
const confirmable = (r: TCouncilRow) => r.state === 'reviewed';

/**
 * The council's table: self vs appraised vs final per unit, gaps in red; the council (and admin) confirm
 * one or many and set final values, organisers read.
 */
export function CouncilTab({ cycle, canDecide }: { cycle: TCycleDetail; canDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const council = useCouncil(cycle.id);
  const confirm = useCouncilConfirm(cycle.id);
  const [q, setQ] = useState<string>();
  const [level, setLevel] = useState<Level>();
  const [gapsOnly, setGapsOnly] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<TCouncilRow | null>(null);
  const pts = (n: number | null) => formatPoints(n, i18n.language);

  const rows = useMemo(() => {
    const folded = foldVietnamese(q ?? '');
    return (council.data?.items ?? []).filter(
      (r) =>
        (!level || r.level === level) &&
        (!gapsOnly || (r.gap !== null && Math.abs(r.gap) > 1e-9)) &&
        (!folded || foldVietnamese(`${r.code} ${r.name}`).includes(folded)),
    );
  }, [council.data, q, level, gapsOnly]);

  const ask = (units: TCouncilRow[]) =>
    modal.confirm({
      title:
        units.length === 1
          ? t('cycles.confirmOneTitle', { name: units[0]?.name })
          : t('cycles.confirmManyTitle', { count: units.length }),
      content: t('cycles.confirmText'),
      okText: t('cycles.confirmUnit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        confirm
          .mutateAsync(units.map((u) => u.unitId))
          .then((r) => {
            showSuccess(t('cycles.confirmed', { count: r.confirmed }));
            setSelected([]);
          })
          .catch(() => undefined),
    });

  if (council.isError) return <LoadError error={council.error} onRetry={() => council.refetch()} />;
  const byId = new Map((council.data?.items ?? []).map((r) => [r.unitId, r]));

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('cycles.councilIntro')}</Typography.Paragraph>
      <FilterBar
        label={t('cycles.councilFilters')}
        search={
          <SearchBox
            id="council-search"
            label={t('cycles.searchUnit')}
            placeholder={t('cycles.searchUnitPlaceholder')}
            value={q}
            onSearch={setQ}
          />
        }
      >
        <FilterSelect<Level>
          id="council-level"
          label={t('cycles.level')}
          value={level}
          onChange={setLevel}
          options={LEVELS.filter((l) => cycle.frameworks.some((f) => f.level === l)).map((l) => ({
            value: l,
            label: t(`levels.${l}`),
          }))}
        />
        <FilterField id="council-gaps" label={t('cycles.gap')}>
          <Checkbox id="council-gaps" checked={gapsOnly} onChange={(e) => setGapsOnly(e.target.checked)}>
            {t('cycles.onlyGaps')}
          </Checkbox>
        </FilterField>
      </FilterBar>
      {canDecide && (
        <div>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={selected.length === 0}
            loading={confirm.isPending}
            onClick={() =>
              ask(selected.map((id) => byId.get(id)).filter((r): r is TCouncilRow => Boolean(r)))
            }
            data-testid="council-confirm"
          >
            {t('cycles.confirmSelected', { count: selected.length })}
          </Button>
        </div>
      )}
      <Table<TCouncilRow>
        rowKey="unitId"
        size="middle"
        loading={council.isFetching}
        dataSource={rows}
        scroll={{ x: 1000 }}
        aria-label={t('cycles.tab_council')}
        locale={{ emptyText: <Empty description={t('cycles.councilEmpty')} /> }}
        pagination={{
          defaultPageSize: 20,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (n) => t('cycles.unitsTotal', { count: n }),
        }}
        rowSelection={
          canDecide
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ disabled: !confirmable(r), 'aria-label': r.name }),
              }
            : undefined
        }
        onRow={(r) => ({ 'data-testid': `council-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('cycles.unit'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <>
                {name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.code} · {t(`levels.${r.level}`)}
                  {r.groupNo !== null && ` · ${t('units.groupN', { n: r.groupNo })}`}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('cycles.state'),
            dataIndex: 'state',
            width: 160,
            render: (s: UnitState) => <UnitStateTag state={s} />,
          },
          { title: t('cycles.maxPoints'), dataIndex: 'max', width: 80, align: 'right', render: pts },
          { title: t('cycles.self'), dataIndex: 'self', width: 100, align: 'right', render: pts },
          { title: t('cycles.appraised'), dataIndex: 'appraised', width: 100, align: 'right', render: pts },
          { title: t('cycles.final'), dataIndex: 'final', width: 100, align: 'right', render: pts },
          {
            title: t('cycles.gap'),
            dataIndex: 'gap',
            width: 110,
            align: 'right',
            sorter: (a, b) => Math.abs(a.gap ?? 0) - Math.abs(b.gap ?? 0),
            render: (g: number | null, r) => <GapTag gap={g} max={r.max} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 210,
            render: (_: unknown, r) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<FileSearchOutlined />}
                  onClick={() => setOpen(r)}
                  data-testid={`council-detail-${r.code}`}
                >
                  {t('cycles.detail')}
                </Button>
                {canDecide && (
                  <Button
                    size="small"
                    disabled={!confirmable(r)}
                    onClick={() => ask([r])}
                    data-testid={`council-confirm-${r.code}`}
                  >
                    {t('cycles.confirmUnit')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <FinalModal cycleId={cycle.id} unit={open} canDecide={canDecide} onClose={() => setOpen(null)} />
    </Flex>
  );
}
