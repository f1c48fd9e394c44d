import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Measure } from './core';
import type { EndToEnd, RecomputeSample } from './e2e';
import { table, writeSection } from './report';
import { RUNS, UNITS } from './workload';

const CORE_TARGET_MS = 1000;
const E2E_TARGET_MS = 5000;
const args = process.argv.slice(2);
const PG_URL = args.find((a) => a.startsWith('postgres://')) ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** `--baseline-out=FILE`: write the raw figures there and leave docs/benchmarks.md alone. */
const baselineOut = args.find((a) => a.startsWith('--baseline-out='))?.slice('--baseline-out='.length);
const BASELINE = fileURLToPath(new URL('./baseline.json', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

interface Scenario {
  kind: string;
  peakRssMb: number;
  loadBefore: number[];
  loadAfter: number[];
  cpuPressureAfter: string | null;
}
type CoreScenario = Scenario & { runs: Measure[]; inputsPerUnit: number };
type E2eScenario = Scenario & EndToEnd;

/** One scenario in a child process, so peak memory and JIT warm-up are its own. */
function runScenario(...scenarioArgs: string[]): Scenario | null {
  const loadBefore = loadavg().map((x) => Number(x.toFixed(1)));
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(new URL('./scenario.ts', import.meta.url)),
      ...scenarioArgs,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    console.warn(`${scenarioArgs.join(' ')}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return null;
  }
  const loadAfter = loadavg().map((x) => Number(x.toFixed(1)));
  const pressure = existsSync('/proc/pressure/cpu')
    ? (readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0] ?? null)
    : null;
  return { ...JSON.parse(line.slice('RESULT '.length)), loadBefore, loadAfter, cpuPressureAfter: pressure };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Median of the known values; null when none is known (figures recorded before the field existed). */
const medianOrNull = (xs: (number | null | undefined)[]) => {
  const known = xs.filter((x): x is number => typeof x === 'number');
  return known.length ? median(known) : null;
};
const warm = <T>(runs: T[]) => runs.slice(1);
const ms = (x: number | null | undefined) => (x == null ? '–' : Math.round(x).toLocaleString('en-US'));
const ok = (x: number, target: number) => (x < target ? 'yes' : 'NO');

const core = runScenario('core') as CoreScenario | null;
const e2e = [runScenario('pglite'), runScenario('postgres', PG_URL)].filter(
  (x): x is E2eScenario => x !== null,
);
const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const raw = {
  date: new Date().toISOString(),
  command: 'npm run bench:scoring',
  machine,
  core,
  endToEnd: e2e,
};
if (baselineOut) {
  writeFileSync(baselineOut, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`wrote ${baselineOut}`);
  process.exit(0);
}

/** Median wall and CPU of the warm runs, and the first run, per scenario. */
function summary(s: CoreScenario | E2eScenario) {
  if ('inputsPerUnit' in s) {
    const w = warm(s.runs);
    return {
      wall: median(w.map((r) => r.ms)),
      cpu: median(w.map((r) => r.cpuMs)),
      wait: medianOrNull(w.map((r) => r.cpuWaitMs)),
      server: null as number | null,
      firstWall: s.runs[0]!.ms,
      firstCpu: s.runs[0]!.cpuMs,
    };
  }
  const w = warm(s.runs);
  const server = w.map((r) => r.serverCpuMs).filter((x): x is number => x !== null);
  return {
    wall: median(w.map((r) => r.wallMs)),
    cpu: median(w.map((r) => r.cpuMs)),
    wait: medianOrNull(w.map((r) => r.cpuWaitMs)),
    server: server.length ? median(server) : null,
    firstWall: s.runs[0]!.wallMs,
    firstCpu: s.runs[0]!.cpuMs,
  };
}

const steps = (runs: RecomputeSample[]) => {
  const w = warm(runs);
  const wall = `${ms(median(w.map((r) => r.steps.loadMs)))} + ${ms(median(w.map((r) => r.steps.scoreMs)))} + ${ms(median(w.map((r) => r.steps.storeMs)))}`;
  const c = w.map((r) => r.stepsCpu).filter((x) => x !== null);
  const cpu = c.length
    ? `${ms(median(c.map((x) => x.load)))} + ${ms(median(c.map((x) => x.score)))} + ${ms(median(c.map((x) => x.store)))}`
    : '–';
  return { wall, cpu };
};
const met = (m: ReturnType<typeof summary>, target: number) =>
  `wall ${ok(m.wall, target)}; wall − wait ${m.wait === null ? '–' : ok(m.wall - m.wait, target)}; CPU ${ok(m.cpu + (m.server ?? 0), target)}`;
const load = (s: Scenario) => `${s.loadBefore[0]} → ${s.loadAfter[0]}`;

const rows: (string | number)[][] = [];
if (core) {
  const m = summary(core);
  const w = warm(core.runs);
  rows.push([
    'core',
    ms(m.wall),
    ms(m.wait),
    ms(m.wait === null ? null : m.wall - m.wait),
    ms(m.cpu),
    '–',
    `${ms(m.firstWall)} / ${ms(m.firstCpu)}`,
    `< ${ms(CORE_TARGET_MS)}`,
    met(m, CORE_TARGET_MS),
    `GC pauses ${ms(median(w.map((r) => r.gcMs ?? 0)))} ms (wall); retained heap +${median(w.map((r) => r.heapDeltaMb)).toFixed(0)} MB; process peak RSS ${core.peakRssMb.toFixed(0)} MB`,
    load(core),
  ]);
}
for (const s of e2e) {
  const m = summary(s);
  const st = steps(s.runs);
  const heapPeak = Math.max(...s.runs.map((r) => r.heapPeakMb));
  rows.push([
    `end to end, ${s.database}`,
    ms(m.wall),
    ms(m.wait),
    ms(m.wait === null ? null : m.wall - m.wait),
    ms(m.cpu),
    ms(m.server),
    `${ms(m.firstWall)} / ${ms(m.firstCpu)}`,
    `< ${ms(E2E_TARGET_MS)}`,
    met(m, E2E_TARGET_MS),
    `load + score + store: wall ${st.wall}, CPU ${st.cpu} ms; GC pauses ${ms(median(warm(s.runs).map((r) => r.gcMs ?? 0)))} ms (wall); heap ${s.heapBeforeMb.toFixed(0)} → peak ${heapPeak.toFixed(0)} MB, RSS ${s.rssBeforeMb.toFixed(0)} → process peak ${s.peakRssMb.toFixed(0)} MB; seeding inputs ${ms(s.seedMs)} ms wall / ${ms(s.seedCpuMs)} CPU`,
    load(s),
  ]);
}
const head = [
  'scenario',
  'wall ms',
  'waited for a CPU ms',
  'wall − wait ms',
  'CPU ms (this process)',
  'CPU ms (PostgreSQL server)',
  'first run wall / CPU ms',
  'target',
  'met',
  'notes',
  'load avg',
];
const tbl = table(head, rows);
console.log(tbl);

function beforeAfter(): string {
  if (!existsSync(BASELINE)) return '';
  const before = JSON.parse(readFileSync(BASELINE, 'utf8')) as typeof raw;
  const pairs: [string, CoreScenario | E2eScenario | null, CoreScenario | E2eScenario | null][] = [
    ['core', before.core, core],
    ...(['PGlite', 'PostgreSQL'] as const).map(
      (d) =>
        [
          `end to end, ${d}`,
          before.endToEnd.find((x) => x.database === d) ?? null,
          e2e.find((x) => x.database === d) ?? null,
        ] as [string, E2eScenario | null, E2eScenario | null],
    ),
  ];
  const fmt = (s: CoreScenario | E2eScenario | null) => {
    if (!s) return ['–', '–', '–', '–', '–'];
    const m = summary(s);
    const store =
      'runs' in s && !('inputsPerUnit' in s) ? steps((s as E2eScenario).runs) : { wall: '–', cpu: '–' };
    return [
      ms(m.wall),
      ms(m.wait === null ? null : m.wall - m.wait),
      ms(m.cpu + (m.server ?? 0)),
      store.cpu,
      `${s.peakRssMb.toFixed(0)} MB`,
    ];
  };
  const t = table(
    [
      'scenario',
      'before: wall ms',
      'before: wall − wait ms',
      'before: CPU ms (process + server)',
      'before: load + score + store CPU ms (process)',
      'before: peak RSS',
      'after: wall ms',
      'after: wall − wait ms',
      'after: CPU ms (process + server)',
      'after: load + score + store CPU ms (process)',
      'after: peak RSS',
    ],
    pairs.map(([name, b, a]) => [name, ...fmt(b), ...fmt(a)]),
  );
  const loads = (x: typeof raw) =>
    [x.core, ...x.endToEnd]
      .filter((s): s is CoreScenario | E2eScenario => s !== null)
      .map((s) => load(s))
      .join(', ');
  return `Before / after (same harness, medians of ${RUNS - 1} warm runs; "before" = results stored as
jsonb objects keyed by node code through \`jsonb_to_recordset\`, inputs as jsonb, a second index on
\`score_results\`; measured ${before.date.slice(0, 16).replace('T', ' ')} UTC, load average ${loads(before)};
"after" load average ${loads(raw)}):

${t}
`;
}

/**
 * The latest runs, so a reader sees how much the shared machine moves the figures. They are kept in the
 * raw JSON of the published section (Markdown, so no formatter rewrites them) and carried over each time.
 */
function history(): { list: string[][]; text: string } {
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const section = doc.slice(doc.indexOf('## DTI scoring'));
  const previous = section.split('```json\n')[1]?.split('\n```')[0];
  let list: string[][] = [];
  try {
    list = previous ? ((JSON.parse(previous) as { history?: string[][] }).history ?? []) : [];
  } catch {
    list = [];
  }
  const byDatabase = (['PGlite', 'PostgreSQL'] as const).map(
    (d) => e2e.find((x) => x.database === d) ?? null,
  );
  list.push([
    new Date().toISOString().slice(0, 16).replace('T', ' '),
    ...[core, ...byDatabase].map((s) => {
      if (!s) return '–';
      const m = summary(s);
      return `${ms(m.wall)} / ${ms(m.wait === null ? null : m.wall - m.wait)} / ${ms(m.cpu + (m.server ?? 0))}`;
    }),
    [core, ...e2e].map((s) => (s ? s.loadBefore[0] : '–')).join(', '),
  ]);
  list = list.slice(-8);
  const text = table(
    [
      'run (UTC)',
      'core: wall / wall − wait / CPU ms',
      'PGlite: wall / wall − wait / CPU ms',
      'PostgreSQL: wall / wall − wait / CPU ms',
      'load average at start',
    ],
    list,
  );
  return { list, text };
}
const runs = history();

const date = new Date().toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
writeSection(
  DOC,
  `Full recompute of ${UNITS.toLocaleString('en-US')} units × 100 indicators (a generated set: 3 pillars, 11 main
indices, leaves of every rule type including 10 formulas, groups 1–3 with one pillar for group 1 only, ~2%
missing data). "Core" = score, rank overall and per pillar/main index, band, strengths and weaknesses, in
memory. "End to end" = load every unit's inputs from \`score_inputs\`, score, rank and band them, and
replace the run's \`score_results\` in one transaction (\`src/server/scoring/recompute-run.ts\`).

Each scenario runs in a process of its own: one first run (code not yet optimised), then ${RUNS - 1} more; the
table gives the median of those ${RUNS - 1} and the first run apart. The machine is shared: wall time depends on
what else runs (load average before → after each scenario, 2 cores), CPU time much less so. "Waited for a
CPU" is the time the main thread was ready to run while other processes held both cores (Linux
\`schedstat\`); wall − wait estimates the same work on a free machine (for PostgreSQL the server's own
waits are not removed). CPU time is this process's, all threads (PGlite runs inside it; garbage collection
helpers count too), plus for PostgreSQL the server backends' (read from \`/proc\`).
Memory: heap and RSS when the inputs are stored, the peak heap seen during the recomputes (sampled every
5 ms and after each), and the process's peak RSS over its whole life (including generating and seeding
the data set) from \`getrusage\`.

Command: \`npm run bench:scoring\` (\`node --expose-gc --import tsx bench/scoring/run.ts [postgres://…]\`).
Date: ${date}. Machine: ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}. CPU pressure after the
last scenario: \`${e2e.at(-1)?.cpuPressureAfter ?? core?.cpuPressureAfter ?? '–'}\` (share of time some process waited for a CPU).

${tbl}

${beforeAfter()}
Latest runs of this command (medians; CPU includes the PostgreSQL server's), to show the spread:

${runs.text}

What changed, and why (profiled with \`node --cpu-prof\` and timed per step on both databases):
- Storing results was the bottleneck. Each row carried ~115 node codes as a jsonb object, sent as one
  jsonb document per batch and split by \`jsonb_to_recordset\`: the server parsed 20 MB of JSON into jsonb
  twice (document, then every object). Now the columns travel as one array parameter each through
  \`INSERT … SELECT * FROM unnest($1::text[], $2::float8[], …)\`, per-node values are a flat list
  \`[points, max, …]\` in one order kept once per run (\`score_runs.result_layout\`), ranks a list in the
  same way, and these columns are \`json\` (checked, stored as text) rather than \`jsonb\`: nothing queries
  inside them. \`loadResults\` turns them back into records keyed by code.
- \`score_results\` keeps only its primary key: the \`(run_id, rank)\` index was maintained on every full
  replace and a run's 10,000 rows sort in memory in milliseconds. Dropping indexes during the replace was
  not an option: on PostgreSQL that locks the whole table against every reader of every run.
- Inputs are \`json\` too, read as text and parsed with \`JSON.parse\` (no jsonb → text conversion).
  They are written through \`json_to_recordset\` over one JSON parameter per batch, not \`unnest\`: as
  elements of an array parameter, JSON full of quotes is escaped character by character by both drivers
  (seeding 10,000 units took 2.6 s of client CPU on PostgreSQL that way, 0.2 s through one JSON
  document; 3.4 s against 1.4 s on PGlite). Results' JSON holds numbers only, so \`unnest\` suits it.
- COPY would need a new dependency (\`pg-copy-streams\`); \`unnest\` with array parameters works the same
  on PGlite and PostgreSQL.
- Trade-off on PGlite: the replace is one transaction, so readers never see half-replaced results, but
  PGlite runs one query at a time and holds other requests until it commits (the store step above).
  Committing per batch would let requests through in between at the price of a mixed state; a run is
  not recomputed often enough to justify it.
- Core (unchanged here, \`src/core\`): scoring keeps per-node typed arrays and builds a unit's \`nodes\`
  record only when read, and a score is a class so property reads stay monomorphic.
- What is left: loading is now the largest step. About half of it is \`JSON.parse\` building ~1,000,000
  small input objects (\`UnitData.inputs\`), which the garbage collector then has to trace (the GC
  column above); ranking also builds a \`Rank\` object per unit and ranked node (150,000). Both are core
  formats; a core that accepted inputs and returned ranks column-wise (typed arrays per leaf / per node)
  would save most of it.

<details><summary>Raw figures (JSON)</summary>

\`\`\`json
${JSON.stringify({ ...raw, history: runs.list }, null, 2)}
\`\`\`
</details>
`,
);
