export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export interface JobRunner {
  stop(): Promise<void>;
}

/**
 * Runs each job every `everyMs`, never two runs of one job at once; a failing run is logged and the
 * next one comes as usual. State lives in the database, so any instance may run the same jobs.
 */
export function startJobs(jobs: Job[], onError: (job: string, error: unknown) => void): JobRunner {
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<unknown>>();

  const schedule = (job: Job) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = job
        .run()
        .catch((e) => onError(job.name, e))
        .finally(() => {
          running.delete(run);
          schedule(job);
        });
      running.add(run);
    }, job.everyMs);
    timer.unref?.();
    timers.add(timer);
  };
  for (const job of jobs) schedule(job);

  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
