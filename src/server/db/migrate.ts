import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** An arbitrary constant: several instances starting together migrate one at a time. */
export const MIGRATION_LOCK = 7_418_112;

/**
 * Applies the committed SQL migrations (idempotent). `thenUnderLock` runs after them while the lock is
 * still held, so that start-up work (the admin account, demo data) is done by one instance at a time.
 */
export async function migrateDatabase(
  database: Database,
  databaseUrl?: string,
  thenUnderLock?: () => Promise<void>,
): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    await thenUnderLock?.();
    return;
  }
  if (!databaseUrl) throw new Error('migrateDatabase needs the PostgreSQL URL');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
    await thenUnderLock?.();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
