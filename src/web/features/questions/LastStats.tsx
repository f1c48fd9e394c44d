import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TVersionStatsBrief } from '../../../contracts/contest-results-items';
import { FlagTags } from '../contest-results/items/FlagTags';
import { formatIndex, formatPercent } from '../contest-results/items/format';

/** The last item statistics of a version (latest contest): facility and flags, the rest on hover or in full. */
export function LastStats({
  stats,
  full = false,
}: {
  stats: TVersionStatsBrief | null | undefined;
  full?: boolean;
}) {
  const { t } = useTranslation();
  if (!stats)
    return (
      <Typography.Text type="secondary">{full ? t('contestResultsItems.bankNoStats') : '—'}</Typography.Text>
    );
  const line = t('contestResultsItems.bankStatsLine', {
    contest: stats.contestName,
    year: stats.year,
    responses: stats.responses,
    facility: formatPercent(stats.facility),
    discrimination: formatIndex(stats.upperLower),
  });
  if (full) {
    return (
      <span>
        {t('contestResultsItems.bankStats')}: {line} <FlagTags flags={stats.flags} />
      </span>
    );
  }
  return (
    <Tooltip title={line}>
      <span>
        {formatPercent(stats.facility)} <FlagTags flags={stats.flags} />
      </span>
    </Tooltip>
  );
}
