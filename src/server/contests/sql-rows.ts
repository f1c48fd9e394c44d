import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Rows of a raw query (both drivers answer `{ rows }`); cast counts `::int` in SQL. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
