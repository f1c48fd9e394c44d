import { Descriptions, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TMergeRequest, TUnit } from '../../../../contracts/units';
import { formatDate } from '../../../ui/dates';
import { useHuyenUnits } from '../api';
import { kindLabel, validityText } from '../format';

type NewUnit = TMergeRequest['successor'];

interface Props {
  oldUnits: TUnit[];
  newUnits: NewUnit[];
  effectiveDate: string;
}

/** What will happen, in full, before the user confirms. */
export function ReviewStep({ oldUnits, newUnits, effectiveDate }: Props) {
  const { t } = useTranslation();
  const huyen = useHuyenUnits();
  const parentName = (id: string | null) =>
    id ? (huyen.data?.items.find((h) => h.id === id)?.name ?? id) : t('common.none');

  const oldColumns: TableProps<TUnit>['columns'] = [
    { title: t('units.code'), dataIndex: 'code' },
    { title: t('units.name'), dataIndex: 'name' },
    { title: t('units.level'), dataIndex: 'level', render: (l: TUnit['level']) => t(`levels.${l}`) },
    {
      title: t('units.validity'),
      key: 'v',
      className: 'nowrap',
      render: (_: unknown, u) => validityText(t, u),
    },
  ];
  const newColumns: TableProps<NewUnit>['columns'] = [
    { title: t('units.code'), dataIndex: 'code' },
    { title: t('units.name'), dataIndex: 'name' },
    { title: t('units.level'), dataIndex: 'level', render: (l: NewUnit['level']) => t(`levels.${l}`) },
    { title: t('units.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(t, k) },
    { title: t('units.group'), dataIndex: 'groupNo', render: (g: number | null) => g ?? t('common.none') },
    { title: t('units.parent'), dataIndex: 'parentId', render: parentName },
  ];

  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'date',
            label: t('reorg.reviewDate'),
            children: <strong>{formatDate(effectiveDate)}</strong>,
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('reorg.reviewOld')}
      </Typography.Title>
      <Table<TUnit>
        rowKey="id"
        size="small"
        pagination={false}
        columns={oldColumns}
        dataSource={oldUnits}
        scroll={{ x: 'max-content' }}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('reorg.reviewNew')}
      </Typography.Title>
      <Table<NewUnit>
        rowKey={(u) => u.code}
        size="small"
        pagination={false}
        columns={newColumns}
        dataSource={newUnits}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
