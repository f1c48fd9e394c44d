import { Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportedQuestion } from '../../../../contracts/questions';
import { importPagination } from '../../../ui/import/ImportErrorTable';
import { letterAt } from '../optionKeys';

function answerText(q: TImportedQuestion): string {
  if (q.type === 'true_false') return q.options.find((o) => o.correct)?.text ?? '';
  return q.options
    .map((o, i) => (o.correct ? letterAt(i) : null))
    .filter(Boolean)
    .join(', ');
}

/** Every question as read from the file, with its problems (red) and duplicate marks. */
export function ImportPreviewTable({ rows }: { rows: TImportedQuestion[] }) {
  const { t } = useTranslation();
  const columns: TableProps<TImportedQuestion>['columns'] = [
    { title: t('questions.colRef'), key: 'ref', className: 'nowrap', render: (_: unknown, q) => q.ref.label },
    {
      title: t('questions.colStem'),
      key: 'stem',
      render: (_: unknown, q) => (
        <>
          <div style={{ whiteSpace: 'pre-line' }}>{q.stem || t('common.none')}</div>
          {q.type !== 'true_false' && q.options.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {q.options.map((o, i) => `${letterAt(i)}. ${o.text}`).join(' · ')}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('questions.colType'),
      dataIndex: 'type',
      className: 'nowrap',
      responsive: ['md'],
      render: (v: TImportedQuestion['type']) => (v ? t(`questions.type_${v}`) : t('common.none')),
    },
    {
      title: t('questions.colAnswer'),
      key: 'answer',
      className: 'nowrap',
      render: (_: unknown, q) => answerText(q),
    },
    {
      title: t('questions.colCategory'),
      key: 'category',
      responsive: ['lg'],
      render: (_: unknown, q) => q.categoryPath.join(' / ') || t('questions.uncategorised'),
    },
    {
      title: t('questions.colProblems'),
      key: 'errors',
      render: (_: unknown, q) =>
        q.errors.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 16, color: '#a8071a' }}>
            {q.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : q.duplicateOf ? (
          <Tag style={{ color: '#613400', background: '#fff7e6', borderColor: '#ffd591' }}>
            {t(q.duplicateOf === 'bank' ? 'questions.duplicateBank' : 'questions.duplicateFile')}
          </Tag>
        ) : (
          <Tag style={{ color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' }}>
            {t('questions.ok')}
          </Tag>
        ),
    },
  ];
  return (
    <Table<TImportedQuestion>
      rowKey={(q) => `${q.ref.kind}-${q.ref.number}`}
      size="small"
      columns={columns}
      dataSource={rows}
      rowClassName={(q) => (q.errors.length > 0 ? 'row-error' : '')}
      pagination={importPagination()}
    />
  );
}
