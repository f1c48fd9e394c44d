import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppealDetail } from '../../../../contracts/contest-results-appeals-detail';
import { ToneTag } from '../../proctor/ToneTag';
import { formatPoints } from './format';

const LETTERS = 'ABCDEFGHIJ';

/** The theory paper in the candidate's order: their choices, the key in force, the points earned. */
export function TheoryPaper({ items }: { items: TAppealDetail['theory'] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Empty description={t('contestResultsAppeals.noTheory')} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(q) => (
        <List.Item key={q.versionId} style={{ display: 'block' }}>
          <Typography.Text strong>{t('contestResultsAppeals.questionN', { n: q.n })}. </Typography.Text>
          <Typography.Text>{q.stem}</Typography.Text>{' '}
          <ToneTag tone={q.earned === null ? 'default' : q.earned > 0 ? 'green' : 'red'}>
            {q.earned === null
              ? t('contestResultsAppeals.notGraded')
              : t('contestResultsAppeals.earned', {
                  earned: formatPoints(q.earned, i18n.language),
                  points: formatPoints(q.points, i18n.language),
                })}
          </ToneTag>
          {q.override && <ToneTag tone="blue">{t(`contestResultsAppeals.override_${q.override}`)}</ToneTag>}
          <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
            {q.options.map((o, i) => (
              <li key={o.key} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
                <span style={{ width: 16 }}>
                  {o.correct ? (
                    <CheckCircleFilled
                      style={{ color: '#389e0d' }}
                      aria-label={t('contestResultsAppeals.key')}
                    />
                  ) : o.selected ? (
                    <CloseCircleOutlined style={{ color: '#cf1322' }} aria-hidden />
                  ) : null}
                </span>
                <span style={{ fontWeight: o.selected ? 600 : undefined }}>
                  {LETTERS[i]}. {o.text}
                  {o.selected && <Tag style={{ marginLeft: 6 }}>{t('contestResultsAppeals.chosen')}</Tag>}
                </span>
              </li>
            ))}
          </ul>
        </List.Item>
      )}
    />
  );
}
