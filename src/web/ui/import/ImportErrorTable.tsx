import { Alert, Table, type TableProps } from 'antd';

/** One problem of a rejected file; `message` may list several problems of the same row. */
export interface ImportError {
  sheet?: string;
  row: number | null;
  column?: string | null;
  message: string | string[];
}

interface Props {
  errors: ImportError[];
  /** Column titles; the sheet and column columns are shown only when titled. */
  labels: { sheet?: string; row: string; column?: string; message: string };
  ariaLabel?: string;
  title?: string;
  pageSize?: number;
  /** Horizontal scroll width; the content's own width by default. */
  scrollX?: number;
}

/** Paging of the tables of an import: long files page, short ones show no pager. */
export const importPagination = (pageSize = 50) => ({
  pageSize,
  hideOnSinglePage: true,
  showSizeChanger: false,
});

const keyOf = (e: ImportError) =>
  `${e.sheet ?? ''}-${e.row ?? ''}-${e.column ?? ''}-${[e.message].flat().join('|')}`;

/** Every problem of a rejected file, by sheet, row and column, paged. */
export function ImportErrorTable({ errors, labels, ariaLabel, title, pageSize = 50, scrollX }: Props) {
  const columns: TableProps<ImportError>['columns'] = [
    ...(labels.sheet ? [{ title: labels.sheet, dataIndex: 'sheet' }] : []),
    { title: labels.row, dataIndex: 'row', width: 80, render: (r: number | null) => r || '' },
    ...(labels.column
      ? [
          {
            title: labels.column,
            dataIndex: 'column',
            className: 'nowrap',
            render: (c?: string | null) => c ?? '',
          },
        ]
      : []),
    {
      title: labels.message,
      dataIndex: 'message',
      render: (m: string | string[]) =>
        Array.isArray(m) ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {m.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ) : (
          m
        ),
    },
  ];
  return (
    <Table<ImportError>
      rowKey={keyOf}
      size="small"
      columns={columns}
      dataSource={errors}
      title={title ? () => title : undefined}
      aria-label={ariaLabel}
      scroll={{ x: scrollX ?? 'max-content' }}
      pagination={importPagination(pageSize)}
    />
  );
}

/** Why a file was rejected: the server's message, or the count, what to do and the table of problems. */
export function ImportErrorReport({
  failure,
  errors,
  title,
  help,
  ...table
}: Omit<Props, 'errors' | 'title'> & {
  failure: string | null;
  errors: ImportError[] | null;
  title: string;
  help: string;
}) {
  if (!errors) return failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null;
  return (
    <>
      <Alert type="error" showIcon role="alert" title={title} description={help} />
      <ImportErrorTable errors={errors} {...table} />
    </>
  );
}
