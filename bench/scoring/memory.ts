import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Highest heap and RSS while something runs. A timer only fires when the event loop is free (during
 * database round trips), so `stop()` takes a last reading too: a synchronous peak in between (scoring)
 * is caught by RSS only insofar as the memory is still held; the process-wide `maxRSS` bounds it.
 */
export class MemoryWatch {
  heap = 0;
  rss = 0;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(everyMs = 5) {
    this.#read();
    this.#timer = setInterval(() => this.#read(), everyMs);
  }

  #read() {
    const m = process.memoryUsage();
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
    if (m.rss > this.rss) this.rss = m.rss;
  }

  stop(): { heap: number; rss: number } {
    clearInterval(this.#timer);
    this.#read();
    return { heap: this.heap, rss: this.rss };
  }
}

/** Time spent in garbage collection (main-thread pauses reported by V8) while something runs. */
export class GcWatch {
  ms = 0;
  readonly #observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.ms += e.duration;
  });

  constructor() {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Entries are delivered asynchronously: wait a tick before reading the total. */
  async stop(): Promise<number> {
    await new Promise((r) => setTimeout(r, 0));
    this.#observer.disconnect();
    return this.ms;
  }
}

/**
 * Main-thread time on a CPU and time spent runnable but waiting for one (Linux `schedstat`, in ms); null
 * elsewhere. On a shared machine, wall time minus the wait is what the same work takes with a free CPU.
 */
export function mainThreadSched(): { runMs: number; waitMs: number } | null {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    return null;
  }
}
