import { Worker } from 'node:worker_threads';
import type { PdfTaskAnswer, PdfTaskRequest } from './pdf-worker-tasks';

interface Job {
  request: PdfTaskRequest;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

export interface PdfPoolOptions {
  /** The worker's entry (pdf-worker.mjs; a test gives its own). */
  url: URL;
  /** Workers at most; they start when work comes and stay for the next. */
  size: number;
  /** A task running longer is abandoned: its worker is stopped and the caller gets an error. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** A worker's error as an Error of this thread (its stack still says where it was thrown). */
function errorFrom(answer: Extract<PdfTaskAnswer, { ok: false }>): Error {
  const error = new Error(answer.error.message);
  error.name = answer.error.name;
  if (answer.error.stack) error.stack = answer.error.stack;
  return error;
}

/**
 * A few worker threads that take tasks from one queue, one task per worker at a time. A worker that
 * throws fails only its task; one that dies (or overruns the time limit) fails its task and is
 * replaced by the next task that needs it. Idle workers are unref'd: they never keep the process alive.
 */
export class PdfPool {
  readonly #options: PdfPoolOptions;
  readonly #queue: Job[] = [];
  readonly #slots: Slot[] = [];
  #nextId = 1;
  #closed = false;
  /** Workers started so far (a replaced one counts again). */
  started = 0;

  constructor(options: PdfPoolOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#options.size;
  }

  run(kind: string, input: unknown): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('The PDF worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, kind, input }, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops the workers; tasks still queued or running fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('The PDF worker pool is closed'));
    const slots = this.#slots.splice(0);
    for (const slot of slots) {
      clearTimeout(slot.timer);
      slot.job?.reject(new Error('The PDF worker pool is closed'));
      slot.job = null;
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.find((s) => s.job === null);
      if (!slot) {
        if (this.#slots.length >= this.#options.size) return;
        slot = this.#spawn();
      }
      const job = this.#queue.shift()!;
      slot.job = job;
      // A busy worker keeps the process alive until its caller has the answer.
      slot.worker.ref();
      const running = slot;
      slot.timer = setTimeout(() => {
        this.#drop(
          running,
          new Error(`A PDF task took longer than ${this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`),
        );
        void running.worker.terminate();
      }, this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      slot.timer.unref();
      slot.worker.postMessage(job.request);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(this.#options.url);
    this.started++;
    const slot: Slot = { worker, job: null };
    worker.on('message', (answer: PdfTaskAnswer) => {
      const job = slot.job;
      if (!job || answer.id !== job.request.id) return;
      clearTimeout(slot.timer);
      slot.job = null;
      worker.unref();
      if (answer.ok) job.resolve(answer.result);
      else job.reject(errorFrom(answer));
      this.#dispatch();
    });
    worker.on('error', (err) => this.#drop(slot, err));
    worker.on('exit', (code) => this.#drop(slot, new Error(`A PDF worker stopped (exit code ${code})`)));
    this.#slots.push(slot);
    return slot;
  }

  /** Forgets a dead worker; its task fails and the queue goes on with a new one. */
  #drop(slot: Slot, error: Error): void {
    const at = this.#slots.indexOf(slot);
    if (at < 0) return;
    this.#slots.splice(at, 1);
    clearTimeout(slot.timer);
    slot.worker.unref();
    slot.job?.reject(error);
    slot.job = null;
    if (!this.#closed) this.#dispatch();
  }
}
