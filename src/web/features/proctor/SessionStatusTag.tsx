import { useTranslation } from 'react-i18next';
import type { TProctorSession } from '../../../contracts/proctor';
import { type Tone, ToneTag } from './ToneTag';

const TONE: Record<TProctorSession['status'], Tone> = {
  scheduled: 'default',
  running: 'green',
  paused: 'orange',
  ended: 'blue',
};

export function SessionStatusTag({ status }: { status: TProctorSession['status'] }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONE[status]}>{t(`proctor.status_${status}`)}</ToneTag>;
}
