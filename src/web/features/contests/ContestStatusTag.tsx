import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TContestStatus } from '../../../contracts/contests';

const COLORS: Record<TContestStatus, string> = { draft: 'default', open: 'green', closed: 'blue' };

export function ContestStatusTag({ status }: { status: TContestStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`contests.status_${status}`)}</Tag>;
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
