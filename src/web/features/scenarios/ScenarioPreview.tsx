import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, List, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPracticeDocument, TPracticeMail } from '../../../contracts/practice';
import { formatDate, formatDateTime } from '../../ui/dates';
import { usePreview } from './api';
import { ProblemOrError } from './ProblemList';

/**
 * The scenario as the sample candidate sees it at the start: their inbox, the e-office's documents and
 * the tasks, from the same projection as the exam page.
 */
export function ScenarioPreview({ code, draft }: { code: string; draft: unknown }) {
  const { t } = useTranslation();
  const preview = usePreview(code);
  const run = () => preview.mutate(draft);
  // Run once when the tab is first opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount
  useEffect(run, []);
  const view = preview.data;
  const none = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scenarios.none')} />;

  return (
    <div>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Button onClick={run} loading={preview.isPending}>
          {t('scenarios.previewRun')}
        </Button>
        {draft !== undefined && (
          <Typography.Text type="secondary">{t('scenarios.draftNotice')}</Typography.Text>
        )}
      </Flex>
      {preview.isError && <ProblemOrError error={preview.error} />}
      {!view && preview.isPending && <Skeleton active />}
      {view && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('scenarios.previewHint', { name: view.candidate.name, email: view.candidate.email })}
          />
          <Tabs
            items={[
              {
                key: 'inbox',
                label: `${t('scenarios.inbox')} (${view.mails.length})`,
                children: (
                  <Table<TPracticeMail>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 640 }}
                    dataSource={view.mails}
                    locale={{ emptyText: none }}
                    columns={[
                      { title: t('scenarios.from'), key: 'from', width: 220, render: (_, m) => m.from.name },
                      {
                        title: t('scenarios.subject'),
                        key: 'subject',
                        render: (_, m) => (
                          <Flex vertical gap={2}>
                            <span style={{ fontWeight: m.read ? 'normal' : 600 }}>{m.subject}</span>
                            {m.attachments.length > 0 && (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                <PaperClipOutlined aria-label={t('scenarios.attachments')} />{' '}
                                {m.attachments.map((a) => a.fileName).join(', ')}
                              </Typography.Text>
                            )}
                          </Flex>
                        ),
                      },
                      {
                        title: t('scenarios.receivedAt'),
                        dataIndex: 'at',
                        width: 150,
                        render: (v: string) => formatDateTime(v),
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'documents',
                label: `${t('scenarios.documents')} (${view.documents.length})`,
                children: (
                  <Table<TPracticeDocument>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 720 }}
                    dataSource={view.documents}
                    locale={{ emptyText: none }}
                    columns={[
                      {
                        title: t('scenarios.direction'),
                        key: 'direction',
                        width: 120,
                        render: (_, d) => (
                          <Tag color={d.direction === 'incoming' ? 'geekblue' : 'purple'}>
                            {t(`scenarios.direction_${d.direction}`)}
                          </Tag>
                        ),
                      },
                      {
                        title: t('scenarios.numberSymbol'),
                        key: 'number',
                        width: 170,
                        render: (_, d) =>
                          d.direction === 'incoming'
                            ? `${d.numberSymbol} (${formatDate(d.issuedDate)})`
                            : (d.numberSymbol ?? t('common.none')),
                      },
                      { title: t('scenarios.subject'), dataIndex: 'subject' },
                      { title: t('scenarios.holder'), dataIndex: 'holderName', width: 180 },
                    ]}
                  />
                ),
              },
              {
                key: 'tasks',
                label: `${t('scenarios.tasks')} (${view.scenario.tasks.length})`,
                children: (
                  <List
                    bordered
                    dataSource={view.scenario.tasks}
                    locale={{ emptyText: none }}
                    renderItem={(task, i) => (
                      <List.Item>
                        <Flex vertical gap={4}>
                          <strong>
                            {i + 1}. {task.title} — {t('scenarios.pointsOf', { points: task.points })}
                          </strong>
                          <span style={{ whiteSpace: 'pre-wrap' }}>{task.instruction}</span>
                        </Flex>
                      </List.Item>
                    )}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
