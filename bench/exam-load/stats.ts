/** Latency samples per request kind, errors by kind, and a per-second timeline of the run. */

export interface Sample {
  /** Milliseconds since the run's origin when the request was sent. */
  at: number;
  ms: number;
}

export interface Summary {
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: Sample[], errors: number, windowMs: number): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const sum = ms.reduce((a, b) => a + b, 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: ms.length,
    errors,
    perSecond: round(windowMs > 0 ? (ms.length * 1000) / windowMs : 0),
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    p99: round(percentile(ms, 99)),
    max: round(ms.at(-1) ?? 0),
    mean: round(ms.length ? sum / ms.length : 0),
  };
}

export class Recorder {
  readonly samples = new Map<string, Sample[]>();
  readonly errors = new Map<string, number>();
  readonly errorsByRoute = new Map<string, number>();
  /** When each failed request was sent (ms since the origin), for the timeline. */
  readonly errorTimes: { at: number; kind: string; reason: string }[] = [];

  constructor(public origin: number) {}

  ok(kind: string, sentAt: number, ms: number): void {
    let list = this.samples.get(kind);
    if (!list) {
      list = [];
      this.samples.set(kind, list);
    }
    list.push({ at: sentAt - this.origin, ms });
  }

  error(kind: string, reason: string, sentAt: number): void {
    this.errorTimes.push({ at: Math.round(sentAt - this.origin), kind, reason });
    this.errors.set(reason, (this.errors.get(reason) ?? 0) + 1);
    this.errorsByRoute.set(kind, (this.errorsByRoute.get(kind) ?? 0) + 1);
  }

  /** Samples of a kind sent within [from, to) milliseconds of the origin. */
  between(kind: string, from: number, to: number): Sample[] {
    return (this.samples.get(kind) ?? []).filter((s) => s.at >= from && s.at < to);
  }

  summaries(windowMs: number): Record<string, Summary> {
    const out: Record<string, Summary> = {};
    for (const [kind, list] of [...this.samples].sort(([a], [b]) => a.localeCompare(b))) {
      out[kind] = summarise(list, this.errorsByRoute.get(kind) ?? 0, windowMs);
    }
    for (const [kind, n] of this.errorsByRoute) {
      if (!out[kind]) out[kind] = summarise([], n, windowMs);
    }
    return out;
  }

  /** Requests, p99 of every kind together and the slowest kind, per `bucketMs`. */
  timeline(bucketMs: number): { t: number; requests: number; p99: number; saveP99: number }[] {
    const buckets = new Map<number, { all: number[]; save: number[] }>();
    for (const [kind, list] of this.samples) {
      for (const s of list) {
        const key = Math.floor(s.at / bucketMs);
        let b = buckets.get(key);
        if (!b) {
          b = { all: [], save: [] };
          buckets.set(key, b);
        }
        b.all.push(s.ms);
        if (kind === 'save') b.save.push(s.ms);
      }
    }
    return [...buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, b]) => ({
        t: (key * bucketMs) / 1000,
        requests: b.all.length,
        p99: Math.round(
          percentile(
            b.all.sort((x, y) => x - y),
            99,
          ),
        ),
        saveP99: Math.round(
          percentile(
            b.save.sort((x, y) => x - y),
            99,
          ),
        ),
      }));
  }
}
