import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type DbKind, openPostgres, PGLITE_EXTENSIONS, wrapPglite } from '../db/client';
import { withDatabase } from './pg-url';

/** The databases integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function dbKinds(): DbKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of this clone (postgres only), for code that opens its own connections. */
  url?: string;
}

/** A fresh database cloned from the migrated template; `close()` drops it. */
export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const client = await PGlite.create({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
    return wrapPglite(client);
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate')!;
  const name = `thuocdo_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = openPostgres(url, 4);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
