import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/core/exam/random';
import { loadCycle } from '../../src/server/cycle/cycle-context';
import { type ReviewItem, reviewEntries } from '../../src/server/cycle/review-entry';
import { createScaleCycle, writeDraftsInBulk } from '../../src/server/cycle/scale-cycle';
import { submitUnit } from '../../src/server/cycle/submit-unit';
import { openBenchDb, pgUrlArg } from '../bench-db';
import { readSubsections, writeDocSection } from '../docs-section';
import { table } from '../scoring/report';

/**
 * Reviewers' decisions at the scale of a city: N communes (default 120) × 60 indicators, every unit
 * submitted, then (1) one request that agrees with every indicator of every unit, as "Thống nhất" over
 * the whole review queue does, and (2) one request per unit of its 60 indicators. Each request is one
 * transaction with its audit rows and the units' states.
 * Usage: npm run bench:cycle-review [-- --units 120] [-- --pg postgres://…] [-- --no-docs]
 */
const args = process.argv.slice(2);
const unitsArg = args.indexOf('--units');
const UNITS = unitsArg >= 0 ? Number(args[unitsArg + 1]) : 120;
const HEADING = '## DTI cycle review';
const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

const { database, name, cleanup } = await openBenchDb('cycle_review', pgUrlArg(args));
const loadBefore = loadavg()[0]!.toFixed(1);
let row: (string | number)[];
try {
  const db = database.db;
  const t0 = performance.now();
  const cycle = await createScaleCycle(db, UNITS);
  const ctx = await loadCycle(db, cycle.cycleId);
  const random = seededRandom('bench-cycle-review');
  for (const [i, unitId] of cycle.unitIds.entries()) {
    await writeDraftsInBulk(db, cycle, i, random);
    await submitUnit(db, { id: null, username: `bc-${i}`, ip: null }, ctx, unitId, new Date());
  }
  log(
    `${name}: ${UNITS} units × ${cycle.leaves.length} indicators submitted in ${Math.round(performance.now() - t0)} ms`,
  );

  const agree = (unitId: string): ReviewItem[] =>
    cycle.leaves.map((l) => ({ unitId, code: l.code, action: { action: 'agree' } }));
  const everything = cycle.unitIds.flatMap(agree);
  const t1 = performance.now();
  await reviewEntries(db, cycle.actors.reviewer, ctx, everything, new Date());
  const wholeMs = performance.now() - t1;
  log(`${name}: ${everything.length} agreements in one request: ${Math.round(wholeMs)} ms`);

  // The same decisions again, a unit at a time (agreeing anew with an agreed indicator is allowed).
  const perUnit: number[] = [];
  for (const unitId of cycle.unitIds) {
    const t = performance.now();
    await reviewEntries(db, cycle.actors.reviewer, ctx, agree(unitId), new Date());
    perUnit.push(performance.now() - t);
  }
  const ms = (x: number) => Math.round(x).toLocaleString('en-US');
  log(`${name}: per unit p50 ${ms(pct(perUnit, 50))} ms, p95 ${ms(pct(perUnit, 95))} ms`);
  row = [
    name,
    UNITS,
    everything.length.toLocaleString('en-US'),
    ms(wholeMs),
    `${ms(pct(perUnit, 50))} / ${ms(pct(perUnit, 95))} / ${ms(Math.max(...perUnit))}`,
  ];
} finally {
  await cleanup();
}

const head = [
  'database',
  'units',
  'decisions',
  'all in one request, ms',
  'one unit (60), p50 / p95 / max ms',
];
const tbl = table(head, [row]);
console.log(tbl);
if (!args.includes('--no-docs')) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const subs = readSubsections(DOC, HEADING);
  subs.set(
    name,
    `### ${name}\n\n${tbl}\n\nMachine: ${machine}; load average ${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after (${new Date().toISOString().slice(0, 10)}).`,
  );
  const intro = `A reviewer agrees with submitted indicators in bulk. Measured by \`npm run bench:cycle-review\`
(\`bench/cycle-review/\`, add \`-- --pg postgres://…\` for PostgreSQL): ${UNITS} communes × 60 indicators
(\`src/server/cycle/scale-cycle.ts\`), every unit submitted, then one request agreeing with all of
them and one request per unit. A request is one transaction: the decisions, one audit row each and
the units' states. Agreements are written by one statement per request and the audit rows a thousand
per statement; before that (one UPDATE and one audit INSERT per decision) the same run took 7.9 s on
PGlite and 5.1 s on PostgreSQL for all in one request, and 60 ms and 37 ms (p50) per unit (2026-11-24).`;
  writeDocSection(
    DOC,
    HEADING,
    `${intro}\n\n${['PGlite', 'PostgreSQL'].flatMap((k) => (subs.has(k) ? [subs.get(k)!] : [])).join('\n\n')}`,
  );
  console.log(`wrote ${DOC}`);
}
