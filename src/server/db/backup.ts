import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { APP_VERSION } from '../version';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  encodeLine,
  type SequenceValue,
} from './backup-format';
import { ident, listSequences, listTables, qualified, type Sql, type TableInfo } from './catalog';
import type { Database } from './client';
import { appliedMigrations } from './migration-level';
import { queryRows } from './sql-rows';

export interface TableProgress {
  table: string;
  rows: number;
  done: boolean;
}

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  bytes: number;
}

/**
 * Output that does not depend on the server's or the session's settings: instants in UTC, ISO dates,
 * hex bytea, floats with every digit. Both backup and restore set it for their transaction only.
 */
export async function setPortableOutput(db: Sql): Promise<void> {
  for (const stmt of [
    `set local timezone = 'UTC'`,
    `set local datestyle = 'ISO, YMD'`,
    `set local intervalstyle = 'postgres'`,
    `set local bytea_output = 'hex'`,
    'set local extra_float_digits = 3',
    'set local client_min_messages = warning',
  ])
    await db.execute(sql.raw(stmt));
}

/** Aim for fetches of about this many bytes: many small rows or a few large ones. */
const FETCH_BYTES = 1024 * 1024;
const CURSOR = 'thuocdo_backup_rows';

/** Every row of a table as text values, in primary-key order, a fetch at a time. */
export async function* tableRows(db: Sql, table: TableInfo): AsyncGenerator<(string | null)[][]> {
  const list = table.columns.map((c, i) => `${ident(c)}::text as c${i}`).join(', ');
  const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map(ident).join(', ')}` : '';
  await db.execute(
    sql.raw(`declare ${CURSOR} no scroll cursor for select ${list} from ${qualified(table.name)}${order}`),
  );
  let size = 500;
  for (;;) {
    const batch = await queryRows<Record<string, string | null>>(
      db,
      sql.raw(`fetch forward ${size} from ${CURSOR}`),
    );
    if (batch.length === 0) break;
    const values = batch.map((r) => table.columns.map((_, i) => r[`c${i}`] ?? null));
    let bytes = 0;
    for (const v of values) for (const x of v) bytes += x === null ? 4 : x.length + 3;
    size = Math.min(10_000, Math.max(10, Math.floor(FETCH_BYTES / Math.max(1, bytes / batch.length))));
    yield values;
  }
  await db.execute(sql.raw(`close ${CURSOR}`));
}

/**
 * Writes a backup of the whole database to `file`: one read-only repeatable-read transaction, so the
 * file is one consistent moment even while instances keep writing to PostgreSQL. The file appears only
 * once complete and flushed to disk (written beside it, then renamed), readable by its owner only: it
 * holds password hashes.
 */
export async function writeBackup(
  database: Database,
  file: string,
  onProgress: (p: TableProgress) => void = () => {},
): Promise<BackupSummary> {
  const partial = `${file}.part-${process.pid}`;
  const tables: { name: string; rows: number }[] = [];
  try {
    await database.db.transaction(
      async (tx) => {
        await setPortableOutput(tx);
        const migrations = await appliedMigrations(tx);
        if (!migrations || migrations.length === 0)
          throw new BackupError(
            'database_not_initialised',
            'CSDL chưa được khởi tạo (chưa chạy bản di chuyển nào): không có gì để sao lưu. / ' +
              'The database has never been migrated: there is nothing to back up.',
          );
        const header: BackupHeader = {
          t: 'header',
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          app: APP_VERSION,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations,
        };
        const list = await listTables(tx);
        async function* lines(): AsyncGenerator<string> {
          yield encodeLine(header);
          for (const table of list) {
            yield encodeLine({ t: 'table', name: table.name, columns: table.columns, types: table.types });
            let count = 0;
            for await (const batch of tableRows(tx, table)) {
              count += batch.length;
              yield batch.map(encodeLine).join('');
              onProgress({ table: table.name, rows: count, done: false });
            }
            onProgress({ table: table.name, rows: count, done: true });
            tables.push({ name: table.name, rows: count });
            yield encodeLine({ t: 'end', name: table.name, rows: count });
          }
          const values: SequenceValue[] = [];
          for (const name of await listSequences(tx)) {
            const [s] = await queryRows<{ lastValue: string; isCalled: boolean }>(
              tx,
              sql.raw(
                `select last_value::text as "lastValue", is_called as "isCalled" from ${qualified(name)}`,
              ),
            );
            values.push({ name, lastValue: s!.lastValue, isCalled: s!.isCalled });
          }
          yield encodeLine({ t: 'sequences', values });
          const total = tables.reduce((n, t) => n + t.rows, 0);
          yield encodeLine({ t: 'trailer', tables: tables.length, rows: total });
        }
        await pipeline(
          Readable.from(lines(), { highWaterMark: 2 }),
          createGzip(),
          createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
        );
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return { tables, rows: tables.reduce((n, t) => n + t.rows, 0), bytes: (await stat(file)).size };
}
