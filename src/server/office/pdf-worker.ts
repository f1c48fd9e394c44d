import { parentPort } from 'node:worker_threads';
import { PDF_TASKS, type PdfTaskAnswer, type PdfTaskRequest, transferablesOf } from './pdf-worker-tasks';

// A worker thread of the PDF pool (started through pdf-worker.mjs): one task at a time, as the pool
// sends them.
const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs only as a worker thread');

port.on('message', async ({ id, kind, input }: PdfTaskRequest) => {
  let answer: PdfTaskAnswer;
  try {
    const task = PDF_TASKS[kind as keyof typeof PDF_TASKS] as
      | ((input: unknown) => Promise<unknown>)
      | undefined;
    if (!task) throw new Error(`Unknown PDF task ${kind}`);
    answer = { id, ok: true, result: await task(input) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    answer = { id, ok: false, error: { name: error.name, message: error.message, stack: error.stack } };
  }
  port.postMessage(answer, answer.ok ? transferablesOf(answer.result) : []);
});
