// Entry of a PDF worker thread: the sources are TypeScript, run through tsx as bin/thuocdo.mjs runs
// them. A worker does not inherit loader hooks registered in code, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
