import { sql } from 'drizzle-orm';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';
import type { MigrationMark } from './backup-format';
import type { Sql } from './catalog';
import { MIGRATIONS_DIR } from './migrate';
import { queryRows } from './sql-rows';

/** The migrations this release ships, oldest first. */
export function shippedMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
}

/** The migrations recorded in a database, oldest first; null when it was never migrated. */
export async function appliedMigrations(db: Sql): Promise<MigrationMark[] | null> {
  const [table] = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
  );
  if (!table?.exists) return null;
  const list = await queryRows<{ hash: string; createdAt: string }>(
    db,
    sql`select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return list.map((m) => ({ hash: m.hash, createdAt: Number(m.createdAt) }));
}

export type Level = { kind: 'known'; level: number } | { kind: 'newer' } | { kind: 'foreign' };

/**
 * Where a list of applied migrations stands against this release's: a prefix of them (its length is
 * the level), ahead of them (made by a newer release), or another history. Migrations are matched by
 * their timestamp, as drizzle's migrator does; the hash differs when line endings were converted.
 */
export function migrationLevel(applied: MigrationMark[], shipped: MigrationMeta[]): Level {
  for (let i = 0; i < applied.length; i++) {
    if (i >= shipped.length) {
      const last = shipped[shipped.length - 1]?.folderMillis ?? 0;
      return applied[i]!.createdAt > last ? { kind: 'newer' } : { kind: 'foreign' };
    }
    if (applied[i]!.createdAt !== shipped[i]!.folderMillis) return { kind: 'foreign' };
  }
  return { kind: 'known', level: applied.length };
}

/**
 * Applies shipped migrations `from` ≤ i < `to` inside the caller's transaction, recording them as
 * drizzle's migrator does (its own migrator opens a transaction of its own, and a restore has to stay
 * one transaction from the first drop to the last row).
 */
export async function applyMigrations(db: Sql, shipped: MigrationMeta[], from: number, to: number) {
  await db.execute(sql`create schema if not exists drizzle`);
  await db.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const m of shipped.slice(from, to)) {
    for (const stmt of m.sql) if (stmt.trim() !== '') await db.execute(sql.raw(stmt));
    await db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
    );
  }
}
