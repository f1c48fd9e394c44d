import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { appMeta } from './db/schema';

export interface DemoInfo {
  label: string;
  loadedAt: string;
  sources: string[];
}

export async function getMeta<T>(db: Db, key: string): Promise<T | null> {
  const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)).limit(1);
  return (rows[0]?.value as T | undefined) ?? null;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
}
