import type { FastifyInstance } from 'fastify';
import { createMailer } from '../notifications/mailer';
import { notifyApproachingDeadlines } from './deadline-notices';
import { emailNotices } from './email-notices';
import { type Job, type JobRunner, startJobs } from './runner';

/** How often deadlines are looked at: a reminder two days ahead may come a few minutes late. */
export const DEADLINE_NOTICES_EVERY_MS = 5 * 60_000;
/** How soon after a notice is committed its e-mail goes out. */
export const EMAIL_NOTICES_EVERY_MS = 20_000;

/**
 * Runs the notification jobs while the app is up, on every instance (each run is safe alongside
 * others): deadline reminders always, e-mails only when SMTP is configured.
 */
export function installNotificationJobs(app: FastifyInstance): void {
  let runner: JobRunner | null = null;
  const mailer = createMailer(app.env);
  app.addHook('onReady', async () => {
    const jobs: Job[] = [
      {
        name: 'deadline-notices',
        everyMs: DEADLINE_NOTICES_EVERY_MS,
        run: () => notifyApproachingDeadlines(app.db, app.clock()),
      },
    ];
    if (mailer) {
      jobs.push({
        name: 'email-notices',
        everyMs: EMAIL_NOTICES_EVERY_MS,
        run: () =>
          emailNotices(app.db, mailer, {
            now: app.clock(),
            publicUrl: app.env.PUBLIC_URL,
            warn: (message, err) => app.log.warn({ err }, message),
          }),
      });
    }
    runner = startJobs(jobs, (job, err) => app.log.error({ err, job }, 'background job failed'));
  });
  app.addHook('onClose', async () => {
    await runner?.stop();
    mailer?.close();
  });
}
