import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateVn } from '../../../contracts/domain';
import type { TQuestionDetail } from '../../../contracts/questions';
import { LastStats } from './LastStats';
import { letterAt } from './optionKeys';

/** Day of an ISO instant in Asia/Ho_Chi_Minh, dd/mm/yyyy. */
const dayVn = (iso: string) =>
  formatDateVn(new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10));

export function VersionHistory({ question }: { question: TQuestionDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {question.versions.map((v) => (
        <Card
          key={v.id}
          size="small"
          title={
            <Flex gap={8} wrap align="center">
              <span>{t('questions.version', { no: v.versionNo })}</span>
              {v.id === question.versionId && (
                <Tag style={{ color: '#002c8c', background: '#f0f5ff', borderColor: '#adc6ff' }}>
                  {t('questions.versionCurrent')}
                </Tag>
              )}
              <Tag
                style={
                  v.usedAt ? { color: '#613400', background: '#fff7e6', borderColor: '#ffd591' } : undefined
                }
              >
                {v.usedAt
                  ? t('questions.versionUsed', { date: dayVn(v.usedAt) })
                  : t('questions.versionUnused')}
              </Tag>
            </Flex>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 8 }}>
            {v.stem}
          </Typography.Paragraph>
          <ol style={{ margin: 0, paddingInlineStart: 20, listStyle: 'upper-alpha' }}>
            {v.options.map((o, i) => (
              <li
                key={o.key}
                aria-label={`${letterAt(i)}. ${o.text}${o.correct ? ` ${t('questions.correctMark')}` : ''}`}
              >
                <span style={o.correct ? { fontWeight: 600, color: '#237804' } : undefined}>
                  {o.text} {o.correct && t('questions.correctMark')}
                </span>
              </li>
            ))}
          </ol>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {v.explanation ?? t('questions.noExplanation')}
            <br />
            {v.createdBy
              ? t('questions.versionBy', { date: dayVn(v.createdAt), name: v.createdBy })
              : t('questions.versionByUnknown', { date: dayVn(v.createdAt) })}
          </Typography.Paragraph>
          {v.usedAt && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              <LastStats stats={v.lastStats} full />
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Flex>
  );
}
