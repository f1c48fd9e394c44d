import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TableProgress } from '../server/db/backup';
import { writeBackup } from '../server/db/backup';
import { BackupError } from '../server/db/backup-format';
import { type Database, openDatabase } from '../server/db/client';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { restoreBackup } from '../server/db/restore';
import { type Env, readEnv } from '../server/env';

export const BACKUP_HELP = `thuocdo backup --out TỆP
  Sao lưu toàn bộ CSDL (PGlite trong DATA_DIR, hoặc PostgreSQL khi có DATABASE_URL) vào một tệp .gz.
  Với PostgreSQL có thể sao lưu khi máy chủ đang chạy; với CSDL nhúng phải dừng máy chủ trước.
  Backs up the whole database; PostgreSQL can be backed up live, the embedded one only when stopped.

thuocdo restore --in TỆP [--yes]
  Khôi phục tệp sao lưu vào CSDL đang cấu hình (PGlite hoặc PostgreSQL, bất kể nguồn).
  CSDL đã có dữ liệu chỉ bị thay thế khi có --yes. Hãy dừng mọi máy chủ dùng CSDL này trước.
  Restores into the configured database (either kind); a non-empty one is replaced only with --yes.`;

export interface BackupIo {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: BackupIo = { out: (t) => console.log(t), err: (t) => console.error(t) };
const num = (n: number) => n.toLocaleString('vi-VN');

/** Table-by-table progress on stderr: a line per table, and a running count every few seconds. */
function progressPrinter(io: BackupIo) {
  let last = Date.now();
  return (p: TableProgress) => {
    const now = Date.now();
    if (!p.done && now - last < 3000) return;
    last = now;
    io.err(`  ${p.table.padEnd(24)} ${num(p.rows).padStart(12)} dòng / rows${p.done ? '' : ' …'}`);
  };
}

function describe(env: Env): string {
  return env.DATABASE_URL
    ? `PostgreSQL (${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname})`
    : `PGlite (DATA_DIR=${resolve(env.DATA_DIR)})`;
}

async function open(env: Env, purpose: 'backup' | 'restore'): Promise<Database> {
  if (!env.DATABASE_URL && purpose === 'backup' && !existsSync(join(resolve(env.DATA_DIR), 'pg')))
    throw new BackupError(
      'database_not_initialised',
      `Không có CSDL nhúng trong ${resolve(env.DATA_DIR)} (đặt DATA_DIR hoặc DATABASE_URL). / ` +
        'No embedded database in DATA_DIR.',
    );
  try {
    return await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    const what = purpose === 'backup' ? 'sao lưu' : 'khôi phục';
    throw new DataDirLockedError(
      `${e.message}\nKhông thể ${what} CSDL nhúng khi máy chủ Thước Đo đang mở nó: hãy dừng \`thuocdo serve\` ` +
        `rồi chạy lại (hoặc dùng PostgreSQL để sao lưu khi đang chạy). / The embedded database cannot be ` +
        `${purpose === 'backup' ? 'backed up' : 'restored'} while a server has it open: stop the server and run this again.`,
    );
  }
}

/** `thuocdo backup` and `thuocdo restore`; returns the exit code. */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  args: string[],
  opts: { env?: Env; io?: BackupIo } = {},
): Promise<number> {
  const io = opts.io ?? consoleIo;
  let values: { out?: string; in?: string; yes?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        in: { type: 'string' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${BACKUP_HELP}`);
    return 2;
  }
  if (values.help) {
    io.out(BACKUP_HELP);
    return 0;
  }
  const file = command === 'backup' ? values.out : values.in;
  if (!file || (command === 'backup' && (values.in || values.yes)) || (command === 'restore' && values.out)) {
    io.err(`Thiếu hoặc sai tham số / missing or wrong option.\n\n${BACKUP_HELP}`);
    return 2;
  }
  let database: Database | undefined;
  const started = Date.now();
  const seconds = () =>
    `${((Date.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} s`;
  try {
    const env = opts.env ?? readEnv();
    if (command === 'backup') {
      io.err(`Sao lưu / backup: ${describe(env)} → ${resolve(file)}`);
      database = await open(env, 'backup');
      const s = await writeBackup(database, resolve(file), progressPrinter(io));
      const size =
        s.bytes < 1024 * 1024
          ? `${Math.ceil(s.bytes / 1024)} KB`
          : `${(s.bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
      io.err(`Đã sao lưu / done: ${s.tables.length} bảng, ${num(s.rows)} dòng, ${size}, ${seconds()}.`);
    } else {
      io.err(`Khôi phục / restore: ${resolve(file)} → ${describe(env)}`);
      if (!existsSync(file)) throw new BackupError('backup_invalid', `Không tìm thấy tệp ${resolve(file)}`);
      database = await open(env, 'restore');
      let announced = '';
      const print = progressPrinter(io);
      const s = await restoreBackup(database, resolve(file), {
        replace: values.yes === true,
        onProgress: (p) => {
          if (p.step !== announced) {
            announced = p.step;
            io.err(p.step === 'check' ? 'Kiểm tra tệp / checking the file:' : 'Nạp dữ liệu / loading:');
          }
          // The check reads the whole file first: only its running counts are worth showing.
          if (p.step === 'load' || !p.done) print(p);
        },
      });
      io.err(
        `Đã khôi phục / restored: ${s.tables.length} bảng, ${num(s.rows)} dòng (sao lưu lúc ${s.header.createdAt} ` +
          `từ ${s.header.source}, phiên bản ${s.header.app})` +
          (s.migrated > 0
            ? `; đã áp dụng thêm ${s.migrated} bản di chuyển / ${s.migrated} migrations applied`
            : '') +
          `, ${seconds()}.`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof BackupError || e instanceof DataDirLockedError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database?.close();
  }
}
