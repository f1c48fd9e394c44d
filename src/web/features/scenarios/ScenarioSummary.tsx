import { Alert, Descriptions, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TScenarioDoc } from './types';

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title} ({count})
      </Typography.Title>
      {children}
    </section>
  );
}

/** A read-only outline of the scenario as organisers think of it: the world seeded, then the tasks. */
export function ScenarioSummary({ doc }: { doc: TScenarioDoc | null }) {
  const { t } = useTranslation();
  if (!doc) return <Alert type="warning" showIcon title={t('scenarios.jsonBroken')} />;
  const none = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scenarios.none')} />;
  const list = <T,>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  const mails = list(doc.mails);
  const incoming = list(doc.incoming);
  const drafts = list(doc.drafts);
  const questions = list(doc.questions);
  const tasks = list(doc.tasks);
  const actors = doc.actors ?? {};
  const names = new Map(
    [actors.clerk, ...list(actors.units), ...list(actors.people), ...list(actors.agencies)]
      .filter((a) => a && typeof a.key === 'string')
      .map((a) => [a!.key, a!.name ?? a!.key]),
  );

  return (
    <div>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'name', label: t('scenarios.name'), children: doc.name },
          { key: 'code', label: t('scenarios.code'), children: doc.code },
          { key: 'year', label: t('scenarios.year'), children: doc.year },
          { key: 'points', label: t('scenarios.points'), children: doc.totalPoints },
          { key: 'position', label: t('scenarios.position'), children: doc.candidate?.position },
          { key: 'agency', label: t('scenarios.agency'), children: doc.candidate?.agency?.name },
          ...(doc.description
            ? [{ key: 'desc', label: t('scenarios.description'), children: doc.description, span: 2 }]
            : []),
        ]}
      />
      <Section title={t('scenarios.mails')} count={mails.length}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={mails}
          locale={{ emptyText: none }}
          columns={[
            { title: t('scenarios.from'), key: 'from', width: 260, render: (_, m) => m.from?.name },
            {
              title: t('scenarios.subject'),
              key: 'subject',
              render: (_, m) => (
                <>
                  {m.subject}
                  {m.phishing && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('scenarios.phishing')}
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      </Section>
      <Section title={t('scenarios.incoming')} count={incoming.length}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={incoming}
          locale={{ emptyText: none }}
          columns={[
            { title: t('scenarios.numberSymbol'), dataIndex: 'numberSymbol', width: 180 },
            { title: t('scenarios.subject'), dataIndex: 'subject' },
            { title: t('scenarios.arrivalNumber'), dataIndex: 'arrivalNumber', width: 90, align: 'right' },
          ]}
        />
      </Section>
      <Section title={t('scenarios.drafts')} count={drafts.length}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={drafts}
          locale={{ emptyText: none }}
          columns={[
            { title: t('scenarios.subject'), dataIndex: 'subject' },
            {
              title: t('scenarios.recipients'),
              key: 'recipients',
              width: 260,
              render: (_, d) =>
                list(d.recipients)
                  .map((k) => names.get(k) ?? k)
                  .join('; '),
            },
          ]}
        />
      </Section>
      <Section title={t('scenarios.questions')} count={questions.length}>
        {questions.length === 0 ? (
          none
        ) : (
          <List
            size="small"
            bordered
            dataSource={questions}
            renderItem={(q) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <span>{q.prompt}</span>
                  {list(q.options).length > 0 && (
                    <Typography.Text type="secondary">
                      {list(q.options)
                        .map((o) => `${o.code}. ${o.text}`)
                        .join(' · ')}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Section>
      <Section title={t('scenarios.taskList')} count={tasks.length}>
        {tasks.length === 0 && none}
        {tasks.map((task, i) => (
          <div key={task.id ?? i} style={{ marginBottom: 16 }}>
            <Typography.Title level={3} style={{ fontSize: 15, marginBottom: 4 }}>
              {i + 1}. {task.title} — {t('scenarios.pointsOf', { points: task.points })}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
              {task.instruction}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={list(task.checks)}
              columns={[
                { title: t('scenarios.check_'), dataIndex: 'label' },
                { title: t('scenarios.points'), dataIndex: 'points', width: 80, align: 'right' },
              ]}
            />
          </div>
        ))}
      </Section>
    </div>
  );
}
