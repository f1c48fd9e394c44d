import { readSubsections, writeDocSection } from '../docs-section';

export interface Stat {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface Row {
  database: 'PGlite' | 'PostgreSQL';
  units: number;
  endpoint: string;
  cold: Stat;
  warm: Stat;
}

/** A publication's warm-up: how long it took, the longest it held the event loop, the first request after. */
export interface WarmRow {
  database: 'PGlite' | 'PostgreSQL';
  units: number;
  warmMs: number;
  longestBlockMs: number;
  firstDashboardMs: number;
  firstPublicPageMs: number;
}

const HEADING = '## Results dashboard and public page';
const INTRO = `\`npm run bench:results\` (PGlite in a temporary directory; \`-- --pg postgres://…\` for PostgreSQL)
writes two published years (this year and last, so the year-over-year change is computed) of 120 and
10,000 department-level units (3 groups, the 100-indicator set of the scoring benchmark) directly into
the database, then times each endpoint through \`app.inject\` (no network). **Cold**: every cache emptied
before the request, so the year is read from \`cycle_snapshots\` and \`cycle_snapshot_details\`, scored by
the engine and the view rendered. **Warm**: the same request again (the rendered JSON is kept per
published version, so a correction is never served stale). Target: p95 under 100 ms for 120 units and
under 500 ms for 10,000.

Cold requests miss the targets: at 120 units the first dashboard of a version takes 110–220 ms p95
(warm: under 40 ms); at 10,000 units 3–7 s to read the year's details (10,000 JSON documents), score
them with the engine and render the first view. The warm dashboard over all 10,000 units stays under
500 ms p95 and is dominated by its size (several megabytes of JSON: every row, heatmap cell and gap).

**Warm-up** (\`results/warm-results.ts\`): after a publication or correction (once its transaction has
committed), and at start for the latest published versions of the last two years, the server loads the
version and renders each level's dashboard, the public year and the public page's rankings in the
background, one step per turn of the event loop and one version at a time. The last tables time it from
empty caches: its duration, the longest it held the event loop (\`monitorEventLoopDelay\`: a request
arriving meanwhile waits at most that long), and the first dashboard and public HTML page requested after
it, which are then warm (at 10,000 units 170–330 ms and 330–450 ms instead of 3–7 s cold). At 120 units
the warm-up holds the loop for a few tens of ms. At 10,000 units its longest step is loading the year
(\`loadPublished\` and \`buildModel\`: parsing 10,000 detail documents and scoring them in one synchronous
pass), which holds the loop for 1.4–4.5 s: the pause a cold request would cause anyway, now taken right
after the publication or the start rather than by a visitor. Splitting that pass into chunks (or running it
on a worker thread) is what would shorten it.

The runs of 24/11/2026 were made on a shared 2-core machine under load (load average 9–18 from other
work): absolute times are higher than on an idle machine; compare rows of the same run.`;

const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function warmSubsection(rows: WarmRow[]): string {
  return [
    `### Warm-up after publication (${rows[0]!.database})`,
    '',
    '| units | warm-up (ms) | longest event-loop block (ms) | first dashboard after it (ms) | first public HTML page after it (ms) |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.units.toLocaleString('en')} | ${f(r.warmMs)} | ${f(r.longestBlockMs)} | ${f(r.firstDashboardMs)} | ${f(r.firstPublicPageMs)} |`,
    ),
  ].join('\n');
}

function subsection(rows: Row[], machine: { cpu: string; cores: number; node: string }): string {
  const db = rows[0]!.database;
  const lines = [
    `### ${db}`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine.cpu} (${machine.cores} cores), Node ${machine.node}. Times in ms.`,
    '',
    '| units | endpoint | cold p50 | cold p95 | cold max | warm p50 | warm p95 | warm max |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.units.toLocaleString('en')} | ${r.endpoint} | ${f(r.cold.p50)} | ${f(r.cold.p95)} | ${f(r.cold.max)} | ${f(r.warm.p50)} | ${f(r.warm.p95)} | ${f(r.warm.max)} |`,
    ),
    '',
    `Samples per endpoint: cold ${rows.map((r) => r.cold.n).join('/')}, warm ${rows.map((r) => r.warm.n).join('/')}.`,
  ];
  return lines.join('\n');
}

/**
 * Writes this database's table into the "Results dashboard and public page" section of
 * docs/benchmarks.md, keeping the other database's table and every other section as they are.
 */
export function writeResultsSection(
  file: string,
  rows: Row[],
  machine: { cpu: string; cores: number; node: string },
  warmRows: WarmRow[] = [],
): void {
  const subs = readSubsections(file, HEADING);
  subs.set(rows[0]!.database, subsection(rows, machine));
  if (warmRows.length > 0)
    subs.set(`Warm-up after publication (${rows[0]!.database})`, warmSubsection(warmRows));
  const ordered = [
    'PGlite',
    'PostgreSQL',
    'Warm-up after publication (PGlite)',
    'Warm-up after publication (PostgreSQL)',
  ]
    .filter((k) => subs.has(k))
    .map((k) => subs.get(k)!);
  writeDocSection(file, HEADING, `${INTRO}\n\n${ordered.join('\n\n')}`);
}
