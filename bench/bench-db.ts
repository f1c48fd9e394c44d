import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase, openPostgres } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { withDatabase } from '../src/server/testing/pg-url';

export interface BenchDb {
  database: Database;
  /** The PostgreSQL address of the bench's own database; none on PGlite. */
  url: string | undefined;
  name: 'PGlite' | 'PostgreSQL';
  cleanup: () => Promise<void>;
}

/** The `--pg URL` argument of a benchmark: PostgreSQL at that server, PGlite without it. */
export function pgUrlArg(args: string[]): string | undefined {
  const i = args.indexOf('--pg');
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * A fresh, migrated database for one benchmark run: a database of its own created on the PostgreSQL
 * server at `pgUrl` (dropped by `cleanup`), or PGlite in a temporary directory (removed by `cleanup`).
 */
export async function openBenchDb(label: string, pgUrl: string | undefined): Promise<BenchDb> {
  if (pgUrl) {
    const name = `thuocdo_bench_${label}_${process.pid}`;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = withDatabase(pgUrl, name);
    const database = openPostgres(url);
    await migrateDatabase(database, url);
    return {
      database,
      url,
      name: 'PostgreSQL',
      cleanup: async () => {
        await database.close();
        await admin.query(`drop database ${name}`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `thuocdo-bench-${label}-`));
  const database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  return {
    database,
    url: undefined,
    name: 'PGlite',
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
