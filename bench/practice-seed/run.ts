import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeDocSection } from '../docs-section';
import { table } from '../scoring/report';

/**
 * Seeds the practice sandboxes of a session of N candidates (default 100) on PGlite twice, in fresh
 * processes: with PDFs rendered on the main thread (THUOCDO_PDF_WORKERS=0, as before the PDF workers)
 * and on the PDF workers (the default), and writes the figures to docs/benchmarks.md.
 * Usage: npm run bench:practice-seed [-- --attempts=100] [-- --no-docs]
 */
const args = process.argv.slice(2);
const attempts = Number(args.find((a) => a.startsWith('--attempts='))?.slice('--attempts='.length) ?? 100);
const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

interface Result {
  workers: number;
  attempts: number;
  totalMs: number;
  perAttemptMs: number;
  loopDelay: { p50: number; p99: number; max: number };
  mainThreadBusy: number;
  probe: { count: number; p50: number; p99: number; max: number };
}

function measure(workers: string | undefined): Result {
  const env = { ...process.env };
  if (workers === undefined) delete env.THUOCDO_PDF_WORKERS;
  else env.THUOCDO_PDF_WORKERS = workers;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./seed.ts', import.meta.url)), String(attempts)],
    { encoding: 'utf8', env, maxBuffer: 16 * 2 ** 20 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line)
    throw new Error(`seeding with THUOCDO_PDF_WORKERS=${workers ?? '(default)'} failed:\n${child.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as Result;
}

const loadBefore = loadavg()[0]!.toFixed(1);
const runs = [
  { label: 'main thread (THUOCDO_PDF_WORKERS=0)', result: measure('0') },
  { label: 'PDF workers (default)', result: measure(undefined) },
];
const loadAfter = loadavg()[0]!.toFixed(1);
const f = (x: number) => Math.round(x).toLocaleString('en-US');
const rows = runs.map(({ label, result: r }) => [
  label,
  r.workers,
  (r.totalMs / 1000).toFixed(1),
  f(r.perAttemptMs),
  `${f(r.loopDelay.p50)} / ${f(r.loopDelay.p99)} / ${f(r.loopDelay.max)}`,
  `${Math.round(r.mainThreadBusy * 100)} %`,
  `${f(r.probe.p50)} / ${f(r.probe.p99)} / ${f(r.probe.max)}`,
]);
const tbl = table(
  [
    'rendering',
    'workers',
    'seeding s',
    'ms per attempt',
    'event-loop delay p50 / p99 / max ms',
    'main thread busy',
    'a save meanwhile p50 / p99 / max ms',
  ],
  rows,
);
console.log(tbl);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
const body = `Preparing a session seeds every attempt's practice sandbox, and each seeding renders the
candidate's draft with pdfmake (the scenario's incoming documents and attachments are rendered once
and cached). Measured by \`npm run bench:practice-seed\` (\`bench/practice-seed/\`): ${attempts}
attempts with distinct candidate names on a fresh PGlite, each mode in its own process, the worker
threads started cold. "Event-loop delay" is \`monitorEventLoopDelay\` on the main thread during the
seeding (beyond its 10 ms sampling); "a save meanwhile" is a small query arriving every 100 ms, timed
from its arrival to its answer, as a candidate of another room sitting the exam would see it.

${tbl}

Machine: ${machine}; load average ${loadBefore} before, ${loadAfter} after (${new Date().toISOString().slice(0, 10)}).

- On the main thread, the seeding holds the event loop in one piece for the whole run (hence a p50
  of 0 and a p99 equal to the run): every request of the instance waits until the room is prepared.
  With the PDF workers the main thread only reads, stores and copies bytes; requests are answered
  within the figures above.
- The seeding itself took ${(runs[1]!.result.totalMs / 1000).toFixed(1)} s with the workers against ${(runs[0]!.result.totalMs / 1000).toFixed(1)} s
  on the main thread: the worker starts cold, and with one worker on this machine the rendering is
  no more parallel than before while the main thread and the worker share the cores with whatever
  else runs (see the load average). What the workers buy is an instance that keeps answering.
- \`THUOCDO_PDF_WORKERS\` sets the number of worker threads (default one per core less one, at most
  2; \`0\` renders on the main thread). Attempts are seeded one more at a time than there are workers,
  so one reads and stores while the others render.
`;
if (!args.includes('--no-docs')) {
  writeDocSection(DOC, '## Practice sandbox seeding', body);
  console.log(`wrote ${DOC}`);
}
