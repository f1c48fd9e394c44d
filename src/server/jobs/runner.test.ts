import { describe, expect, it } from 'vitest';
import { startJobs } from './runner';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('job runner', () => {
  it('never overlaps runs of a job, survives a failing run and stops after the run under way', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const errors: string[] = [];
    const runner = startJobs(
      [
        {
          name: 'slow',
          everyMs: 5,
          run: async () => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            runs++;
            await sleep(20);
            running--;
            if (runs === 1) throw new Error('lỗi lần đầu');
          },
        },
      ],
      (job, e) => errors.push(`${job}: ${(e as Error).message}`),
    );
    await sleep(120);
    await runner.stop();
    const afterStop = runs;
    expect(running).toBe(0);
    await sleep(50);
    expect(runs).toBe(afterStop);
    expect(runs).toBeGreaterThan(1);
    expect(maxRunning).toBe(1);
    expect(errors).toEqual(['slow: lỗi lần đầu']);
  });
});
