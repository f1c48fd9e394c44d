import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TUnit, TUnitPage } from '../../../contracts/units';
import { listPagination } from '../../ui/listParams';
import { kindLabel, validityText } from './format';

interface Props {
  data: TUnitPage | undefined;
  loading: boolean;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
}

export function UnitsTable({ data, loading, empty, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableProps<TUnit>['columns'] = [
    { title: t('units.code'), dataIndex: 'code', className: 'nowrap' },
    {
      title: t('units.name'),
      dataIndex: 'name',
      render: (name: string, u) => <Link to={`/units/${u.id}`}>{name}</Link>,
    },
    { title: t('units.level'), dataIndex: 'level', render: (l: TUnit['level']) => t(`levels.${l}`) },
    { title: t('units.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(t, k) },
    {
      title: t('units.group'),
      dataIndex: 'groupNo',
      align: 'center',
      render: (g: number | null) => g ?? t('common.none'),
    },
    {
      title: t('units.parent'),
      dataIndex: 'parentName',
      render: (p: string | null) => p ?? t('common.none'),
    },
    {
      title: t('units.validity'),
      key: 'validity',
      className: 'nowrap',
      render: (_: unknown, u) => validityText(t, u),
    },
  ];
  return (
    <Table<TUnit>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      aria-label={t('units.listLabel')}
      pagination={listPagination(data, onPage, (total) => t('units.total', { count: total }))}
    />
  );
}
