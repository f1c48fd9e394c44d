import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { RouteOptions } from 'fastify';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Old windows are swept now and then by whichever instance counts an attempt. */
const SWEEP_EVERY = 500;

/**
 * The login rate limit's counters in the database (table `rate_limits`), one fixed window per key, so
 * that every instance behind a proxy counts the same attempts. One statement per counted request: an
 * upsert that starts a new window when the old one has passed.
 */
export function databaseRateLimitStore(db: Db) {
  let counted = 0;
  class DatabaseStore implements FastifyRateLimitStore {
    /** The plugin passes its options; a route's store (from `child`) counts under the route's prefix. */
    prefix = '';

    incr(key: string, cb: Callback, timeWindow: number) {
      const now = Date.now();
      const start = new Date(now).toISOString();
      const expired = new Date(now - timeWindow).toISOString();
      queryRows<{ hits: number; windowStart: Date | string }>(
        db,
        sql`insert into rate_limits as r (key, window_start, hits)
            values (${this.prefix + key}, ${start}::timestamptz, 1)
            on conflict (key) do update set
              hits = case when r.window_start <= ${expired}::timestamptz then 1 else r.hits + 1 end,
              window_start = case when r.window_start <= ${expired}::timestamptz
                then excluded.window_start else r.window_start end
            returning hits, window_start as "windowStart"`,
      ).then(
        ([row]) => {
          const began = new Date(row!.windowStart).getTime();
          cb(null, { current: row!.hits, ttl: Math.max(0, began + timeWindow - now) });
          if (++counted % SWEEP_EVERY === 0) {
            const old = new Date(now - 24 * 3600_000).toISOString();
            queryRows(db, sql`delete from rate_limits where window_start < ${old}::timestamptz`).catch(
              () => {},
            );
          }
        },
        (e: Error) => cb(e),
      );
    }

    child(routeOptions: RouteOptions & { path: string; prefix: string }): FastifyRateLimitStore {
      // At run time the plugin passes the merged limit settings, the route being under `routeInfo`.
      const route = (routeOptions as { routeInfo?: RouteOptions }).routeInfo ?? routeOptions;
      const store = new DatabaseStore();
      store.prefix = `${String(route.method)} ${route.url}|`;
      return store;
    }
  }
  return DatabaseStore;
}
