import { useText } from '../i18n';
import { OwnResult } from '../result/OwnResult';

const fmt = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** The end: the attempt is final on the server. */
export function DoneView({ finalisedAt }: { finalisedAt: string | null }) {
  const { t } = useText();
  return (
    <main className="center">
      <section className="card" role="status">
        <h1>{t('doneTitle')}</h1>
        {finalisedAt && <p>{t('doneAt', { time: fmt.format(new Date(finalisedAt)) })}</p>}
        <p>{t('doneHelp')}</p>
      </section>
      <OwnResult />
    </main>
  );
}
