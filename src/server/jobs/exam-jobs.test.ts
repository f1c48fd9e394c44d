import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testEnv } from '../env';
import { openTestDatabase } from '../testing/test-db';

describe('exam jobs in the app', () => {
  it('start with the app and stop with it, leaving nothing running', async () => {
    const database = await openTestDatabase('pglite');
    const app = await buildApp({ env: testEnv(), db: database.db, dbKind: database.kind, runJobs: true });
    await app.ready();
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(database.close()).resolves.toBeUndefined();
  });
});
