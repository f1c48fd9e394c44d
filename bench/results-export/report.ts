import { readSubsections, writeDocSection } from '../docs-section';

export interface ExportRow {
  database: 'PGlite' | 'PostgreSQL';
  units: number;
  rows: number;
  bytes: number;
  seconds: number;
  baseline: { rss: number; heap: number };
  peak: { rss: number; heap: number };
  samples: number;
}

/** The machine, and how busy it was when the run started (times depend on it; memory does not). */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  load: number;
}

const HEADING = '## Results export (detail workbook)';
const INTRO = `\`npm run bench:results-export\` (PGlite in a temporary directory; \`-- --pg postgres://…\` for
PostgreSQL) writes one published year of 1,000 and then 10,000 department-level units on a 100-indicator
set (every indicator applies to every unit) directly into the database, starts the server on a local port
and downloads \`GET /api/results/cycles/:id/exports/detail.xlsx\` over HTTP, reading the body as it
arrives: one row per unit and indicator. The export reads the snapshot's details 200 units at a time
(by primary key), scores each page with the engine, commits every row to ExcelJS's streaming writer
and waits for the reply to drain before the next page. Memory is sampled every 10 ms and on every
received chunk, in the same process (server, database and client): **baseline** after the year is
written and a forced GC, **peak** during the download. Flat memory means the peak above the baseline
does not grow with the number of units: in the runs below it is a few tens of MB for both 1,000 and
10,000 units. Time grows linearly and is spent in ExcelJS (row XML and deflate); cell styles halve its
speed, so the detail workbook has none. Times depend on how busy the machine was (load average).`;

const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
const delta = (b: number) => (b < 0 ? `−${mb(-b)}` : `+${mb(b)}`);

function subsection(rows: ExportRow[], machine: Machine): string {
  return [
    `### ${rows[0]!.database}`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine.cpu} (${machine.cores} cores, load average ${machine.load.toFixed(1)} at the start), Node ${machine.node}. Memory in MB.`,
    '',
    '| units | rows | file | time | rows/s | RSS baseline → peak (+Δ) | heap baseline → peak (+Δ) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.units.toLocaleString('en')} | ${r.rows.toLocaleString('en')} | ${mb(r.bytes)} MB | ${r.seconds.toFixed(1)} s | ` +
        `${Math.round(r.rows / r.seconds).toLocaleString('en')} | ${mb(r.baseline.rss)} → ${mb(r.peak.rss)} (${delta(r.peak.rss - r.baseline.rss)}) | ` +
        `${mb(r.baseline.heap)} → ${mb(r.peak.heap)} (${delta(r.peak.heap - r.baseline.heap)}) |`,
    ),
  ].join('\n');
}

/** Writes this database's table into the section of docs/benchmarks.md, keeping everything else. */
export function writeExportSection(file: string, rows: ExportRow[], machine: Machine): void {
  const subs = readSubsections(file, HEADING);
  subs.set(rows[0]!.database, subsection(rows, machine));
  const ordered = ['PGlite', 'PostgreSQL'].filter((k) => subs.has(k)).map((k) => subs.get(k)!);
  writeDocSection(file, HEADING, `${INTRO}\n\n${ordered.join('\n\n')}`);
}
