import { Badge, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TProctorCandidate } from '../../../contracts/proctor';
import { formatDateTime } from '../../ui/dates';
import { type Tone, ToneTag } from './ToneTag';

const STATUS_TONES: Record<TProctorCandidate['status'], Tone> = {
  not_prepared: 'default',
  ready: 'default',
  in_progress: 'green',
  finalised: 'blue',
};

function clock(seconds: number | null): string {
  if (seconds === null) return '—';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Points once known; '—' before (with a hint once the attempt is in and the grading still runs). */
function score(points: number | null, finalised: boolean, pending: string): React.ReactNode {
  if (points !== null) return pointsFormat.format(points);
  return finalised ? (
    <Tooltip title={pending}>
      <span>—</span>
    </Tooltip>
  ) : (
    '—'
  );
}

/** The live table of a session's candidates. `actions` renders the per-row buttons. */
export function CandidateLiveTable({
  rows,
  loading,
  actions,
}: {
  rows: TProctorCandidate[];
  loading: boolean;
  actions: (c: TProctorCandidate) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const columns: TableProps<TProctorCandidate>['columns'] = [
    { title: t('proctor.number'), dataIndex: 'number', className: 'nowrap', fixed: 'left' },
    {
      title: t('proctor.fullName'),
      key: 'name',
      render: (_: unknown, c) => (
        <div>
          <div>{c.fullName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.unitName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('proctor.status'),
      key: 'conn',
      render: (_: unknown, c) => (
        <div>
          {c.loggedIn ? (
            <Badge
              status={c.connected ? 'success' : 'error'}
              text={t(c.connected ? 'proctor.connected' : 'proctor.disconnected')}
            />
          ) : (
            <Badge status="default" text={t('proctor.notLoggedIn')} />
          )}
          {c.ip && (
            <Tooltip title={c.userAgent}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('proctor.pc')}: {c.ip}
              </Typography.Text>
            </Tooltip>
          )}
        </div>
      ),
    },
    {
      title: t('proctor.attempt'),
      key: 'attempt',
      render: (_: unknown, c) => (
        <span>
          <ToneTag tone={STATUS_TONES[c.status]}>{t(`proctor.attempt_${c.status}`)}</ToneTag>
          {c.finalisedBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`proctor.by_${c.finalisedBy}`)}
            </Typography.Text>
          )}
          {c.refusedLogins > 0 && (
            <Tooltip title={c.lastRefusedAt ? formatDateTime(c.lastRefusedAt) : undefined}>
              <span>
                <ToneTag tone="red">{t('proctor.refusedLogins', { count: c.refusedLogins })}</ToneTag>
              </span>
            </Tooltip>
          )}
          {c.reloginAllowed && <ToneTag tone="gold">{t('proctor.reloginAllowed')}</ToneTag>}
        </span>
      ),
    },
    {
      title: t('proctor.answered'),
      key: 'answered',
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, c) => `${c.answeredCount}/${c.questionCount}`,
    },
    {
      title: t('proctor.timeLeft'),
      key: 'left',
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, c) => (
        <span>
          {c.status === 'finalised' ? '—' : clock(c.remainingSeconds)}
          {c.extraSeconds > 0 && (
            <>
              {' '}
              <ToneTag tone="default">
                {t('proctor.extra', { minutes: Math.round(c.extraSeconds / 60) })}
              </ToneTag>
            </>
          )}
        </span>
      ),
    },
    {
      title: t('proctor.lastSave'),
      key: 'save',
      className: 'nowrap',
      render: (_: unknown, c) =>
        c.lastSavedAt ? `${formatDateTime(c.lastSavedAt).slice(11)} (#${c.lastSeq})` : '—',
    },
    ...(['theoryScore', 'practiceScore', 'totalScore'] as const).map((key) => ({
      title: t(`proctor.${key}`),
      key,
      align: 'right' as const,
      className: 'nowrap',
      render: (_: unknown, c: TProctorCandidate) =>
        score(c[key], c.status === 'finalised', t('proctor.scorePending')),
    })),
    { title: t('common.actions'), key: 'actions', render: (_: unknown, c) => actions(c) },
  ];
  return (
    <Table
      rowKey="candidateId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
