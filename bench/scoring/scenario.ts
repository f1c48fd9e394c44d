// One scenario in a process of its own, so its peak memory is its own: `core`, `pglite` or `postgres URL`.
// Prints one line `RESULT {json}`; run.ts starts it and collects the figures.
import { coreRecompute, type Measure, measure } from './core';
import { endToEndPglite, endToEndPostgres } from './e2e';
import { benchFramework, benchUnits } from './generate';
import { GcWatch } from './memory';
import { RUNS, UNITS } from './workload';

const [kind, url] = process.argv.slice(2);
const f = benchFramework();
const makeUnits = () => benchUnits(f, UNITS);

let result: unknown;
if (kind === 'core') {
  const units = makeUnits();
  const runs: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    const gc = new GcWatch();
    const { m } = measure(() => coreRecompute(f, units));
    runs.push({ ...m, gcMs: await gc.stop() });
  }
  result = { runs, inputsPerUnit: Object.keys(units[0]!.inputs).length };
} else if (kind === 'pglite') {
  result = await endToEndPglite(f, makeUnits, RUNS);
} else if (kind === 'postgres' && url) {
  result = await endToEndPostgres(url, f, makeUnits, RUNS);
} else {
  throw new Error('usage: scenario.ts core | pglite | postgres <url>');
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`RESULT ${JSON.stringify({ kind, peakRssMb, ...(result as object) })}`);
