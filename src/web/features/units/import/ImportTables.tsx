import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportResult } from '../../../../contracts/units';
import { formatDate } from '../../../ui/dates';
import { importPagination } from '../../../ui/import/ImportErrorTable';
import { kindLabel } from '../format';

type PreviewRow = TImportResult['preview'][number];

/** The rows the server accepted in a dry run. */
export function ImportPreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const columns: TableProps<PreviewRow>['columns'] = [
    { title: t('units.code'), dataIndex: 'code', className: 'nowrap' },
    { title: t('units.name'), dataIndex: 'name' },
    { title: t('units.level'), dataIndex: 'level', render: (l: PreviewRow['level']) => t(`levels.${l}`) },
    { title: t('units.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(t, k) },
    { title: t('units.group'), dataIndex: 'groupNo', render: (g: number | null) => g ?? none },
    { title: t('import.parentCode'), dataIndex: 'parentCode', render: (p: string | null) => p ?? none },
    {
      title: t('units.validity'),
      key: 'validity',
      className: 'nowrap',
      render: (_: unknown, r) =>
        `${formatDate(r.validFrom)} – ${r.validTo ? formatDate(r.validTo) : t('common.now')}`,
    },
  ];
  return (
    <Table<PreviewRow>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={importPagination()}
    />
  );
}
