import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TContestStatus } from '../../../contracts/contests';
import { type Tone, ToneTag } from '../proctor/ToneTag';

const TONES: Record<TContestStatus, Tone> = { draft: 'default', open: 'green', closed: 'blue' };

export function ContestStatusTag({ status }: { status: TContestStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONES[status]}>{t(`contests.status_${status}`)}</ToneTag>;
}

/** Marks demo contests; dark text on yellow, like the app's demo banner, for contrast. */
export function DemoContestTag() {
  const { t } = useTranslation();
  return (
    <Tag style={{ background: '#fff1b8', color: '#000000', borderColor: '#d4b106' }}>
      {t('contests.demo')}
    </Tag>
  );
}
