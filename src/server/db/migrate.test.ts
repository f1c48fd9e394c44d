import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { migrateDatabase } from './migrate';
import { units } from './schema';

describe.each(dbKinds())('migrations (%s)', (kind) => {
  let database: TestDatabase;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

  /** The shape of the schema: columns, indexes, functions, triggers and applied migrations. */
  const schemaShape = async () => ({
    columns: await rows(sql`
      select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
      where table_schema = 'public' order by table_name, column_name`),
    indexes: await rows(
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
    ),
    functions: await rows(sql`
      select p.proname, p.provolatile from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname in ('vn_fold', 'audit_log_append_only') order by p.proname`),
    triggers: await rows(sql`select tgname from pg_trigger where not tgisinternal order by tgname`),
    migrations: await rows(
      sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`,
    ),
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('is idempotent: migrating an up-to-date database changes nothing and keeps the data', async () => {
    await database.db
      .insert(units)
      .values({ code: 'KEEP', name: 'Phường Giữ', level: 'xa', kind: 'phường', validFrom: '2025-07-01' });
    const before = await schemaShape();
    expect(before.migrations.length).toBeGreaterThanOrEqual(2);
    await migrateDatabase(database, database.url);
    await migrateDatabase(database, database.url);
    expect(await schemaShape()).toEqual(before);
    const kept = await database.db.select({ code: units.code }).from(units);
    expect(kept.map((u) => u.code)).toEqual(['KEEP']);
  });

  it('vn_fold removes Vietnamese diacritics and lowers the case', async () => {
    const [r] = await rows<{ a: string; b: string; c: string | null }>(
      sql`select vn_fold('Đặng Quốc Việt') as a, vn_fold('PHƯỜNG Ô MÔN, Huyện Cờ Đỏ') as b, vn_fold(null) as c`,
    );
    expect(r).toEqual({ a: 'dang quoc viet', b: 'phuong o mon, huyen co do', c: null });
  });

  it('vn_fold is IMMUTABLE, so expression indexes may use it', async () => {
    const fns = await rows<{ provolatile: string }>(sql`
      select p.provolatile from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = 'vn_fold'`);
    expect(fns).toEqual([{ provolatile: 'i' }]);
  });

  it('has trigram indexes on folded unit and user names, which the planner uses', async () => {
    const indexes = await rows<{ indexname: string; indexdef: string }>(sql`
      select indexname, indexdef from pg_indexes where indexname in ('units_name_fold_trgm', 'users_name_fold_trgm') order by indexname`);
    expect(indexes.map((i) => i.indexname)).toEqual(['units_name_fold_trgm', 'users_name_fold_trgm']);
    for (const i of indexes) {
      expect(i.indexdef).toMatch(/USING gin/i);
      expect(i.indexdef).toMatch(/vn_fold/);
      expect(i.indexdef).toMatch(/gin_trgm_ops/);
    }
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const res = (await tx.execute(
        sql`explain select id from units where vn_fold(name) like '%an binh%'`,
      )) as unknown as {
        rows: Record<string, string>[];
      };
      return res.rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toMatch(/units_name_fold_trgm/);
  });
});
