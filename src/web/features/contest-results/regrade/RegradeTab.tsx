import { Card, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TContestQuestion } from '../../../../contracts/contest-results-items';
import { foldVietnamese } from '../../../../contracts/domain';
import { LoadError } from '../../../ui/StatusPages';
import { useItemAnalysis } from '../items/api';
import { FlagTags } from '../items/FlagTags';
import { formatIndex, formatPercent, letterAt } from '../items/format';
import { useContestQuestions } from './api';
import { CorrectionForm } from './CorrectionForm';
import { RegradeHistory } from './RegradeHistory';

function QuestionCard({ q, contestId }: { q: TContestQuestion; contestId: string }) {
  const { t } = useTranslation();
  const analysis = useItemAnalysis(contestId);
  const stats = analysis.data?.items.find((i) => i.versionId === q.versionId)?.stats;
  const letters = (keys: string[]) =>
    keys.map((k) => letterAt(q.options.findIndex((o) => o.key === k))).join(', ');
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
        {q.stem}
      </Typography.Paragraph>
      <Typography.Text strong>{t('contestResultsItems.keyInForce')}</Typography.Text>
      <ol style={{ margin: 0, paddingInlineStart: 20, listStyle: 'upper-alpha' }}>
        {q.options.map((o) => (
          <li key={o.key}>
            <span style={o.correct ? { fontWeight: 600, color: '#237804' } : undefined}>
              {o.text} {o.correct && `(${t('contestResultsItems.correctOption')})`}
            </span>
          </li>
        ))}
      </ol>
      <Typography.Text type="secondary">
        {t('contestResultsItems.bankKey', { keys: letters(q.bankCorrect) })} ·{' '}
        {t('contestResultsItems.attemptsWith', { n: q.attempts })}
      </Typography.Text>
      {q.override && (
        <Typography.Text>
          <Tag>{t(`contestResultsItems.override_${q.override}`)}</Tag>
          {q.overrideReason}
        </Typography.Text>
      )}
      {stats && (
        <Flex gap={12} wrap align="center">
          <span>
            {t('contestResultsItems.colFacility')}: <strong>{formatPercent(stats.facility)}</strong>
          </span>
          <span>
            {t('contestResultsItems.colUpperLower')}: <strong>{formatIndex(stats.upperLower)}</strong>
          </span>
          <span>
            {t('contestResultsItems.colPointBiserial')}: <strong>{formatIndex(stats.pointBiserial)}</strong>
          </span>
          <FlagTags flags={stats.flags} />
        </Flex>
      )}
    </Flex>
  );
}

/** Chấm lại: pick a question, see its key and statistics, correct it (preview, then confirm); the history. */
export function RegradeTab({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const questions = useContestQuestions(contestId);
  const [versionId, setVersionId] = useState<string | null>(null);
  if (questions.isError) return <LoadError error={questions.error} onRetry={() => questions.refetch()} />;
  if (!questions.data) return <Skeleton active />;
  const items = questions.data.items;
  const picked = items.find((q) => q.versionId === versionId) ?? null;
  const label = (q: TContestQuestion) => `${q.code ? `${q.code} · ` : ''}${q.stem}`;

  return (
    <Flex vertical gap={16}>
      <Card title={t('contestResultsItems.pickQuestion')}>
        {items.length === 0 ? (
          <Empty description={t('contestResultsItems.noQuestions')} />
        ) : (
          <>
            <Select
              showSearch
              allowClear
              aria-label={t('contestResultsItems.pickQuestion')}
              placeholder={t('contestResultsItems.pickPlaceholder')}
              style={{ width: '100%', marginBottom: 16 }}
              value={versionId ?? undefined}
              onChange={(v) => setVersionId(v ?? null)}
              filterOption={(input, option) =>
                foldVietnamese(String(option?.title ?? '')).includes(foldVietnamese(input))
              }
              options={items.map((q) => ({
                value: q.versionId,
                title: label(q),
                label: (
                  <span>
                    {q.override && <Tag>{t(`contestResultsItems.override_${q.override}`)}</Tag>}
                    {label(q)}
                  </span>
                ),
              }))}
            />
            {picked && (
              <CorrectionForm
                contestId={contestId}
                question={picked}
                aside={<QuestionCard q={picked} contestId={contestId} />}
              />
            )}
          </>
        )}
      </Card>
      <RegradeHistory contestId={contestId} />
    </Flex>
  );
}
