import type { FastifyInstance } from 'fastify';
import { seedMissingSandboxes } from '../exam/seed-sandboxes';
import { gradePendingPractice } from '../office/grade-practice';
import { loadShippedScenarios } from '../office/scenario-store';
import { finaliseDueAttempts } from './finalise-due';
import { issuePendingCertificates } from './practice-certificates';
import { type Job, type JobRunner, startJobs } from './runner';

/** How often overdue attempts are looked for; with the grace period this bounds how late a close is. */
export const FINALISE_EVERY_MS = 5000;
/** Practice parts of finalised attempts are graded this often (each verifies a few signed PDFs). */
export const PRACTICE_GRADE_EVERY_MS = 5000;
/** Certificates for the credential slips are made ahead in small batches this often. */
export const PRACTICE_CERTIFICATES_EVERY_MS = 3000;
/** Attempts left without a practice sandbox (a preparation cut short) are seeded this often. */
export const PRACTICE_SANDBOXES_EVERY_MS = 15_000;
const SANDBOXES_PER_RUN = 10;
/** Older than the longest preparation: a sandbox younger than this may still be on its way. */
const SANDBOX_LEFT_BEHIND_MS = 5 * 60_000;

/** A run that left some attempts behind is reported as failed, so the log shows which and why. */
function reportFailures(what: string, failed: { attemptId: string; error: string }[]): void {
  if (failed.length > 0) {
    throw new Error(`${what}: ${failed.map((f) => `${f.attemptId}: ${f.error}`).join('; ')}`);
  }
}

/** The exam's background jobs of this app (a test runs one by calling its `run`). */
export function examJobs(app: FastifyInstance): Job[] {
  return [
    {
      name: 'finalise-due-attempts',
      everyMs: FINALISE_EVERY_MS,
      run: () => finaliseDueAttempts(app.db, app.clock()),
    },
    {
      name: 'practice-grade',
      everyMs: PRACTICE_GRADE_EVERY_MS,
      run: async () => {
        const result = await gradePendingPractice(app.db, app.clock());
        reportFailures('practice grading', result.failed);
      },
    },
    {
      name: 'practice-certificates',
      everyMs: PRACTICE_CERTIFICATES_EVERY_MS,
      run: () => issuePendingCertificates(app.db, app.secretBox, app.clock()),
    },
    {
      name: 'practice-sandboxes',
      everyMs: PRACTICE_SANDBOXES_EVERY_MS,
      run: async () => {
        const now = app.clock();
        const result = await seedMissingSandboxes(
          app.db,
          { limit: SANDBOXES_PER_RUN, createdBefore: new Date(now.getTime() - SANDBOX_LEFT_BEHIND_MS) },
          now,
        );
        reportFailures('practice sandboxes', result.failed);
      },
    },
  ];
}

/** Runs the exam's background jobs while the app is up (started on ready, stopped on close). */
export function installExamJobs(app: FastifyInstance): void {
  let runner: JobRunner | null = null;
  app.addHook('onReady', async () => {
    // The shipped practice scenarios, so the rules page lists them from the first start (idempotent).
    await loadShippedScenarios(app.db).catch((err) =>
      app.log.error({ err }, 'shipped practice scenarios not loaded'),
    );
    runner = startJobs(examJobs(app), (job, err) => app.log.error({ err, job }, 'background job failed'));
  });
  app.addHook('onClose', async () => {
    await runner?.stop();
  });
}
