import { parseArgs } from 'node:util';
import { ensureAdmin } from '../server/bootstrap-admin';
import { openDatabase } from '../server/db/client';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { migrateDatabase } from '../server/db/migrate';
import { loadDemoData } from '../server/demo/load-demo';
import { readEnv } from '../server/env';
import { startServer } from '../server/start';
import { runBackupCommand } from './backup';
import { runScore } from './score';

const HELP = `thuocdo — Thước Đo

Lệnh / commands:
  serve                 chạy máy chủ (mặc định) / start the server
  migrate               áp dụng các bản di chuyển CSDL / apply database migrations
  create-admin          tạo tài khoản admin nếu chưa có; --password đặt mật khẩu / ensure the admin account
  load-demo             nạp dữ liệu mẫu vào danh mục trống / load demo data into an empty registry
  score                 chấm điểm từ tệp, không cần máy chủ / score units from files (score --help)
  backup --out TỆP      sao lưu toàn bộ CSDL vào một tệp / back up the whole database (backup --help)
  restore --in TỆP      khôi phục từ tệp sao lưu; --yes để thay CSDL đã có dữ liệu / restore a backup
  help                  hướng dẫn này / this help

Cấu hình qua biến môi trường: PORT, HOST, DATA_DIR, DATABASE_URL, DATABASE_POOL_SIZE, THUOCDO_ADMIN_PASSWORD,
THUOCDO_DEMO, THUOCDO_SECRET, THUOCDO_PDF_WORKERS, TRUST_PROXY, COOKIE_SECURE, SESSION_HOURS, LOGIN_RATE_LIMIT, LOG_LEVEL, SMTP_URL,
SMTP_FROM, PUBLIC_URL (xem README).`;

async function withDatabase<T>(
  fn: (db: Awaited<ReturnType<typeof openDatabase>>, env: ReturnType<typeof readEnv>) => Promise<T>,
) {
  const env = readEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateDatabase(database, env.DATABASE_URL);
    return await fn(database, env);
  } finally {
    await database.close();
  }
}

async function serve() {
  const env = readEnv();
  const started = await startServer(env);
  const { admin } = started;
  const where =
    started.database.kind === 'pglite'
      ? `CSDL nhúng (PGlite) tại ${env.DATA_DIR}`
      : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `Thước Đo đang chạy tại ${started.url}  (${where})`,
    started.demoLoaded ? 'Đã nạp dữ liệu mẫu (demo) lần đầu.' : '',
    admin.password
      ? `Đăng nhập / login: ${admin.username} / ${admin.password}${admin.created && !env.THUOCDO_ADMIN_PASSWORD ? '  (đổi mật khẩu ở lần đăng nhập đầu)' : ''}`
      : `Đăng nhập / login: ${admin.username} (mật khẩu đã đặt trước đó; đặt THUOCDO_ADMIN_PASSWORD để đặt lại)`,
    '',
  ].filter((l, i, all) => l !== '' || i === 0 || i === all.length - 1);
  console.log(lines.join('\n'));
  const shutdown = async (signal: string) => {
    console.log(`Nhận ${signal}, đang dừng…`);
    await started.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main() {
  if (process.argv[2] === 'score') {
    process.exitCode = await runScore(process.argv.slice(3));
    return;
  }
  if (process.argv[2] === 'backup' || process.argv[2] === 'restore') {
    process.exitCode = await runBackupCommand(process.argv[2], process.argv.slice(3));
    return;
  }
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { password: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = values.help ? 'help' : (positionals[0] ?? 'serve');
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return withDatabase(async (d) => console.log(`Đã áp dụng các bản di chuyển (${d.kind}).`));
    case 'create-admin':
      return withDatabase(async (d, env) => {
        const admin = await ensureAdmin(d.db, values.password ?? env.THUOCDO_ADMIN_PASSWORD);
        console.log(
          admin.password ? `admin / ${admin.password}` : 'Tài khoản admin đã có; dùng --password để đặt lại.',
        );
      });
    case 'load-demo':
      return withDatabase(async (d) =>
        console.log((await loadDemoData(d.db)) ? 'Đã nạp dữ liệu mẫu.' : 'Bỏ qua: danh mục đã có dữ liệu.'),
      );
    case 'help':
      console.log(HELP);
      return;
    default:
      console.error(`Lệnh không hợp lệ: ${command}\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main().catch((e) => {
  if (e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
