import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Skeleton,
  Statistic,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MIN_RESPONSES_FOR_FLAGS,
  POOR_DISCRIMINATION,
  type TItemAnalysis,
  TOO_EASY_FACILITY,
  TOO_HARD_FACILITY,
} from '../../../../contracts/contest-results-items';
import { foldVietnamese } from '../../../../contracts/domain';
import { useHasRole } from '../../../backend/session';
import { formatDateTime } from '../../../ui/dates';
import { showError, showSuccess } from '../../../ui/feedback';
import { LoadError } from '../../../ui/StatusPages';
import { useComputeItems, useItemAnalysis } from './api';
import { formatIndex } from './format';
import { ItemTable } from './ItemTable';

const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const show = (n: number | null | undefined) => (n === null || n === undefined ? '—' : num.format(n));

function TestCard({ data, onCompute, busy }: { data: TItemAnalysis; onCompute?: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const test = data.test!;
  const stats: [string, string, string?][] = [
    [t('contestResultsItems.attempts'), String(test.attempts)],
    [t('contestResultsItems.k'), show(test.k)],
    [t('contestResultsItems.mean'), `${show(test.mean)} / ${show(test.maxTotal)}`],
    [t('contestResultsItems.sd'), show(test.sd)],
    [t('contestResultsItems.alpha'), formatIndex(test.alpha), t('contestResultsItems.alphaHelp')],
    [t('contestResultsItems.sem'), show(test.sem)],
  ];
  return (
    <Card
      title={t('contestResultsItems.testTitle')}
      style={{ marginBottom: 16 }}
      extra={
        onCompute && (
          <Button icon={<ReloadOutlined />} onClick={onCompute} loading={busy} disabled={!data.canCompute}>
            {t('contestResultsItems.recompute')}
          </Button>
        )
      }
    >
      {data.stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('contestResultsItems.stale')}
        />
      )}
      <Row gutter={[16, 16]}>
        {stats.map(([title, value, help]) => (
          <Col key={title} xs={12} sm={8} lg={4}>
            <Statistic title={help ? <Tooltip title={help}>{title} ⓘ</Tooltip> : title} value={value} />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        {t('contestResultsItems.computedAt', { date: formatDateTime(data.computedAt) })}
      </Typography.Text>
    </Card>
  );
}

/** Phân tích câu hỏi: reliability of the theory part and per-question statistics with flags and distractors. */
export function ItemAnalysisTab({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const canWrite = useHasRole('admin', 'organiser');
  const analysis = useItemAnalysis(contestId);
  const compute = useComputeItems(contestId);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [q, setQ] = useState('');
  const items = analysis.data?.items ?? [];
  const shown = useMemo(() => {
    const needle = foldVietnamese(q);
    return items.filter(
      (r) =>
        (!flaggedOnly || r.stats.flags.length > 0) &&
        (!needle || foldVietnamese(`${r.code ?? ''} ${r.stem}`).includes(needle)),
    );
  }, [items, flaggedOnly, q]);

  if (analysis.isError) return <LoadError error={analysis.error} onRetry={() => analysis.refetch()} />;
  if (!analysis.data) return <Skeleton active />;
  const data = analysis.data;
  const run = () =>
    compute.mutate(undefined, {
      onSuccess: () => showSuccess(t('contestResultsItems.computed')),
      onError: showError,
    });

  if (!data.test) {
    return (
      <Card>
        <Empty description={t('contestResultsItems.notComputed')}>
          {data.blockedReason && (
            <Alert
              type="info"
              showIcon
              message={data.blockedReason}
              style={{ marginBottom: 12, textAlign: 'left' }}
            />
          )}
          {canWrite && (
            <Button type="primary" onClick={run} loading={compute.isPending} disabled={!data.canCompute}>
              {t('contestResultsItems.compute')}
            </Button>
          )}
        </Empty>
      </Card>
    );
  }

  const flagged = items.filter((r) => r.stats.flags.length > 0).length;
  return (
    <>
      <TestCard data={data} onCompute={canWrite ? run : undefined} busy={compute.isPending} />
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('contestResultsItems.search')}
            placeholder={t('contestResultsItems.search')}
            style={{ maxWidth: 360 }}
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
          />
          <Flex gap={8} align="center">
            <Switch id="items-flagged-only" checked={flaggedOnly} onChange={setFlaggedOnly} />
            <label htmlFor="items-flagged-only">
              {t('contestResultsItems.flaggedOnly')} ({flagged}/{items.length})
            </label>
          </Flex>
        </Flex>
        <ItemTable rows={shown} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('contestResultsItems.flagsNote', {
            easy: TOO_EASY_FACILITY,
            hard: TOO_HARD_FACILITY,
            poor: formatIndex(POOR_DISCRIMINATION),
            min: MIN_RESPONSES_FOR_FLAGS,
          })}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
