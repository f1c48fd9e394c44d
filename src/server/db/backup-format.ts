import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/*
 * The backup file: gzip-compressed JSON lines, written and read by the application itself.
 *
 * Why not `pg_dump` or PGlite's `dumpDataDir()`: the embedded database has no pg_dump, and a data-dir
 * tarball restores only into PGlite of the same major version. A logical dump made by the app restores
 * into either database (PGlite → PostgreSQL when a site outgrows one machine, PostgreSQL → PGlite for a
 * training laptop), and it records the migration level, so a dump of an older release is loaded into
 * the schema it was made on and then migrated, and a dump of a newer release is refused.
 *
 * Every value is the database's own text output (`column::text`, in UTC, ISO dates, hex bytea), read back
 * by the same type's input function: lossless for every type (timestamptz to the microsecond, numeric
 * and int8 beyond 2^53, arrays, json kept byte for byte, jsonb, bytea) with no type handling in
 * JavaScript. Rows are streamed in both directions, so a table of several GB never sits in memory.
 *
 *   {"t":"header", format, formatVersion, app, createdAt, source, migrations:[{hash, createdAt}]}
 *   {"t":"table", name, columns:[…], types:[…]}      then one JSON array per row: ["text" | null, …]
 *   {"t":"end", name, rows}
 *   … one block per table, referenced tables first …
 *   {"t":"sequences", values:[{name, lastValue, isCalled}]}
 *   {"t":"trailer", tables, rows}
 *
 * The trailer and the per-table counts, with gzip's own CRC, make a truncated or damaged file fail the
 * check that runs before anything in the database is touched.
 */
export const BACKUP_FORMAT = 'thuocdo-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface MigrationMark {
  hash: string;
  /** drizzle's `created_at`: the migration's folder timestamp, which orders migrations. */
  createdAt: number;
}

export interface BackupHeader {
  t: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  app: string;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: MigrationMark[];
}

export interface TableStart {
  t: 'table';
  name: string;
  columns: string[];
  types: string[];
}

export interface SequenceValue {
  name: string;
  /** Text: a bigint sequence may pass 2^53. */
  lastValue: string;
  isCalled: boolean;
}

/** A backup that cannot be used; its message is for the person running the command. */
export class BackupError extends Error {
  constructor(
    readonly code:
      | 'backup_invalid'
      | 'backup_newer'
      | 'backup_foreign'
      | 'restore_target_not_empty'
      | 'restore_target_newer'
      | 'database_not_initialised',
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (why: string) =>
  new BackupError(
    'backup_invalid',
    `Tệp sao lưu hỏng hoặc không đầy đủ: ${why}. CSDL không bị thay đổi. / ` +
      'The backup file is damaged or incomplete; the database was not changed.',
  );

/**
 * The decompressed lines of a backup file, the last one included. A gzip error (a truncated file, a
 * changed byte caught by the CRC, not gzip at all) is a `backup_invalid`. `hash` sees every byte.
 */
export async function* readBackupLines(file: string, hash?: Hash): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  // A character split between two chunks is held back by the decoder until its last byte arrives.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      const text = rest + decoder.write(chunk);
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield line;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new BackupError('backup_invalid', `Không tìm thấy tệp ${file}`);
    throw invalid(err.message);
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

export const newHash = (): Hash => createHash('sha256');

export const encodeLine = (value: unknown) => `${JSON.stringify(value)}\n`;
