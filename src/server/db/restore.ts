import { sql } from 'drizzle-orm';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { setPortableOutput, type TableProgress } from './backup';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  invalid,
  newHash,
  readBackupLines,
  type SequenceValue,
  type TableStart,
} from './backup-format';
import {
  dropApplicationObjects,
  ident,
  listForeignKeys,
  listSequences,
  listTables,
  qualified,
  type Sql,
  tablesWithTriggers,
} from './catalog';
import type { Database } from './client';
import { MIGRATION_LOCK } from './migrate';
import { appliedMigrations, applyMigrations, migrationLevel, shippedMigrations } from './migration-level';
import { queryRows } from './sql-rows';

export interface CheckedBackup {
  header: BackupHeader;
  /** How many of this release's migrations the dump's schema had. */
  level: number;
  tables: { name: string; rows: number }[];
  rows: number;
  /** SHA-256 of the decompressed content, so the load reads exactly what was checked. */
  digest: string;
}

type Line =
  | { t: 'header'; header: BackupHeader }
  | { t: 'table'; table: TableStart }
  | { t: 'row'; json: string }
  | { t: 'end'; name: string; rows: number }
  | { t: 'sequences'; values: SequenceValue[] };

const isText = (v: unknown) => typeof v === 'string';
const isTextArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const isSequenceValue = (v: unknown): v is SequenceValue => {
  const s = v as SequenceValue;
  return isText(s?.name) && /^-?\d{1,19}$/.test(String(s.lastValue)) && typeof s.isCalled === 'boolean';
};

/**
 * The lines of a backup, in order and checked against each other: a header first, rows only inside a
 * table block and as wide as its columns, every block's count, a trailer last and nothing after it.
 * `full` parses every row (the check before restoring); the load trusts rows already checked.
 */
async function* backupLines(file: string, full: boolean, hash = newHash()): AsyncGenerator<Line> {
  let header: BackupHeader | null = null;
  let table: TableStart | null = null;
  let inTable = 0;
  let tables = 0;
  let total = 0;
  let ended = false;
  let lineNo = 0;
  for await (const line of readBackupLines(file, hash)) {
    lineNo++;
    if (ended) {
      if (line === '') continue;
      throw invalid(`có dữ liệu sau dòng kết thúc (dòng ${lineNo})`);
    }
    if (table && line.startsWith('[')) {
      if (full) {
        let row: unknown;
        try {
          row = JSON.parse(line);
        } catch {
          throw invalid(`dòng ${lineNo} không phải JSON`);
        }
        if (
          !Array.isArray(row) ||
          row.length !== table.columns.length ||
          !row.every((v) => v === null || isText(v))
        )
          throw invalid(`dòng ${lineNo} của bảng ${table.name} không đúng ${table.columns.length} cột`);
      }
      inTable++;
      yield { t: 'row', json: line };
      continue;
    }
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
    } catch {
      throw invalid(`dòng ${lineNo} không phải JSON`);
    }
    if (!header) {
      if (rec.t !== 'header' || rec.format !== BACKUP_FORMAT)
        throw new BackupError(
          'backup_invalid',
          'Đây không phải tệp sao lưu của Thước Đo. / This is not a Thước Đo backup file.',
        );
      if (rec.formatVersion !== BACKUP_FORMAT_VERSION || !Array.isArray(rec.migrations))
        throw new BackupError(
          'backup_newer',
          `Tệp sao lưu có định dạng phiên bản ${String(rec.formatVersion)}, phiên bản này chỉ đọc được ${BACKUP_FORMAT_VERSION}. / ` +
            'The backup was written in a format this release cannot read.',
        );
      header = rec as unknown as BackupHeader;
      yield { t: 'header', header };
      continue;
    }
    if (table) {
      if (rec.t !== 'end' || rec.name !== table.name || rec.rows !== inTable)
        throw invalid(`bảng ${table.name} thiếu dòng (đọc được ${inTable})`);
      tables++;
      total += inTable;
      yield { t: 'end', name: table.name, rows: inTable };
      table = null;
    } else if (rec.t === 'table') {
      if (!isText(rec.name) || !isTextArray(rec.columns) || !isTextArray(rec.types))
        throw invalid(`dòng ${lineNo}: mô tả bảng không hợp lệ`);
      if (rec.columns.length !== rec.types.length || rec.columns.length === 0)
        throw invalid(`dòng ${lineNo}: mô tả bảng không hợp lệ`);
      table = rec as unknown as TableStart;
      inTable = 0;
      yield { t: 'table', table };
    } else if (rec.t === 'sequences' && Array.isArray(rec.values) && rec.values.every(isSequenceValue)) {
      yield { t: 'sequences', values: rec.values };
    } else if (rec.t === 'trailer') {
      if (rec.tables !== tables || rec.rows !== total) throw invalid('số bảng hoặc số dòng không khớp');
      ended = true;
    } else {
      throw invalid(`dòng ${lineNo} không được mong đợi`);
    }
  }
  if (!header) throw invalid('tệp rỗng');
  if (!ended) throw invalid('thiếu phần kết thúc (tệp bị cắt ngắn?)');
}

/** Where the dump stands against this release's migrations; refuses a newer or unrelated schema. */
function dumpLevel(header: BackupHeader, shipped: MigrationMeta[]): number {
  const level = migrationLevel(header.migrations, shipped);
  if (level.kind === 'newer')
    throw new BackupError(
      'backup_newer',
      `Tệp sao lưu được tạo bởi phiên bản Thước Đo mới hơn (${header.app}, CSDL có ${header.migrations.length} bản di chuyển, ` +
        `phiên bản này có ${shipped.length}). Hãy nâng cấp Thước Đo rồi khôi phục. / ` +
        'The backup comes from a newer release of Thước Đo: upgrade first, then restore.',
    );
  if (level.kind === 'foreign')
    throw new BackupError(
      'backup_foreign',
      'Các bản di chuyển CSDL trong tệp sao lưu không khớp với phiên bản này. / ' +
        "The backup's migration history does not match this release.",
    );
  return level.level;
}

/** Reads the whole file once: gzip integrity, structure, counts and schema level. Changes nothing. */
export async function checkBackup(
  file: string,
  onProgress: (p: TableProgress) => void = () => {},
): Promise<CheckedBackup> {
  const hash = newHash();
  let header: BackupHeader | null = null;
  const tables: { name: string; rows: number }[] = [];
  let current = '';
  let count = 0;
  for await (const line of backupLines(file, true, hash)) {
    if (line.t === 'header') header = line.header;
    else if (line.t === 'table') [current, count] = [line.table.name, 0];
    else if (line.t === 'row' && ++count % 50_000 === 0)
      onProgress({ table: current, rows: count, done: false });
    else if (line.t === 'end') {
      tables.push({ name: line.name, rows: line.rows });
      onProgress({ table: line.name, rows: line.rows, done: true });
    }
  }
  const level = dumpLevel(header!, shippedMigrations());
  return {
    header: header!,
    level,
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    digest: hash.digest('hex'),
  };
}

/** Rows per INSERT and its size: one JSON parameter of a few MB, as the scoring store does. */
const BATCH_ROWS = 5000;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Inserts rows given as JSON arrays of text values into `target` (a quoted name); each value is cast by
 * its column's input function. `types` come from the target's catalog, never from the file.
 */
export async function insertTextRows(
  db: Sql,
  target: string,
  columns: string[],
  types: string[],
  json: string[],
): Promise<void> {
  const cols = columns.map(ident).join(', ');
  const values = types.map((type, i) => `(r->>${i})::${type}`).join(', ');
  const head = `insert into ${target} (${cols}) overriding system value select ${values} from jsonb_array_elements(`;
  await db.execute(sql`${sql.raw(head)}${`[${json.join(',')}]`}${sql.raw('::text::jsonb) as r')}`);
}

export interface RestoreOptions {
  /** Replace a database that already has data (the command's `--yes`). */
  replace: boolean;
  onProgress?: (p: TableProgress & { step: 'check' | 'load' }) => void;
}

export interface RestoreSummary extends CheckedBackup {
  /** Migrations applied after loading a dump of an older release. */
  migrated: number;
}

/**
 * Replaces the whole database with a backup, in one transaction: the schema is rebuilt by the
 * migrations up to the dump's level, the rows are loaded, then the later migrations run. Any failure
 * (a damaged file, a refused target) rolls everything back. The file is checked completely before the
 * database is touched.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: RestoreOptions,
): Promise<RestoreSummary> {
  const progress = options.onProgress ?? (() => {});
  const shipped = shippedMigrations();
  // Refused before reading a file of several GB, and again inside the transaction that replaces it.
  await database.db.transaction((tx) => refuseTarget(tx, shipped, options.replace), {
    accessMode: 'read only',
  });
  const checked = await checkBackup(file, (p) => progress({ ...p, step: 'check' }));
  await database.db.transaction(async (tx) => {
    // Instances starting now wait here rather than migrate a database being replaced.
    if (database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await setPortableOutput(tx);
    await refuseTarget(tx, shipped, options.replace);
    await dropApplicationObjects(tx);
    await applyMigrations(tx, shipped, 0, checked.level);
    await loadRows(tx, file, checked, (p) => progress({ ...p, step: 'load' }));
    await applyMigrations(tx, shipped, checked.level, shipped.length);
  });
  return { ...checked, migrated: shipped.length - checked.level };
}

/** Refuses a database of a newer release, and one with data unless replacing was asked for. */
async function refuseTarget(tx: Sql, shipped: MigrationMeta[], replace: boolean): Promise<void> {
  const applied = await appliedMigrations(tx);
  if (applied && migrationLevel(applied, shipped).kind !== 'known')
    throw new BackupError(
      'restore_target_newer',
      'CSDL đích được tạo bởi một phiên bản Thước Đo khác (mới hơn): hãy khôi phục bằng phiên bản đó. / ' +
        'The target database belongs to another (newer) release of Thước Đo: restore with that release.',
    );
  if (replace) return;
  const filled: string[] = [];
  for (const t of await listTables(tx)) {
    const [r] = await queryRows<{ any: boolean }>(
      tx,
      sql.raw(`select exists (select 1 from ${qualified(t.name)}) as "any"`),
    );
    if (r?.any) filled.push(t.name);
  }
  if (filled.length > 0)
    throw new BackupError(
      'restore_target_not_empty',
      `CSDL đích đã có dữ liệu (bảng ${filled.join(', ')}). Khôi phục sẽ xóa và thay thế toàn bộ dữ liệu; ` +
        'chạy lại với --yes nếu đồng ý. / The target database is not empty; restoring replaces everything in it. ' +
        'Run again with --yes to confirm.',
    );
}

/**
 * Loads the rows of a checked dump into freshly migrated tables. Foreign keys are dropped for the load
 * and added back after it (which checks every row, as pg_dump's order does); the tables' own triggers
 * (the append-only guard of audit_log) are disabled for the load and enabled again before the
 * transaction ends, so no other session ever sees them off. Neither needs more than table ownership.
 */
async function loadRows(
  tx: Sql,
  file: string,
  checked: CheckedBackup,
  onProgress: (p: TableProgress) => void,
): Promise<void> {
  const schema = new Map((await listTables(tx)).map((t) => [t.name, t]));
  const fks = await listForeignKeys(tx);
  const triggered = await tablesWithTriggers(tx);
  for (const fk of fks)
    await tx.execute(sql.raw(`alter table ${fk.table} drop constraint ${ident(fk.name)}`));
  for (const t of triggered) await tx.execute(sql.raw(`alter table ${qualified(t)} disable trigger user`));

  const sequences = new Set(await listSequences(tx));
  const hash = newHash();
  let table: TableStart | null = null;
  let types: string[] = [];
  let batch: string[] = [];
  let bytes = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await insertTextRows(tx, qualified(table!.name), table!.columns, types, batch);
    count += batch.length;
    onProgress({ table: table!.name, rows: count, done: false });
    [batch, bytes] = [[], 0];
  };
  for await (const line of backupLines(file, false, hash)) {
    if (line.t === 'table') {
      table = line.table;
      count = 0;
      const target = schema.get(table.name);
      const missing = table.columns.filter((c) => !target?.columns.includes(c));
      if (!target || missing.length > 0)
        throw invalid(
          `bảng ${table.name} (${missing.join(', ') || 'cả bảng'}) không có trong lược đồ của tệp`,
        );
      types = table.columns.map((c) => target.types[target.columns.indexOf(c)]!);
    } else if (line.t === 'row') {
      batch.push(line.json);
      bytes += line.json.length;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
    } else if (line.t === 'end') {
      await flush();
      onProgress({ table: line.name, rows: line.rows, done: true });
      table = null;
    } else if (line.t === 'sequences') {
      for (const s of line.values) {
        if (!sequences.has(s.name)) throw invalid(`dãy số ${s.name} không có trong lược đồ của tệp`);
        await tx.execute(
          sql`select setval(${qualified(s.name)}::text::regclass, ${s.lastValue}::text::bigint, ${String(s.isCalled)}::text::boolean)`,
        );
      }
    }
  }
  if (hash.digest('hex') !== checked.digest) throw invalid('tệp đã thay đổi trong khi khôi phục');

  for (const t of triggered) await tx.execute(sql.raw(`alter table ${qualified(t)} enable trigger user`));
  for (const fk of fks)
    await tx.execute(sql.raw(`alter table ${fk.table} add constraint ${ident(fk.name)} ${fk.definition}`));
}
