import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TLeagueRow } from '../../../../contracts/results';
import { formatPercentChange, formatValue, formatValueChange } from './format';

const UP = '#237804';
const DOWN = '#a8071a';

/** A rank change as an arrow and the number of places: up is better. */
export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (change === 0)
    return (
      <span title={t('results.rankSame')}>
        <MinusOutlined aria-hidden /> 0<span className="visually-hidden"> {t('results.rankSame')}</span>
      </span>
    );
  const up = change > 0;
  const text = t(up ? 'results.rankUp' : 'results.rankDown', { n: Math.abs(change) });
  return (
    <span style={{ color: up ? UP : DOWN, whiteSpace: 'nowrap' }} title={text}>
      {up ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {Math.abs(change)}
      <span className="visually-hidden"> {text}</span>
    </span>
  );
}

/** Change against last year: value change (and per cent), rank change, and last year's standing. */
export function ChangeCell({ row }: { row: TLeagueRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!row.previous || row.valueChange === null) {
    return <Typography.Text type="secondary">{t('results.noPrevious')}</Typography.Text>;
  }
  const colour = row.valueChange > 0 ? UP : row.valueChange < 0 ? DOWN : undefined;
  const previous = t('results.previousStanding', {
    value: formatValue(row.previous.value, lang),
    rank: row.previous.rank ?? '—',
    of: row.previous.of,
  });
  const basis =
    row.previousBasis && row.previousBasis !== 'own' ? t(`results.basis_${row.previousBasis}`) : '';
  return (
    <div>
      <div style={{ whiteSpace: 'nowrap' }}>
        <span style={{ color: colour }}>
          {formatValueChange(row.valueChange, lang)}
          {row.percentChange !== null && ` (${formatPercentChange(row.percentChange, lang)})`}
        </span>
        {' · '}
        <RankChange change={row.rankChange} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {previous}
        {basis && ` · ${basis}`}
      </Typography.Text>
    </div>
  );
}
