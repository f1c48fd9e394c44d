import { Collapse, Empty, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppealPractice } from '../../../../contracts/contest-results-appeals-detail';
import { formatDateTime } from '../../../ui/dates';
import { ToneTag } from '../../proctor/ToneTag';
import { appealFileUrl } from './api';
import { formatPoints } from './format';

/** The final practice sandbox: grade per task and check, mails sent, documents and signatures, stored files. */
export function PracticeState({
  appealId,
  practice,
}: {
  appealId: string;
  practice: TAppealPractice | null;
}) {
  const { t, i18n } = useTranslation();
  if (!practice) return <Empty description={t('contestResultsAppeals.noPractice')} />;
  const pts = (n: number | null) => formatPoints(n, i18n.language);
  const p = practice;
  return (
    <>
      <Typography.Paragraph strong>
        {t('contestResultsAppeals.practiceScore', { score: pts(p.score), max: pts(p.maxScore) })}
      </Typography.Paragraph>
      <Collapse
        defaultActiveKey={['tasks']}
        items={[
          {
            key: 'tasks',
            label: t('contestResultsAppeals.tasks'),
            children: p.tasks.map((task) => (
              <div key={task.id} style={{ marginBottom: 12 }}>
                <Typography.Text strong>
                  {task.title} — {pts(task.points)}/{pts(task.max)}
                </Typography.Text>
                <List
                  size="small"
                  dataSource={task.checks}
                  renderItem={(c) => (
                    <List.Item key={c.id}>
                      <div>
                        <ToneTag tone={c.passed ? 'green' : 'red'}>
                          {t(c.passed ? 'contestResultsAppeals.passed' : 'contestResultsAppeals.failed')}{' '}
                          {pts(c.points)}/{pts(c.max)}
                        </ToneTag>
                        {c.label}
                        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{c.explanation}</div>
                      </div>
                    </List.Item>
                  )}
                />
              </div>
            )),
          },
          {
            key: 'mails',
            label: t('contestResultsAppeals.sentMails', { count: p.sentMails.length }),
            children:
              p.sentMails.length === 0 ? (
                <Empty description={t('contestResultsAppeals.noMails')} />
              ) : (
                p.sentMails.map((m) => (
                  <div key={m.id} style={{ marginBottom: 12 }}>
                    <Typography.Text strong>{m.subject}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{formatDateTime(m.at)}</Typography.Text>
                    <div>
                      {t('contestResultsAppeals.to')}: {[...m.to, ...m.cc].join(', ')}
                    </div>
                    <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{m.body}</div>
                    {m.attachments.map((a) => (
                      <Tag key={a.fileId}>{a.fileName}</Tag>
                    ))}
                  </div>
                ))
              ),
          },
          {
            key: 'docs',
            label: t('contestResultsAppeals.documents', { count: p.documents.length }),
            children: p.documents.map((d) => (
              <div key={d.id} style={{ marginBottom: 12 }}>
                <Typography.Text strong>
                  {d.numberSymbol ? `${d.numberSymbol} — ` : ''}
                  {d.subject}
                </Typography.Text>{' '}
                <Tag>{d.status}</Tag>
                {d.directive && (
                  <div>
                    {t('contestResultsAppeals.directive')}: {d.directive}
                  </div>
                )}
                {d.signatures.map((s) => (
                  <div key={`${s.by}-${s.at}`} style={{ fontSize: 13 }}>
                    {t('contestResultsAppeals.signatures')}:{' '}
                    {t('contestResultsAppeals.signedBy', { name: s.signerName, at: formatDateTime(s.at) })}
                    {s.certificateSerial ? ` · ${s.certificateSerial}` : ''}
                  </div>
                ))}
              </div>
            )),
          },
          ...(p.answers.length > 0
            ? [
                {
                  key: 'answers',
                  label: t('contestResultsAppeals.answers'),
                  children: p.answers.map((a) => (
                    <div key={`${a.question}-${a.at}`}>
                      {a.question}: <strong>{a.answer}</strong> ({formatDateTime(a.at)})
                    </div>
                  )),
                },
              ]
            : []),
          {
            key: 'files',
            label: t('contestResultsAppeals.files', { count: p.files.length }),
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={p.files}
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    key: 'name',
                    title: t('contestResultsAppeals.text'),
                    render: (_: unknown, f) => (
                      <a href={appealFileUrl(appealId, f.id)} target="_blank" rel="noreferrer">
                        {f.filename}
                      </a>
                    ),
                  },
                  {
                    key: 'kind',
                    title: t('contestResultsAppeals.status'),
                    render: (_: unknown, f) => (
                      <>
                        <Tag>
                          {t(
                            `contestResultsAppeals.fileKind_${f.kind}` as 'contestResultsAppeals.fileKind_seed',
                          )}
                        </Tag>
                        {t('contestResultsAppeals.revision', { n: f.revision })}
                      </>
                    ),
                  },
                  {
                    key: 'at',
                    title: t('contestResultsAppeals.eventTime'),
                    render: (_: unknown, f) => formatDateTime(f.createdAt),
                  },
                  {
                    key: 'sha',
                    title: 'SHA-256',
                    render: (_: unknown, f) => <code>{f.sha256.slice(0, 16)}…</code>,
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
