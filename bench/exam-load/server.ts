import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { type RunningProxy, startProxy } from './proxy';

export const ADMIN_PASSWORD = 'Bench-Admin-2026';

export interface RunningServer {
  base: string;
  database: string;
  /** CPU seconds (user + system) the server processes have used so far (killed ones included). */
  cpuSeconds(): number;
  /** Resident memory of the server processes in MB. */
  rssMb(): number;
  /** Size of the database and of its attempt_events table, read-only (PGlite: the data directory). */
  databaseSizeMb(): Promise<{ databaseMb: number; attemptEventsMb: number | null }>;
  /**
   * `kill -9` of instance `i`, then the same command on the same port and database, as an operator or
   * systemd restarts it. Resolves once it answers again, with the time it was unreachable.
   */
  crash(i: number): Promise<{ downMs: number }>;
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

/**
 * CPU seconds used so far by this machine's PostgreSQL processes (server and backends), for runs on
 * PostgreSQL: its share of the two cores is part of the cost of a request.
 */
const postgresSeen = new Map<string, number>();

export function postgresCpuSeconds(): number {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!text.includes('(postgres)')) continue;
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      postgresSeen.set(pid, (Number(f[11]) + Number(f[12])) / TICKS);
    } catch {
      // gone meanwhile
    }
  }
  // Backends that have exited keep the CPU they were last seen with, so the total never goes down.
  let total = 0;
  for (const cpu of postgresSeen.values()) total += cpu;
  return total;
}
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

async function waitReady(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Máy chủ dừng khi khởi động:\n${log()}`);
    try {
      const res = await fetch(`${base}/api/exam/time`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Máy chủ không sẵn sàng sau 180 s:\n${log()}`);
}

/** One statement on a connection of its own: a PostgreSQL restart during the run must not break it. */
async function adminQuery(url: string, statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** One `thuocdo serve` process on a fixed port; `spawn` again after a crash. */
class Instance {
  child!: ChildProcess;
  output = '';
  /** CPU of processes that are gone (crashed), so totals survive a restart. */
  deadCpu = 0;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly args: string[],
    private readonly log: WriteStream,
  ) {}

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  async spawn() {
    this.child = spawn(process.execPath, this.args, {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Whole lines only, so that the logs of several instances can share one file.
    createInterface({ input: this.child.stdout! }).on('line', (l) => this.log.write(`${l}\n`));
    this.child.stderr!.on('data', (b: Buffer) => {
      this.output = (this.output + b.toString()).slice(-20_000);
    });
    await waitReady(this.base, this.child, () => this.output);
  }

  cpuSeconds() {
    const f = this.child.pid ? procStat(this.child.pid) : null;
    return this.deadCpu + (f ? (Number(f[11]) + Number(f[12])) / TICKS : 0);
  }

  rssMb() {
    const f = this.child.pid ? procStat(this.child.pid) : null;
    return f ? (Number(f[21]) * 4096) / 1024 / 1024 : 0;
  }

  async kill9() {
    this.deadCpu = this.cpuSeconds();
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * Starts `thuocdo serve` on a fresh embedded data directory or a fresh PostgreSQL database
 * (`thuocdo_bench_<random>`, dropped on stop), with the demo data (units, question bank). With
 * `instances` > 1 (PostgreSQL only) as many processes share the database behind a round-robin nginx,
 * as `docs/deployment.md` describes. `cpuProfDir` runs the server under `node --cpu-prof`.
 */
export async function startServer(opts: {
  db: 'pglite' | 'postgres';
  pgUrl: string;
  cpuProfDir?: string;
  /** Writes the servers' request log (level info, one JSON line per event) to this file. */
  logFile: string;
  instances: number;
}): Promise<RunningServer> {
  if (opts.instances > 1 && opts.db !== 'postgres')
    throw new Error('Nhiều tiến trình cần PostgreSQL (--db postgres): CSDL nhúng chỉ mở được một tiến trình');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    THUOCDO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    THUOCDO_DEMO: '1',
    LOG_LEVEL: 'info',
    // Every simulated PC shares 127.0.0.1; the limit is per address and số báo danh anyway.
    LOGIN_RATE_LIMIT: '1000',
    TRUST_PROXY: opts.instances > 1 ? '1' : '0',
  };
  let dataDir: string | null = null;
  let dbName: string | null = null;
  if (opts.db === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'thuocdo-bench-'));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  } else {
    dbName = `thuocdo_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(opts.pgUrl, `create database ${dbName}`);
    const url = new URL(opts.pgUrl);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const args = [
    ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []),
    'bin/thuocdo.mjs',
    'serve',
  ];
  const logStream = createWriteStream(opts.logFile);
  const instances: Instance[] = [];
  let proxy: RunningProxy | null = null;
  const cleanup = async () => {
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await new Promise((r) => logStream.end(r));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dbName) await adminQuery(opts.pgUrl, `drop database if exists ${dbName} with (force)`);
  };
  try {
    // One after the other: the first migrates and loads the demo data, the others find it done.
    for (let i = 0; i < opts.instances; i++) {
      const instance = new Instance(await freePort(), env, args, logStream);
      instances.push(instance);
      await instance.spawn();
    }
    if (instances.length > 1)
      proxy = await startProxy(
        instances.map((i) => i.port),
        await freePort(),
      );
  } catch (e) {
    await cleanup();
    throw e;
  }
  return {
    base: proxy?.base ?? instances[0]!.base,
    database: opts.db === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL',
    cpuSeconds: () => instances.reduce((s, i) => s + i.cpuSeconds(), 0),
    rssMb: () => instances.reduce((s, i) => s + i.rssMb(), 0),
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
    async crash(i) {
      const instance = instances[i]!;
      const down = performance.now();
      await instance.kill9();
      await instance.spawn();
      return { downMs: Math.round(performance.now() - down) };
    },
    async stop() {
      const outputs = instances.map((i) => i.output).join('\n');
      await cleanup();
      if (/error|fatal/i.test(outputs))
        process.stderr.write(`Nhật ký máy chủ (cuối):\n${outputs.slice(-4000)}\n`);
    },
  };
}
