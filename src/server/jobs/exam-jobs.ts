import type { FastifyInstance } from 'fastify';
import { finaliseDueAttempts } from './finalise-due';
import { type JobRunner, startJobs } from './runner';

/** How often overdue attempts are looked for; with the grace period this bounds how late a close is. */
export const FINALISE_EVERY_MS = 5000;

/** Runs the exam's background jobs while the app is up (started on ready, stopped on close). */
export function installExamJobs(app: FastifyInstance): void {
  let runner: JobRunner | null = null;
  app.addHook('onReady', async () => {
    runner = startJobs(
      [
        {
          name: 'finalise-due-attempts',
          everyMs: FINALISE_EVERY_MS,
          run: () => finaliseDueAttempts(app.db, app.clock()),
        },
      ],
      (job, err) => app.log.error({ err, job }, 'background job failed'),
    );
  });
  app.addHook('onClose', async () => {
    await runner?.stop();
  });
}
