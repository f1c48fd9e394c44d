import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDocSection } from '../docs-section';

const HEADING = '## Candidate exam load';

interface Summary {
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Result {
  date: string;
  command: string;
  machine: {
    nproc: number;
    cpu: string;
    memoryGb: number;
    node: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  database: string;
  options: {
    candidates: number;
    db: string;
    durationMinutes: number;
    graceSeconds: number;
    cpuProf: boolean;
    instances?: number;
    killServer?: number[];
    restartPostgres?: number[];
    practice?: boolean;
  };
  crashes?: { kind: string; atSeconds: number; downMs: number }[];
  setupMs: Record<string, number>;
  durationSeconds: number;
  totalRequests: number;
  requestsPerSecond: number;
  requests: Record<string, Summary>;
  saveLatencyByPhase: Record<string, Summary>;
  errors: Record<string, number>;
  candidateProblems: Record<string, number>;
  syncStart: {
    startRequestMs: number;
    waitingAtStart?: number;
    waitingPaperAfterStartSeconds?: { p50: number; p95: number; max: number };
    candidatesWithPaper: number;
    paperAfterStartSeconds: { p50: number; p95: number; max: number };
  };
  verification: {
    candidates: number;
    checked: number;
    lost: number;
    finalised: number;
    finalisedNotOnce: number;
    finalisedBy: Record<string, number>;
    afterGraceLagSeconds: { max: number };
    deadlineLagSeconds: { max: number };
  };
  cpu: {
    serverMsPerRequest: number;
    byPhase: Record<
      string,
      { serverCpuPercent: number; generatorCpuPercent: number; postgresCpuPercent?: number } | null
    >;
  };
  targets: Record<string, boolean>;
  requestsByProcess?: Record<string, number> | null;
  generatorLoopDelayMs?: { p50: number; p99: number; max: number };
  serverHandlerMs?: Record<
    string,
    { count: number; p50: number; p95: number; p99: number; max: number }
  > | null;
}

const table = (head: string[], rows: (string | number)[][]) => {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
};
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const yes = (b: boolean | undefined) => (b ? 'yes' : '**NO**');
const sec = (x: number) => `${Math.round(x * 10) / 10} s`;

/** How the run differs from one server with nothing going wrong. */
function variant(r: Result): string {
  const parts = [];
  if ((r.options.instances ?? 1) > 1) parts.push(`${r.options.instances} instances behind nginx`);
  if (r.options.practice) parts.push('with the practice part');
  for (const c of r.crashes ?? [])
    parts.push(`${c.kind} at +${c.atSeconds} s (back in ${sec(c.downMs / 1000)})`);
  return parts.join('; ') || 'one instance';
}

function latestRuns(dir: string): Result[] {
  const byKey = new Map<string, Result>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Result;
    byKey.set(`${r.options.db}-${r.options.candidates}-${variant(r)}`, r);
  }
  return [...byKey.values()].sort((a, b) =>
    a.options.db === b.options.db
      ? a.options.candidates - b.options.candidates
      : a.options.db === 'pglite'
        ? -1
        : 1,
  );
}

function overview(runs: Result[]): string {
  return table(
    [
      'database',
      'candidates',
      'setup',
      'requests (per s)',
      'save p50 / p95 / p99 ms',
      'save p99 in the server ms',
      'errors',
      'start: last waiting candidate has the paper after',
      'closed after deadline + grace',
      'acked saves lost',
      'server CPU (exam phase)',
      'load avg',
      'p99 < 250, 0 errors, start ≤ 30 s, close ≤ 10 s',
    ],
    runs.map((r) => {
      const s = r.requests.save;
      const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
      const waiting = r.syncStart.waitingPaperAfterStartSeconds ?? r.syncStart.paperAfterStartSeconds;
      return [
        r.options.db === 'pglite' ? 'PGlite' : 'PostgreSQL',
        n(r.options.candidates),
        variant(r),
        `${n(r.totalRequests)} (${n(r.requestsPerSecond)})`,
        s ? `${n(s.p50)} / ${n(s.p95)} / ${n(s.p99)}` : '—',
        n(r.serverHandlerMs?.['POST /api/exam/save']?.p99 ?? Number.NaN).replace('NaN', '—'),
        n(errors),
        `${sec(waiting.max)} (${n(r.syncStart.waitingAtStart ?? r.syncStart.candidatesWithPaper)} waiting)`,
        `${sec(r.verification.afterGraceLagSeconds.max)} (${n(r.verification.finalised)}/${n(r.options.candidates)} final)`,
        `${r.verification.lost} of ${n(r.verification.checked)} checked`,
        `${r.cpu.byPhase.exam?.serverCpuPercent ?? '—'}% (+${r.cpu.byPhase.exam?.generatorCpuPercent ?? '—'}% generator)`,
        `${r.machine.loadAverageStart[0]} → ${r.machine.loadAverageEnd[0]}`,
        [
          r.targets.saveP99Under250ms,
          r.targets.zeroErrors,
          r.syncStart.candidatesWithPaper >= (r.syncStart.waitingAtStart ?? r.options.candidates) &&
            waiting.max <= 30,
          r.targets.finalisedWithin10sAfterGrace,
        ]
          .map(yes)
          .join(', '),
      ];
    }),
  );
}

/**
 * PostgreSQL's CPU in a phase. Runs before the sampler kept the CPU of exited backends could read a
 * negative share when connections closed: that phase has no figure.
 */
function postgresCpu(r: Result, phase: string): string {
  const x = r.cpu.byPhase[phase]?.postgresCpuPercent;
  return r.options.db === 'postgres' && x !== undefined && x >= 0 ? `${x}%` : '—';
}

function details(r: Result): string {
  const kinds = table(
    ['request', 'count', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
    Object.entries(r.requests).map(([k, s]) => [
      k,
      n(s.count),
      s.perSecond,
      s.p50,
      s.p95,
      s.p99,
      n(s.max),
      s.errors,
    ]),
  );
  const phases = table(
    ['phase', 'saves', 'save p50 ms', 'save p99 ms', 'server CPU', 'PostgreSQL CPU', 'generator CPU'],
    Object.entries(r.saveLatencyByPhase).map(([k, s]) => [
      k,
      n(s.count),
      s.p50,
      s.p99,
      `${r.cpu.byPhase[k]?.serverCpuPercent ?? '—'}%`,
      postgresCpu(r, k),
      `${r.cpu.byPhase[k]?.generatorCpuPercent ?? '—'}%`,
    ]),
  );
  const server = r.serverHandlerMs
    ? table(
        ['route (as the server timed it)', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
        Object.entries(r.serverHandlerMs)
          .filter(([, t]) => t.count >= 10)
          .map(([k, t]) => [`\`${k}\``, n(t.count), t.p50, t.p95, t.p99, n(t.max)]),
      )
    : '';
  const lag = r.generatorLoopDelayMs
    ? ` Generator event-loop delay p99 ${r.generatorLoopDelayMs.p99} ms (max ${r.generatorLoopDelayMs.max}).`
    : '';
  const errors =
    Object.entries(r.errors)
      .map(([k, v]) => `${k} × ${v}`)
      .join(', ') || 'none';
  const problems =
    Object.entries(r.candidateProblems)
      .map(([k, v]) => `${k} × ${v}`)
      .join(', ') || 'none';
  const setup = Object.entries(r.setupMs)
    .map(([k, v]) => `${k.replace(/Ms$/, '')} ${n(v)} ms`)
    .join(', ');
  return [
    `<details><summary>${r.database}, ${n(r.options.candidates)} candidates, ${variant(r)}: every request type</summary>`,
    '',
    `Command: \`${r.command}\`. Date: ${r.date}. Machine: ${r.machine.nproc} × ${r.machine.cpu}, ` +
      `${r.machine.memoryGb} GB, Node ${r.machine.node}; exam ${r.options.durationMinutes} min, grace ` +
      `${r.options.graceSeconds} s${r.options.cpuProf ? '; server under --cpu-prof' : ''}.`,
    `Setup through the API: ${setup}. Start request ${n(r.syncStart.startRequestMs)} ms; papers after the ` +
      `start p50 ${r.syncStart.paperAfterStartSeconds.p50} s, p95 ${r.syncStart.paperAfterStartSeconds.p95} s. ` +
      `Finalised by: ${JSON.stringify(r.verification.finalisedBy)}, exactly once: ` +
      `${r.verification.finalisedNotOnce === 0 ? 'yes' : `NO (${r.verification.finalisedNotOnce})`}. ` +
      `Server CPU ${r.cpu.serverMsPerRequest} ms per request on average.${lag}`,
    `Errors: ${errors}. Candidate-side anomalies: ${problems}.` +
      (r.requestsByProcess && Object.keys(r.requestsByProcess).length > 1
        ? ` Requests answered per server process: ${Object.values(r.requestsByProcess).map(n).join(', ')}.`
        : ''),
    '',
    kinds,
    '',
    phases,
    '',
    server,
    '',
    '</details>',
  ].join('\n');
}

/** Rebuilds the "## Candidate exam load" section of docs/benchmarks.md from the latest result of each size. */
export function writeDocs(resultsDir: string, docsFile: string): void {
  const runs = latestRuns(resultsDir);
  const notesFile = join(resultsDir, '..', 'NOTES.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
  const body = [
    notes.split('\n<!-- findings -->')[0] ?? '',
    overview(runs),
    ...runs.map(details),
    notes.split('<!-- findings -->')[1] ?? '',
  ]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n\n');
  writeDocSection(docsFile, HEADING, body);
}
