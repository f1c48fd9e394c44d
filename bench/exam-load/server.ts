import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const ADMIN_PASSWORD = 'Bench-Admin-2026';

export interface RunningServer {
  base: string;
  pid: number;
  database: string;
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): number;
  /** Resident memory of the server process in MB. */
  rssMb(): number;
  /** Size of the database and of its attempt_events table, read-only (PGlite: the data directory). */
  databaseSizeMb(): Promise<{ databaseMb: number; attemptEventsMb: number | null }>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const TICKS = 100;
function procStat(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

async function waitReady(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Máy chủ dừng khi khởi động:\n${log()}`);
    try {
      const res = await fetch(`${base}/api/exam/time`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Máy chủ không sẵn sàng sau 180 s:\n${log()}`);
}

/**
 * Starts `thuocdo serve` on a fresh embedded data directory or a fresh PostgreSQL database
 * (`thuocdo_bench_<random>`, dropped on stop), with the demo data (units, question bank).
 * `cpuProfDir` runs the server under `node --cpu-prof`; the profile is written when it stops.
 */
export async function startServer(opts: {
  db: 'pglite' | 'postgres';
  pgUrl: string;
  cpuProfDir?: string;
  /** Writes the server's request log (level info, one JSON line per event) to this file. */
  logFile: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    THUOCDO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    THUOCDO_DEMO: '1',
    LOG_LEVEL: 'info',
    // Every simulated PC shares 127.0.0.1; the limit is per address and số báo danh anyway.
    LOGIN_RATE_LIMIT: '1000',
  };
  let dataDir: string | null = null;
  let dbName: string | null = null;
  let admin: pg.Client | null = null;
  if (opts.db === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'thuocdo-bench-'));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  } else {
    dbName = `thuocdo_bench_${randomBytes(4).toString('hex')}`;
    admin = new pg.Client({ connectionString: opts.pgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(opts.pgUrl);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const args = [
    ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []),
    'bin/thuocdo.mjs',
    'serve',
  ];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  const logStream = createWriteStream(opts.logFile);
  child.stdout!.on('data', (b: Buffer) => logStream.write(b));
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (admin && dbName) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  };
  try {
    await waitReady(base, child, () => output);
  } catch (e) {
    child.kill('SIGKILL');
    await cleanup();
    throw e;
  }
  const pid = child.pid!;
  return {
    base,
    pid,
    database: opts.db === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL',
    cpuSeconds() {
      const f = procStat(pid);
      return (Number(f[11]) + Number(f[12])) / TICKS;
    },
    rssMb() {
      const f = procStat(pid);
      return (Number(f[21]) * 4096) / 1024 / 1024;
    },
    async databaseSizeMb() {
      if (dataDir) {
        const kb = Number(execFileSync('du', ['-sk', dataDir]).toString().split('\t')[0]);
        return { databaseMb: Math.round(kb / 1024), attemptEventsMb: null };
      }
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      try {
        const { rows } = await c.query(
          `select pg_database_size(current_database())::float8 / 1048576 as db,
                  pg_total_relation_size('attempt_events')::float8 / 1048576 as events`,
        );
        return { databaseMb: Math.round(rows[0].db), attemptEventsMb: Math.round(rows[0].events) };
      } finally {
        await c.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await new Promise((r) => logStream.end(r));
      await cleanup();
      if (/error|fatal/i.test(output))
        process.stderr.write(`Nhật ký máy chủ (cuối):\n${output.slice(-4000)}\n`);
    },
  };
}
