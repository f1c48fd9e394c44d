import { Card, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRegradeRecord } from '../../../../contracts/contest-results-items';
import { formatDateTime } from '../../../ui/dates';
import { LoadError } from '../../../ui/StatusPages';
import { useRegradeHistory } from './api';
import { DiffTable } from './DiffTable';

function keysOf(change: unknown): string | null {
  const c = change as { mode?: string; correct?: string[] } | null;
  return c?.mode === 'key' && c.correct ? c.correct.map((k) => k.toUpperCase()).join(', ') : null;
}

/** Every recompute of the contest, newest first, each opening its diff. */
export function RegradeHistory({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const history = useRegradeHistory(contestId);
  if (history.isError) return <LoadError error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data) return <Skeleton active />;
  const items = history.data.items;
  return (
    <Card title={t('contestResultsItems.history')}>
      {items.length === 0 ? (
        <Empty description={t('contestResultsItems.noHistory')} />
      ) : (
        <Collapse
          items={items.map((r: TRegradeRecord) => ({
            key: r.id,
            label: (
              <Flex vertical gap={2}>
                <span>
                  <Tag>{t(`contestResultsItems.cause_${r.cause}`)}</Tag>
                  <strong>{r.questionCode ?? ''}</strong>{' '}
                  <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                    {r.questionStem ?? ''}
                  </Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('contestResultsItems.historyLine', {
                    date: formatDateTime(r.createdAt),
                    actor: r.actorName ?? t('contestResultsItems.unknownActor'),
                    changed: r.changedCount,
                    checked: r.checkedCount,
                  })}
                </Typography.Text>
              </Flex>
            ),
            children: (
              <>
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  {t('contestResultsItems.historyReason', { reason: r.reason })}
                  {keysOf(r.change) && (
                    <>
                      <br />
                      {t('contestResultsItems.historyKey', { keys: keysOf(r.change) })}
                    </>
                  )}
                </Typography.Paragraph>
                <DiffTable diff={r.diff} />
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
