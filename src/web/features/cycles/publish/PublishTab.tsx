import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail } from '../../../../contracts/cycles';
import { showSuccess } from '../../../ui/feedback';
import { LoadError } from '../../../ui/StatusPages';
import { usePublish, useSnapshots } from '../councilApi';
import { formatVnDateTime } from '../domain';
import type { TSnapshotInfo } from '../types';
import { CorrectionModal } from './CorrectionModal';
import { RankingView } from './RankingView';

/** Publication: the first version, corrections (a new version with a reason), and every version's ranking. */
export function PublishTab({ cycle, canPublish }: { cycle: TCycleDetail; canPublish: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const snapshots = useSnapshots(cycle.id);
  const publish = usePublish(cycle.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState(false);

  if (snapshots.isError) return <LoadError error={snapshots.error} onRetry={() => snapshots.refetch()} />;
  const versions = [...(snapshots.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const latest = versions[0]?.version ?? null;
  const version = chosen ?? latest;
  const published = (v: TSnapshotInfo) => {
    showSuccess(t('cycles.publishedDone', { version: v.version }));
    setChosen(v.version);
  };

  const confirmFirst = () =>
    modal.confirm({
      title: t('cycles.publishConfirm'),
      content: t('cycles.publishText'),
      okText: t('cycles.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish
          .mutateAsync('')
          .then(published)
          .catch((err: unknown) => {
            modal.error({
              title: t('cycles.publishFailed'),
              content: err instanceof Error ? err.message : String(err),
            });
          }),
    });

  return (
    <Flex vertical gap={16}>
      {canPublish && snapshots.data && (
        <Flex gap={8} wrap align="center">
          {latest === null ? (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={confirmFirst}
              loading={publish.isPending}
              data-testid="publish-button"
            >
              {t('cycles.publish')}
            </Button>
          ) : (
            <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)} data-testid="publish-correct">
              {t('cycles.correct')}
            </Button>
          )}
          <Typography.Text type="secondary">
            {latest === null ? t('cycles.publishHint') : t('cycles.correctHint')}
          </Typography.Text>
        </Flex>
      )}
      <section aria-labelledby="versions-title">
        <Typography.Title level={2} id="versions-title" style={{ fontSize: 18 }}>
          {t('cycles.versions')}
        </Typography.Title>
        <Table<TSnapshotInfo>
          rowKey="version"
          size="small"
          loading={snapshots.isLoading}
          dataSource={versions}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description={t('cycles.versionsEmpty')} /> }}
          rowClassName={(v) => (v.version === version ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('cycles.version'),
              dataIndex: 'version',
              width: 110,
              render: (n: number) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setChosen(n)}
                  aria-pressed={n === version}
                  data-testid={`snapshot-${n}`}
                >
                  {t('cycles.versionN', { version: n })}
                </Button>
              ),
            },
            {
              title: t('cycles.publishedAt'),
              dataIndex: 'publishedAt',
              width: 160,
              render: formatVnDateTime,
            },
            {
              title: t('cycles.publishedBy'),
              dataIndex: 'publishedBy',
              width: 180,
              render: (s: string | null) => s ?? t('common.none'),
            },
            { title: t('cycles.reason'), dataIndex: 'reason', render: (s: string) => s || t('common.none') },
          ]}
        />
      </section>
      {version !== null && <RankingView cycle={cycle} version={version} />}
      {canPublish && (
        <CorrectionModal
          key={String(correcting)}
          open={correcting}
          busy={publish.isPending}
          onClose={() => setCorrecting(false)}
          onSubmit={(reason, onError) =>
            publish.mutate(reason, {
              onSuccess: (v) => {
                published(v);
                setCorrecting(false);
              },
              onError,
            })
          }
        />
      )}
    </Flex>
  );
}
