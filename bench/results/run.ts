import { cpus } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/password';
import { users } from '../../src/server/db/schema';
import { testEnv } from '../../src/server/env';
import { insertVersion } from '../../src/server/framework/create-version';
import { clearPublicPages } from '../../src/server/http/public/routes';
import { clearResultsCache } from '../../src/server/results/load-results';
import { clearPublicCache } from '../../src/server/results/public-results';
import { warmVersion } from '../../src/server/results/warm-results';
import { openBenchDb, pgUrlArg } from '../bench-db';
import { benchFramework } from '../scoring/generate';
import { type Row, type WarmRow, writeResultsSection } from './report';
import { seedPublishedYear, seedUnits } from './seed';

/**
 * Dashboard and public-page latency on published results of 120 and 10,000 units (each with last year's
 * results, so the year-over-year change is computed too), through `app.inject`: cold (every cache empty,
 * the year loaded and scored from the database) and warm (the same request again).
 * Usage: npm run bench:results [-- --pg postgres://…] [-- --no-docs]
 */
const args = process.argv.slice(2);
const pgUrl = pgUrlArg(args);
const SIZES = [120, 10_000];
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function time(app: FastifyInstance, url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return ms;
}

const { database, name, cleanup } = await openBenchDb('results', pgUrl);
const rows: Row[] = [];
const warmRows: WarmRow[] = [];
try {
  const db = database.db;
  const f = benchFramework();
  const fvId = await insertVersion(db, { id: null, username: 'bench', ip: null }, f, { action: 'bench' });
  await db.insert(users).values({
    username: 'lanhdao',
    fullName: 'Lãnh đạo (đo hiệu năng)',
    role: 'viewer',
    passwordHash: await hashPassword('Bench-2026-ThuocDo'),
  });
  const app = await buildApp({ env: testEnv({ LOGIN_RATE_LIMIT: 1000 }), db, dbKind: database.kind });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'lanhdao', password: 'Bench-2026-ThuocDo' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;

  for (const [k, n] of SIZES.entries()) {
    const year = 2040 + 2 * k;
    const s0 = performance.now();
    const units = await seedUnits(db, `B${n}`, n);
    await seedPublishedYear(db, f, fvId, units, year - 1, 7 + k);
    const cycleId = await seedPublishedYear(db, f, fvId, units, year, 42 + k);
    log(`${name}: ${n} đơn vị, hai năm công bố ghi trong ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    const dash = `/api/results/cycles/${cycleId}/dashboard`;
    const endpoints: { label: string; url: string; auth: boolean }[] = [
      { label: 'dashboard, all groups, total', url: `${dash}?level=so`, auth: true },
      {
        label: 'dashboard, group 1, main index 1.2',
        url: `${dash}?level=so&group=1&by=main:1.2`,
        auth: true,
      },
      { label: 'unit profile', url: `/api/results/cycles/${cycleId}/units/${units[n >> 1]!.id}`, auth: true },
      { label: 'public page (year)', url: `/api/public/results/${year}`, auth: false },
      {
        label: 'public page (unit)',
        url: `/api/public/results/${year}/units/${units[n >> 1]!.code}`,
        auth: false,
      },
      { label: 'public HTML page (year)', url: `/cong-khai/dti/${year}`, auth: false },
      { label: 'public HTML page (unit)', url: `/cong-khai/dti/${year}/${units[n >> 1]!.code}`, auth: false },
    ];
    const coldRuns = n > 1000 ? 3 : 10;
    const warmRuns = n > 1000 ? 100 : 300;
    for (const e of endpoints) {
      const c = e.auth ? cookie : '';
      const cold: number[] = [];
      for (let i = 0; i < coldRuns; i++) {
        clearResultsCache();
        clearPublicCache();
        clearPublicPages();
        cold.push(await time(app, e.url, c));
      }
      const warm: number[] = [];
      for (let i = 0; i < warmRuns; i++) warm.push(await time(app, e.url, c));
      const row: Row = {
        database: name,
        units: n,
        endpoint: e.label,
        cold: { n: cold.length, p50: pct(cold, 50), p95: pct(cold, 95), max: Math.max(...cold) },
        warm: { n: warm.length, p50: pct(warm, 50), p95: pct(warm, 95), max: Math.max(...warm) },
      };
      rows.push(row);
      log(
        `${name} ${n} ${e.label}: cold p50 ${row.cold.p50.toFixed(1)} p95 ${row.cold.p95.toFixed(1)} max ${row.cold.max.toFixed(1)} ms; ` +
          `warm p50 ${row.warm.p50.toFixed(2)} p95 ${row.warm.p95.toFixed(2)} max ${row.warm.max.toFixed(2)} ms`,
      );
    }
    // The warm-up after a publication, from empty caches, and the first requests after it.
    clearResultsCache();
    clearPublicCache();
    clearPublicPages();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const w0 = performance.now();
    await warmVersion(db, cycleId, 1);
    const warmMs = performance.now() - w0;
    loop.disable();
    const warmRow: WarmRow = {
      database: name,
      units: n,
      warmMs,
      longestBlockMs: loop.max / 1e6,
      firstDashboardMs: await time(app, `${dash}?level=so`, cookie),
      firstPublicPageMs: await time(app, `/cong-khai/dti/${year}`, ''),
    };
    warmRows.push(warmRow);
    log(
      `${name} ${n} warm-up ${warmMs.toFixed(0)} ms, longest block ${warmRow.longestBlockMs.toFixed(0)} ms; ` +
        `first dashboard ${warmRow.firstDashboardMs.toFixed(1)} ms, first public page ${warmRow.firstPublicPageMs.toFixed(1)} ms`,
    );
  }
  await app.close();
} finally {
  await cleanup();
}
if (!args.includes('--no-docs')) {
  writeResultsSection(
    join(process.cwd(), 'docs/benchmarks.md'),
    rows,
    {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
    },
    warmRows,
  );
  log('docs/benchmarks.md: mục "Results dashboard and public page" đã cập nhật');
}
