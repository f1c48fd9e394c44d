import type { TExamMe } from '../../../contracts/exam';
import { useText } from '../i18n';

const fmt = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** Shown until the proctor starts the session; the parent polls the status. */
export function WaitingView({ me, paused }: { me: TExamMe; paused: boolean }) {
  const { t } = useText();
  const s = me.session;
  return (
    <main className="center">
      <section className="card" aria-live="polite">
        <h1>{t('waitingTitle')}</h1>
        <p>{paused ? t('paused') : t('waitingHelp')}</p>
        {s && (
          <dl className="facts">
            <dt>{t('session')}</dt>
            <dd>{s.name}</dd>
            {s.room && (
              <>
                <dt>{t('room')}</dt>
                <dd>{s.room}</dd>
              </>
            )}
            <dt>{t('scheduledAt')}</dt>
            <dd>{fmt.format(new Date(s.scheduledAt))}</dd>
          </dl>
        )}
      </section>
    </main>
  );
}
