import { Descriptions, Drawer, Flex, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppealDetail } from '../../../../contracts/contest-results-appeals-detail';
import { formatDateTime } from '../../../ui/dates';
import { LoadError } from '../../../ui/StatusPages';
import { ToneTag } from '../../proctor/ToneTag';
import { AppealDecision } from './AppealDecision';
import { useAppealDetail } from './api';
import { EventLog } from './EventLog';
import { formatPoints, formatSigned, STATUS_COLOR, sectionKey } from './format';
import { PracticeState } from './PracticeState';
import { TheoryPaper } from './TheoryPaper';

function ResultLine({ d }: { d: TAppealDetail }) {
  const { t, i18n } = useTranslation();
  const r = d.result;
  if (!r) return <Typography.Text type="secondary">{t('contestResultsAppeals.noResult')}</Typography.Text>;
  const part = (value: number, max: number) =>
    t('contestResultsAppeals.outOf', {
      value: formatPoints(value, i18n.language),
      max: formatPoints(max, i18n.language),
    });
  return (
    <Flex gap={8} wrap align="center">
      <span>
        {t('contestResultsAppeals.theory')}: <strong>{part(r.theory, d.sectionMax.theory)}</strong>
      </span>
      {d.sectionMax.practice > 0 && (
        <span>
          {t('contestResultsAppeals.practice')}: <strong>{part(r.practice, d.sectionMax.practice)}</strong>
        </span>
      )}
      <span>
        {t('contestResultsAppeals.total')}: <strong>{part(r.total, d.sectionMax.total)}</strong>
      </span>
      <ToneTag tone={r.flag === 'pass' ? 'green' : 'red'}>
        {t(`contestResultsAppeals.flag_${r.flag}` as 'contestResultsAppeals.flag_pass')}
      </ToneTag>
    </Flex>
  );
}

/** The record an appeal is decided on, and the decision. */
export function AppealDrawer({ appealId, onClose }: { appealId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const detail = useAppealDetail(appealId);
  const d = detail.data;
  const a = d?.appeal;
  return (
    <Drawer
      open={appealId !== null}
      onClose={onClose}
      size={Math.min(1000, window.innerWidth)}
      title={a ? t('contestResultsAppeals.detailTitle', { name: a.fullName, number: a.number }) : ''}
      destroyOnHidden
    >
      {detail.isError ? (
        <LoadError error={detail.error} onRetry={() => detail.refetch()} />
      ) : !d || !a ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'unit', label: t('contestResultsAppeals.unit'), children: a.unitName },
              {
                key: 'session',
                label: t('contestResultsAppeals.session'),
                children: d.candidate.sessionName ?? '—',
              },
              {
                key: 'fin',
                label: t('contestResultsAppeals.finalisedAt'),
                children: formatDateTime(d.candidate.finalisedAt) || '—',
              },
              {
                key: 'filed',
                label: t('contestResultsAppeals.filedAt'),
                children: `${formatDateTime(a.createdAt)} · ${
                  a.filedBy === 'candidate'
                    ? t('contestResultsAppeals.filedBy_candidate')
                    : t('contestResultsAppeals.filedBy_unit', { name: a.filedByName ?? '' })
                }`,
              },
              {
                key: 'result',
                label: t('contestResultsAppeals.result'),
                span: 'filled',
                children: <ResultLine d={d} />,
              },
              {
                key: 'section',
                label: t('contestResultsAppeals.section'),
                span: 'filled',
                children: (
                  <Flex gap={8} align="center" wrap>
                    <Tag>{t(sectionKey(a.section))}</Tag>
                    <ToneTag tone={STATUS_COLOR[a.status]}>
                      {t(`contestResultsAppeals.status_${a.status}`)}
                    </ToneTag>
                  </Flex>
                ),
              },
              {
                key: 'text',
                label: t('contestResultsAppeals.text'),
                span: 'filled',
                children: <div style={{ whiteSpace: 'pre-wrap' }}>{a.text}</div>,
              },
              ...(d.adjustments.length > 0
                ? [
                    {
                      key: 'adj',
                      label: t('contestResultsAppeals.adjustments'),
                      span: 'filled' as const,
                      children: d.adjustments.map((j) => (
                        <div key={j.createdAt}>
                          {t('contestResultsAppeals.adjustmentLine', {
                            section: t(sectionKey(j.section)),
                            points: formatSigned(j.points, i18n.language),
                            reason: j.reason,
                          })}
                        </div>
                      )),
                    },
                  ]
                : []),
            ]}
          />
          <AppealDecision detail={d} />
          <Tabs
            items={[
              {
                key: 'events',
                label: t('contestResultsAppeals.tabEvents', { count: d.events.length }),
                children: <EventLog events={d.events} />,
              },
              {
                key: 'theory',
                label: t('contestResultsAppeals.tabTheory'),
                children: <TheoryPaper items={d.theory} />,
              },
              {
                key: 'practice',
                label: t('contestResultsAppeals.tabPractice'),
                children: <PracticeState appealId={a.id} practice={d.practice} />,
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
