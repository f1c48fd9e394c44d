import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TItemFlag } from '../../../../contracts/contest-results-items';

/** Dark text on a light background, readable at AA contrast. */
const STYLE: Record<TItemFlag, React.CSSProperties> = {
  too_easy: { color: '#003a8c', background: '#e6f4ff', borderColor: '#91caff' },
  too_hard: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  poor_discrimination: { color: '#614700', background: '#fffbe6', borderColor: '#ffe58f' },
  negative_discrimination: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function FlagTags({ flags }: { flags: TItemFlag[] }) {
  const { t } = useTranslation();
  return (
    <>
      {flags.map((f) => (
        <Tag key={f} style={{ ...STYLE[f], marginBlock: 2 }}>
          {t(`contestResultsItems.flag_${f}`)}
        </Tag>
      ))}
    </>
  );
}
