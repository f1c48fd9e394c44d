import { availableParallelism } from 'node:os';
import { PdfPool } from './pdf-pool';
import {
  PDF_TASKS,
  type PdfTaskInput,
  type PdfTaskKind,
  type PdfTaskResult,
  reviveBuffers,
} from './pdf-worker-tasks';

/**
 * Workers when not configured: a core is left to the thread that serves requests (and to PGlite, which
 * runs in it), and two are enough for a room being prepared while another sits its exam.
 */
export const defaultPdfWorkers = (): number => Math.min(2, Math.max(1, availableParallelism() - 1));

let configured: number | undefined;
let pool: PdfPool | null = null;

/**
 * Sets how many worker threads render PDFs (THUOCDO_PDF_WORKERS): 0 renders on the main thread, as
 * before the pool existed; undefined takes the default. A running pool is closed and restarts with the
 * new size on the next task.
 */
export async function configurePdfWorkers(count: number | undefined): Promise<void> {
  configured = count;
  await closePdfPool();
}

/** The worker threads that render PDFs: 0 when rendering is in-process. */
export const pdfWorkerCount = (): number => configured ?? defaultPdfWorkers();

/** Stops the workers (on app close); a later task starts them again. */
export async function closePdfPool(): Promise<void> {
  const running = pool;
  pool = null;
  await running?.close();
}

/** Workers started by this process so far (0 while rendering in-process). */
export const pdfWorkersStarted = (): number => pool?.started ?? 0;

/**
 * Runs a PDF task on the worker threads, or in-process when they are turned off. pdfmake and pdf-lib
 * hold the thread for hundreds of milliseconds per file: on the main thread that stalls every request
 * of the instance, candidates' saves and heartbeats included.
 */
export async function runPdfTask<K extends PdfTaskKind>(
  kind: K,
  input: PdfTaskInput<K>,
): Promise<PdfTaskResult<K>> {
  const size = pdfWorkerCount();
  if (size === 0) {
    const task = PDF_TASKS[kind] as (input: PdfTaskInput<K>) => Promise<PdfTaskResult<K>>;
    return task(input);
  }
  pool ??= new PdfPool({ url: new URL('./pdf-worker.mjs', import.meta.url), size });
  return reviveBuffers<PdfTaskResult<K>>(await pool.run(kind, input));
}
