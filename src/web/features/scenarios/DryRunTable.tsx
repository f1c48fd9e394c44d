import { Button, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDryRun } from './api';
import { ProblemOrError } from './ProblemList';
import type { TDryRun } from './types';

type CheckRow = TDryRun['tasks'][number]['checks'][number];

/**
 * Grades an untouched attempt and shows, per task, the points and every check with the grader's
 * reason: what the grader looks at, and any check that would pay for doing nothing.
 */
export function DryRunTable({ code, draft }: { code: string; draft: unknown }) {
  const { t } = useTranslation();
  const dryRun = useDryRun(code);
  const run = () => dryRun.mutate(draft);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the tab is first opened
  useEffect(run, []);
  const result = dryRun.data;

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('scenarios.dryRunHint')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Button onClick={run} loading={dryRun.isPending}>
          {t('scenarios.dryRunRun')}
        </Button>
        {draft !== undefined && (
          <Typography.Text type="secondary">{t('scenarios.draftNotice')}</Typography.Text>
        )}
      </Flex>
      {dryRun.isError && <ProblemOrError error={dryRun.error} />}
      {!result && dryRun.isPending && <Skeleton active />}
      {result && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('scenarios.dryRunTotal', { awarded: result.awarded, total: result.total })}
          </Typography.Title>
          {result.tasks.map((task, i) => (
            <section key={task.id} style={{ marginBottom: 16 }}>
              <Typography.Title level={3} style={{ fontSize: 15, marginBottom: 8 }}>
                {i + 1}. {task.title} — {task.awarded} / {task.points}
              </Typography.Title>
              <Table<CheckRow>
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 720 }}
                dataSource={task.checks}
                columns={[
                  { title: t('scenarios.check_'), dataIndex: 'label', width: 280 },
                  { title: t('scenarios.points'), dataIndex: 'points', width: 70, align: 'right' },
                  {
                    title: t('scenarios.status'),
                    key: 'passed',
                    width: 110,
                    render: (_, c) =>
                      c.passed ? (
                        <Tag color="green">{t('scenarios.passed')}</Tag>
                      ) : (
                        <Tag>{t('scenarios.failed')}</Tag>
                      ),
                  },
                  { title: t('scenarios.reason'), dataIndex: 'reason' },
                ]}
              />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
