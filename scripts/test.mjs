// `npm test`: type check, lint, unit + integration tests (Vitest), build, browser tests (Playwright),
// and a small exam load with a server crash.
// Ends with one line "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromiumMissingMessage } from './chromium.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('.tmp', { recursive: true });

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const missing = chromiumMissingMessage();
if (missing) {
  console.error(`\n${missing}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['biome', 'check', '.']);

rmSync('.tmp/vitest.json', { force: true });
const vitestOk = run('unit + integration', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.tmp/vitest.json',
]);
const v = readJson('.tmp/vitest.json');
if (v) {
  results.passed += v.numPassedTests;
  results.failed += v.numFailedTests;
  results.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (!vitestOk && (!v || v.numFailedTests === 0)) {
  results.failed++;
  failures.push('vitest (run failed)');
} else if (v?.numFailedTests) failures.push('vitest');

if (run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  check('exam page size', 'node', ['scripts/exam-bundle-size.mjs']);
  rmSync('.tmp/playwright.json', { force: true });
  const e2eOk = run('browser', 'npx', ['playwright', 'test']);
  const p = readJson('.tmp/playwright.json');
  if (p) {
    results.passed += p.stats.expected + (p.stats.flaky ?? 0);
    results.failed += p.stats.unexpected;
    results.skipped += p.stats.skipped;
    if (p.stats.unexpected) failures.push('playwright');
  }
  if (!e2eOk && (!p || p.stats.unexpected === 0)) {
    results.failed++;
    failures.push('playwright (run failed)');
  }
} else {
  results.failed++;
  failures.push('build');
}

// A small sitting played over HTTP against a real server that is killed (-9) and restarted mid-exam:
// every acknowledged answer must be in the database afterwards and every attempt finalised once.
// The full-size runs are documented commands (docs/benchmarks.md).
const crashRun = (db, extra = []) => [
  '--import',
  'tsx',
  'bench/exam-load/run.ts',
  '--candidates',
  '200',
  '--db',
  db,
  '--duration',
  '2',
  '--login-spread',
  '20',
  '--start-after',
  '5',
  '--kill-server',
  '40',
  '--check',
  '--no-docs',
  '--results',
  '.tmp/exam-load',
  ...extra,
];
check('exam load with kill -9 (PGlite)', 'node', crashRun('pglite'));
if (process.env.TEST_DATABASE_URL) {
  check(
    'exam load with kill -9 (PostgreSQL)',
    'node',
    crashRun('postgres', ['--pg-url', process.env.TEST_DATABASE_URL]),
  );
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
if (!existsSync('.tmp')) mkdirSync('.tmp');
console.log(
  `${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`,
);
process.exit(results.failed > 0 ? 1 : 0);
