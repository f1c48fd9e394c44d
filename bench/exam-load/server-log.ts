import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { percentile } from './stats';

export interface ServerTiming {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const route = (method: string, url: string) =>
  `${method} ${url.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')}`;

/**
 * Handler time as the server itself measured it (Fastify's `responseTime`, from the request's arrival
 * in the event loop to the reply), per route, for requests that completed within [fromEpoch, toEpoch].
 * The gap to the generator's latency is time spent before the server's event loop took the request.
 * Also counts the requests each server process answered (several instances behind a proxy).
 */
export async function serverTimings(file: string, fromEpoch: number, toEpoch: number) {
  const urls = new Map<string, string>();
  const times = new Map<string, number[]>();
  const byProcess: Record<string, number> = {};
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    let entry: {
      reqId?: string;
      req?: { method: string; url: string };
      responseTime?: number;
      time?: number;
      pid?: number;
    };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!entry.reqId) continue;
    // Request ids restart in each process; several instances share the log.
    const id = `${entry.pid}|${entry.reqId}`;
    if (entry.req) urls.set(id, route(entry.req.method, entry.req.url));
    else if (
      entry.responseTime !== undefined &&
      entry.time &&
      entry.time >= fromEpoch &&
      entry.time <= toEpoch
    ) {
      const key = urls.get(id) ?? '?';
      urls.delete(id);
      const pid = String(entry.pid);
      byProcess[pid] = (byProcess[pid] ?? 0) + 1;
      let list = times.get(key);
      if (!list) {
        list = [];
        times.set(key, list);
      }
      list.push(entry.responseTime);
    }
  }
  const out: Record<string, ServerTiming> = {};
  const r = (x: number) => Math.round(x * 10) / 10;
  for (const [key, list] of [...times].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a - b);
    out[key] = {
      count: list.length,
      p50: r(percentile(list, 50)),
      p95: r(percentile(list, 95)),
      p99: r(percentile(list, 99)),
      max: r(list.at(-1) ?? 0),
    };
  }
  return { routes: out, requestsByProcess: byProcess };
}
