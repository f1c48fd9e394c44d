import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). Cast numbers in SQL: int8 is a string in pg. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Timestamps go to SQL as ISO text cast to timestamptz, the same for both drivers. */
export function isoParam(date: Date): string {
  return date.toISOString();
}

/** pg gives timestamptz columns of raw queries as Date, PGlite too; strings are accepted for safety. */
export function asDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
