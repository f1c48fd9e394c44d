import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportResult, TImportRowError } from '../../../../contracts/units';
import { formatDate } from '../../../ui/dates';
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
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}

/** Every bad row of a rejected file, with all its problems. */
export function ImportErrorsTable({ rows }: { rows: TImportRowError[] }) {
  const { t } = useTranslation();
  const columns: TableProps<TImportRowError>['columns'] = [
    { title: t('import.row'), dataIndex: 'rowNumber', width: 80 },
    { title: t('import.errorCode'), dataIndex: 'code', className: 'nowrap' },
    {
      title: t('import.messages'),
      dataIndex: 'messages',
      render: (messages: string[]) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<TImportRowError>
      rowKey={(r) => `${r.rowNumber}-${r.code}`}
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
