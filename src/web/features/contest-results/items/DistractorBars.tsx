import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TItemAnalysisRow } from '../../../../contracts/contest-results-items';
import { formatPercent, formatShare, letterAt } from './format';

/** How often each option (and no answer) was chosen, as bars; the key in green; upper/lower groups beside. */
export function DistractorBars({ row }: { row: TItemAnalysisRow }) {
  const { t } = useTranslation();
  const text = new Map(row.options.map((o, i) => [o.key, { letter: letterAt(i), text: o.text }]));
  return (
    <Flex vertical gap={6} style={{ maxWidth: 760 }}>
      <Typography.Text strong>{t('contestResultsItems.distractors')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>
        {row.stem}
      </Typography.Paragraph>
      {row.stats.options.map((o) => {
        const label =
          o.key === null
            ? t('contestResultsItems.noAnswer')
            : `${text.get(o.key)?.letter ?? o.key}. ${text.get(o.key)?.text ?? ''}`;
        const color = o.correct ? '#389e0d' : o.key === null ? '#8c8c8c' : '#d46b08';
        return (
          <div
            key={o.key ?? 'none'}
            style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(120px, 220px)', gap: 8 }}
          >
            <span style={{ overflowWrap: 'anywhere' }}>
              <span style={o.correct ? { fontWeight: 600, color: '#237804' } : undefined}>{label}</span>
              {o.correct && (
                <Typography.Text type="success"> ({t('contestResultsItems.correctOption')})</Typography.Text>
              )}
              {o.upper !== null && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('contestResultsItems.upperLower', {
                    upper: formatShare(o.upper),
                    lower: formatShare(o.lower),
                  })}
                </Typography.Text>
              )}
            </span>
            <div
              role="img"
              aria-label={`${label}: ${o.count} (${formatPercent(o.percent)})`}
              style={{ display: 'flex', alignItems: 'center', gap: 6 }}
            >
              <div style={{ flex: 1, background: '#f0f0f0', height: 14, borderRadius: 3 }}>
                <div
                  style={{
                    width: `${Math.min(100, o.percent)}%`,
                    background: color,
                    height: 14,
                    borderRadius: 3,
                  }}
                />
              </div>
              <span style={{ minWidth: 84, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {o.count} · {formatPercent(o.percent)}
              </span>
            </div>
          </div>
        );
      })}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('contestResultsItems.groupsNote')}
      </Typography.Text>
    </Flex>
  );
}
