import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TItemAnalysisRow } from '../../../../contracts/contest-results-items';
import { DistractorBars } from './DistractorBars';
import { FlagTags } from './FlagTags';
import { formatIndex, formatPercent } from './format';

/** Nulls sort last whichever way the column is sorted by AntD (it reverses the comparator). */
const byNumber =
  (pick: (r: TItemAnalysisRow) => number | null) => (a: TItemAnalysisRow, b: TItemAnalysisRow) =>
    (pick(a) ?? Number.NEGATIVE_INFINITY) - (pick(b) ?? Number.NEGATIVE_INFINITY);

const withHelp = (title: string, help: string) => (
  <Tooltip title={help}>
    <span>{title} ⓘ</span>
  </Tooltip>
);

/** The per-question statistics, sortable, each row opening its option frequencies. */
export function ItemTable({ rows }: { rows: TItemAnalysisRow[] }) {
  const { t } = useTranslation();
  const numeric = { align: 'right' as const, width: 88 };
  const columns: ColumnsType<TItemAnalysisRow> = [
    {
      title: t('contestResultsItems.colQuestion'),
      key: 'question',
      render: (_, r) => (
        <div style={{ minWidth: 200, maxWidth: 320 }}>
          <Typography.Text strong>
            {r.code ?? t('contestResultsItems.version', { no: r.versionNo })}
          </Typography.Text>
          {r.override && (
            <Tag style={{ marginInlineStart: 8 }}>{t(`contestResultsItems.override_${r.override}`)}</Tag>
          )}
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.stem }} style={{ marginBottom: 0 }}>
            {r.stem}
          </Typography.Paragraph>
        </div>
      ),
      sorter: (a, b) => (a.code ?? a.stem).localeCompare(b.code ?? b.stem, 'vi'),
    },
    {
      title: t('contestResultsItems.colResponses'),
      key: 'responses',
      ...numeric,
      render: (_, r) => r.stats.responses,
      sorter: byNumber((r) => r.stats.responses),
    },
    {
      title: withHelp(t('contestResultsItems.colFacility'), t('contestResultsItems.facilityHelp')),
      key: 'facility',
      ...numeric,
      render: (_, r) => formatPercent(r.stats.facility),
      sorter: byNumber((r) => r.stats.facility),
    },
    {
      title: t('contestResultsItems.colSd'),
      key: 'sd',
      ...numeric,
      render: (_, r) => formatPercent(r.stats.sd),
      sorter: byNumber((r) => r.stats.sd),
      responsive: ['xl'],
    },
    {
      title: t('contestResultsItems.colGuess'),
      key: 'guess',
      ...numeric,
      render: (_, r) => formatPercent(r.stats.randomGuess),
      responsive: ['xxl'],
    },
    {
      title: withHelp(t('contestResultsItems.colUpperLower'), t('contestResultsItems.upperLowerHelp')),
      key: 'upperLower',
      ...numeric,
      render: (_, r) => formatIndex(r.stats.upperLower),
      sorter: byNumber((r) => r.stats.upperLower),
    },
    {
      title: withHelp(t('contestResultsItems.colPointBiserial'), t('contestResultsItems.pointBiserialHelp')),
      key: 'pointBiserial',
      ...numeric,
      render: (_, r) => formatIndex(r.stats.pointBiserial),
      sorter: byNumber((r) => r.stats.pointBiserial),
      responsive: ['md'],
    },
    {
      title: withHelp(t('contestResultsItems.colEfficiency'), t('contestResultsItems.efficiencyHelp')),
      key: 'efficiency',
      ...numeric,
      render: (_, r) => formatPercent(r.stats.discriminativeEfficiency),
      sorter: byNumber((r) => r.stats.discriminativeEfficiency),
      responsive: ['xxl'],
    },
    {
      title: t('contestResultsItems.colFlags'),
      key: 'flags',
      render: (_, r) => <FlagTags flags={r.stats.flags} />,
      sorter: (a, b) => a.stats.flags.length - b.stats.flags.length,
    },
  ];
  return (
    <Table<TItemAnalysisRow>
      rowKey="versionId"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (r) => <DistractorBars row={r} /> }}
      locale={{ emptyText: t('contestResultsItems.emptyItems') }}
    />
  );
}
