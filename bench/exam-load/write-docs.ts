import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocs } from './report';

/** Rebuilds the "## Candidate exam load" section of docs/benchmarks.md from results/ without a run. */
const here = dirname(fileURLToPath(import.meta.url));
writeDocs(join(here, 'results'), join(here, '../../docs/benchmarks.md'));
