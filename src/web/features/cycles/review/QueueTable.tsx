import { CheckOutlined, EditOutlined, FileSearchOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReviewStateTag } from '../CycleTags';
import { formatPoints, formatVnDateTime, unitFormPath } from '../domain';
import type { QueueItem } from '../reviewApi';
import type { ReviewState } from '../types';

export const itemKey = (i: QueueItem) => `${i.unitId}|${i.code}`;
/** The unit in test ids and labels: its code when the server sends one. */
export const unitTag = (i: QueueItem) => i.unitCode ?? i.unitId;

interface Props {
  cycleId: string;
  items: QueueItem[];
  loading: boolean;
  pagination: TableProps<QueueItem>['pagination'];
  selected: string[];
  onSelect: (keys: string[]) => void;
  onAgree: (item: QueueItem) => void;
  onDialog: (kind: 'adjust' | 'request', item: QueueItem) => void;
  agreeing: string | null;
}

/** The submitted indicators to review, with the unit's answer when it gave one. */
export function QueueTable(p: Props) {
  const { t, i18n } = useTranslation();
  const pts = (n: number | null) => formatPoints(n, i18n.language);
  return (
    <Table<QueueItem>
      rowKey={itemKey}
      size="middle"
      loading={p.loading}
      dataSource={p.items}
      pagination={p.pagination}
      scroll={{ x: 1000 }}
      aria-label={t('cycles.tab_review')}
      locale={{ emptyText: <Empty description={t('cycles.queueEmpty')} /> }}
      rowSelection={{
        selectedRowKeys: p.selected,
        preserveSelectedRowKeys: true,
        onChange: (keys) => p.onSelect(keys.map(String)),
        // Only what still awaits a decision: a bulk agree must not undo an adjustment or a request.
        getCheckboxProps: (r) => ({
          disabled: r.review !== 'pending' && r.review !== 'answered',
          'aria-label': `${r.unitName} ${r.code}`,
        }),
      }}
      columns={[
        { title: t('cycles.unit'), dataIndex: 'unitName', width: 150 },
        {
          title: t('cycles.indicator'),
          key: 'indicator',
          render: (_: unknown, r) => (
            <Flex vertical gap={4}>
              <span>
                <strong>{r.code}</strong> {r.name}
              </span>
              {r.notApplicable && (
                <Typography.Text type="secondary">
                  {t('cycles.notApplicable', { reason: r.notApplicable })}
                </Typography.Text>
              )}
              {r.requestComment && (
                <Typography.Text style={{ color: '#874d00' }}>
                  {t('cycles.requestShown', {
                    comment: r.requestComment,
                    deadline: formatVnDateTime(r.requestDeadline),
                  })}
                </Typography.Text>
              )}
              {r.explanation && (
                <div style={{ background: '#e6f4ff', padding: '4px 8px', borderRadius: 4 }}>
                  <strong>{t('cycles.explanation')}:</strong> {r.explanation}
                </div>
              )}
              <span style={{ fontSize: 12 }}>
                <Link
                  to={unitFormPath(p.cycleId, r.unitId, r.code)}
                  aria-label={t('cycles.viewFormOf', { unit: r.unitName, code: r.code })}
                >
                  <FileSearchOutlined aria-hidden /> {t('cycles.viewForm')}
                </Link>
                <span style={{ color: 'rgba(0,0,0,0.7)' }}>
                  {' · '}
                  {t('cycles.evidenceCount', { count: r.evidenceCount })}
                </span>
              </span>
            </Flex>
          ),
        },
        { title: t('cycles.maxPoints'), dataIndex: 'maxPoints', width: 64, align: 'right', render: pts },
        { title: t('cycles.selfPoints'), dataIndex: 'selfPoints', width: 84, align: 'right', render: pts },
        {
          title: t('cycles.appraisedPoints'),
          dataIndex: 'appraisedPoints',
          width: 96,
          align: 'right',
          render: pts,
        },
        {
          title: t('cycles.reviewState'),
          dataIndex: 'review',
          width: 130,
          render: (s: ReviewState) => <ReviewStateTag state={s} />,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 160,
          render: (_: unknown, r) => {
            const id = `${unitTag(r)}-${r.code}`;
            return (
              <Flex vertical gap={4} align="stretch">
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  loading={p.agreeing === itemKey(r)}
                  disabled={r.review === 'agreed'}
                  onClick={() => p.onAgree(r)}
                  data-testid={`review-agree-${id}`}
                >
                  {t('cycles.agree')}
                </Button>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => p.onDialog('adjust', r)}
                  data-testid={`review-adjust-${id}`}
                >
                  {t('cycles.adjust')}
                </Button>
                <Button
                  size="small"
                  icon={<QuestionCircleOutlined />}
                  onClick={() => p.onDialog('request', r)}
                  data-testid={`review-request-${id}`}
                >
                  {t('cycles.request')}
                </Button>
              </Flex>
            );
          },
        },
      ]}
    />
  );
}
