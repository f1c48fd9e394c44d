import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { foldVietnamese } from '../../../contracts/domain';
import type { TProctorCandidate } from '../../../contracts/proctor';
import { formatDateTime } from '../../ui/dates';
import { showSuccess } from '../../ui/feedback';
import { LoadError, PageLoading } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useLiveSession, useSessionAction } from './api';
import { CandidateActions } from './CandidateActions';
import { CandidateLiveTable } from './CandidateLiveTable';
import { EventsDrawer } from './EventsDrawer';
import { ReasonModal } from './ReasonModal';
import { SessionStatusTag } from './SessionStatusTag';

/** A pending proctor action that needs a reason: for one candidate or (null) the whole session. */
type Pending = { kind: 'extend' | 'force-submit'; candidate: TProctorCandidate | null } | null;

/** Runs one session: start, pause, resume, extra time, collect, re-login; the candidates live. */
export function ProctorSessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const live = useLiveSession(sessionId);
  const action = useSessionAction(sessionId);
  const [pending, setPending] = useState<Pending>(null);
  const [eventsOf, setEventsOf] = useState<TProctorCandidate | null>(null);
  const [search, setSearch] = useState('');
  usePageTitle(live.data ? `${t('proctor.title')}: ${live.data.session.name}` : t('proctor.title'));

  const rows = useMemo(() => {
    const all = live.data?.candidates ?? [];
    const q = foldVietnamese(search.trim());
    if (!q) return all;
    return all.filter((c) => foldVietnamese(`${c.number} ${c.fullName} ${c.unitName}`).includes(q));
  }, [live.data, search]);

  if (live.isLoading) return <PageLoading />;
  if (live.isError || !live.data) return <LoadError error={live.error} onRetry={() => live.refetch()} />;
  const { session, candidates } = live.data;
  const done = (r: { affected: number }) => showSuccess(t('proctor.done', { count: r.affected }));
  const simple = (kind: 'prepare' | 'start' | 'pause' | 'resume') =>
    action.mutate({ kind }, { onSuccess: done });

  const count = (f: (c: TProctorCandidate) => boolean) => candidates.filter(f).length;
  const who = pending?.candidate
    ? { name: pending.candidate.fullName, number: pending.candidate.number }
    : null;
  const description = !pending
    ? ''
    : pending.kind === 'extend'
      ? who
        ? t('proctor.extendFor', who)
        : t('proctor.extendForAll')
      : who
        ? t('proctor.forceSubmitFor', who)
        : t('proctor.forceSubmitForAll');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/contest/proctor">
        <ArrowLeftOutlined /> {t('proctor.back')}
      </Link>
      <Card
        title={
          <Space wrap>
            <h1 className="page-title">{session.name}</h1>
            <SessionStatusTag status={session.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {session.status === 'scheduled' && (
              <Button loading={action.isPending} onClick={() => simple('prepare')}>
                {t('proctor.prepare')}
              </Button>
            )}
            {session.status === 'scheduled' && (
              <Popconfirm
                title={t('proctor.start')}
                description={t('proctor.startConfirm', { name: session.name })}
                okText={t('proctor.start')}
                cancelText={t('common.cancel')}
                onConfirm={() => simple('start')}
              >
                <Button type="primary" loading={action.isPending}>
                  {t('proctor.start')}
                </Button>
              </Popconfirm>
            )}
            {session.status === 'running' && (
              <Popconfirm
                title={t('proctor.pause')}
                description={t('proctor.pauseConfirm')}
                okText={t('proctor.pause')}
                cancelText={t('common.cancel')}
                onConfirm={() => simple('pause')}
              >
                <Button loading={action.isPending}>{t('proctor.pause')}</Button>
              </Popconfirm>
            )}
            {session.status === 'paused' && (
              <Button type="primary" loading={action.isPending} onClick={() => simple('resume')}>
                {t('proctor.resume')}
              </Button>
            )}
            {(session.status === 'running' || session.status === 'paused') && (
              <>
                <Button onClick={() => setPending({ kind: 'extend', candidate: null })}>
                  {t('proctor.extendAll')}
                </Button>
                <Button danger onClick={() => setPending({ kind: 'force-submit', candidate: null })}>
                  {t('proctor.forceSubmitAll')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {session.contestName} · {session.room ?? ''} · {t('proctor.scheduledAt')}:{' '}
          {formatDateTime(session.scheduledAt)}
          {session.startedAt && ` · ${t('proctor.startedAt')}: ${formatDateTime(session.startedAt)}`} ·{' '}
          {t('proctor.duration', { minutes: session.durationMinutes })}
        </Typography.Paragraph>
        <Space size="large" wrap>
          <Statistic title={t('proctor.statTotal')} value={candidates.length} />
          <Statistic title={t('proctor.statPrepared')} value={session.preparedCount} />
          <Statistic title={t('proctor.statConnected')} value={count((c) => c.connected)} />
          <Statistic title={t('proctor.statInProgress')} value={count((c) => c.status === 'in_progress')} />
          <Statistic title={t('proctor.statFinalised')} value={count((c) => c.status === 'finalised')} />
        </Space>
      </Card>
      <Card>
        <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
          <Input
            role="searchbox"
            aria-label={t('common.search')}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('proctor.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Typography.Text type="secondary">{t('proctor.liveNote')}</Typography.Text>
        </Space>
        <CandidateLiveTable
          rows={rows}
          loading={live.isFetching && !live.data}
          actions={(c) => (
            <CandidateActions
              candidate={c}
              busy={action.isPending}
              onExtend={() => setPending({ kind: 'extend', candidate: c })}
              onForceSubmit={() => setPending({ kind: 'force-submit', candidate: c })}
              onAllowRelogin={() =>
                action.mutate(
                  { kind: 'allow-relogin', candidateId: c.candidateId },
                  { onSuccess: () => showSuccess(t('proctor.reloginAllowed')) },
                )
              }
              onEvents={() => setEventsOf(c)}
            />
          )}
        />
      </Card>
      <ReasonModal
        open={pending !== null}
        withMinutes={pending?.kind === 'extend'}
        danger={pending?.kind === 'force-submit'}
        busy={action.isPending}
        title={pending?.kind === 'extend' ? t('proctor.extendTitle') : t('proctor.forceSubmitTitle')}
        okText={pending?.kind === 'extend' ? t('proctor.extendOne') : t('proctor.forceSubmitOne')}
        description={description}
        onCancel={() => setPending(null)}
        onOk={({ reason, minutes }) => {
          if (!pending) return;
          const candidateId = pending.candidate?.candidateId;
          const body =
            pending.kind === 'extend'
              ? { kind: 'extend' as const, body: { seconds: (minutes ?? 0) * 60, candidateId, reason } }
              : { kind: 'force-submit' as const, body: { candidateId, reason } };
          action.mutate(body, {
            onSuccess: (r) => {
              done(r);
              setPending(null);
            },
          });
        }}
      />
      <EventsDrawer sessionId={sessionId} candidate={eventsOf} onClose={() => setEventsOf(null)} />
    </Space>
  );
}
