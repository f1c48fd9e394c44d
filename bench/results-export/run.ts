import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/password';
import { users } from '../../src/server/db/schema';
import { testEnv } from '../../src/server/env';
import { insertVersion } from '../../src/server/framework/create-version';
import { openBenchDb, pgUrlArg } from '../bench-db';
import { seedPublishedYear, seedUnits } from '../results/seed';
import { benchFramework } from '../scoring/generate';
import { type ExportRow, writeExportSection } from './report';

/**
 * Detail workbook export of 1,000 and 10,000 units × 100 indicators over HTTP, with time, rows/s and
 * peak memory against the baseline. Usage: npm run bench:results-export [-- --pg postgres://…] [-- --no-docs]
 */
const args = process.argv.slice(2);
const pgUrl = pgUrlArg(args);
const SIZES = [1_000, 10_000];
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const gc = (globalThis as { gc?: () => void }).gc;
const loadAtStart = loadavg()[0]!;

/** Highest RSS and heap seen while `run` is going: every 10 ms and whenever `sample` is called. */
function memoryPeak() {
  const peak = { rss: 0, heap: 0 };
  let samples = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    samples++;
  };
  const timer = setInterval(sample, 10);
  const stop = () => {
    clearInterval(timer);
    return samples;
  };
  return { peak, sample, stop };
}

const { database, name, cleanup } = await openBenchDb('export', pgUrl);
const rows: ExportRow[] = [];
try {
  const db = database.db;
  // Every indicator applies to every group: 100 rows per unit.
  const f = benchFramework();
  f.nodes = f.nodes.map(({ applicability: _, ...n }) => n);
  const fvId = await insertVersion(db, { id: null, username: 'bench', ip: null }, f, { action: 'bench' });
  await db.insert(users).values({
    username: 'lanhdao',
    fullName: 'Lãnh đạo (đo hiệu năng)',
    role: 'viewer',
    passwordHash: await hashPassword('Bench-2026-ThuocDo'),
  });
  const app = await buildApp({ env: testEnv({ LOGIN_RATE_LIMIT: 1000 }), db, dbKind: database.kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lanhdao', password: 'Bench-2026-ThuocDo' }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;

  for (const [k, n] of SIZES.entries()) {
    const s0 = performance.now();
    const units = await seedUnits(db, `E${n}`, n);
    const cycleId = await seedPublishedYear(db, f, fvId, units, 2050 + k, 42 + k);
    log(`${name}: ${n} đơn vị × 100 chỉ số ghi trong ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    gc?.();
    const b = process.memoryUsage();
    const baseline = { rss: b.rss, heap: b.heapUsed };
    const mem = memoryPeak();
    const t0 = performance.now();
    const res = await fetch(`${base}/api/results/cycles/${cycleId}/exports/detail.xlsx`, {
      headers: { cookie },
    });
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
    let bytes = 0;
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.byteLength;
      mem.sample();
    }
    const seconds = (performance.now() - t0) / 1000;
    const samples = mem.stop();
    const row: ExportRow = {
      database: name,
      units: n,
      rows: n * 100,
      bytes,
      seconds,
      baseline,
      peak: mem.peak,
      samples,
    };
    rows.push(row);
    const mb = (x: number) => (x / 1024 / 1024).toFixed(0);
    log(
      `${name} ${n} đơn vị: ${row.rows} dòng, ${mb(bytes)} MB trong ${seconds.toFixed(1)} s ` +
        `(${Math.round(row.rows / seconds)} dòng/s); RSS ${mb(baseline.rss)} → ${mb(mem.peak.rss)} MB, ` +
        `heap ${mb(baseline.heap)} → ${mb(mem.peak.heap)} MB (${samples} mẫu)`,
    );
  }
  await app.close();
} finally {
  await cleanup();
}
if (!args.includes('--no-docs')) {
  writeExportSection(join(process.cwd(), 'docs/benchmarks.md'), rows, {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    load: loadAtStart,
  });
  log('docs/benchmarks.md: mục "Results export (detail workbook)" đã cập nhật');
}
