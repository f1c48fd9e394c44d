import { useTranslation } from 'react-i18next';
import { formatPoints } from '../domain';

/** A gap of at least this share of the unit's maximum is "large" and drawn stronger. */
const LARGE_SHARE = 0.05;

/** Appraised − self: plain when none, red when any, solid red when large. */
export function GapTag({ gap, max }: { gap: number | null; max: number }) {
  const { t, i18n } = useTranslation();
  if (gap === null) return <span>{t('common.none')}</span>;
  const text = `${gap > 0 ? '+' : ''}${formatPoints(gap, i18n.language)}`;
  if (Math.abs(gap) < 1e-9) return <span>{text}</span>;
  const large = max > 0 && Math.abs(gap) >= max * LARGE_SHARE;
  return (
    <span
      style={
        large
          ? { background: '#a8071a', color: '#ffffff', fontWeight: 700, padding: '1px 6px', borderRadius: 4 }
          : { color: '#a8071a', fontWeight: 600 }
      }
    >
      {text}
      <span className="visually-hidden"> ({large ? t('cycles.gapLarge') : t('cycles.gapSome')})</span>
    </span>
  );
}
