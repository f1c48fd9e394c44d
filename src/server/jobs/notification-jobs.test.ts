import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testEnv } from '../env';
import { startSmtpSink } from '../notifications/testing/smtp-sink';
import { openTestDatabase } from '../testing/test-db';

describe('notification jobs in the app', () => {
  it('start with the app (e-mail included when SMTP is set) and stop with it', async () => {
    const sink = await startSmtpSink();
    const database = await openTestDatabase('pglite');
    const env = testEnv({ SMTP_URL: sink.url, SMTP_FROM: 'no-reply@thuocdo.test' });
    const app = await buildApp({ env, db: database.db, dbKind: database.kind, runJobs: true });
    await app.ready();
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(database.close()).resolves.toBeUndefined();
    await sink.close();
  });
});
