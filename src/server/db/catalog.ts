import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { queryRows } from './sql-rows';

/** A database handle or a transaction: both run raw SQL. */
export type Sql = Pick<Db, 'execute'>;

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (table: string) => `public.${ident(table)}`;

export interface TableInfo {
  name: string;
  /** Stored columns in table order (generated columns are recomputed, never dumped). */
  columns: string[];
  /** Each column's type without modifiers (`character varying`, `text[]`), for casts from text. */
  types: string[];
  primaryKey: string[];
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Not created by an extension (pg_trgm, unaccent): those are the extension's to manage. */
const notFromExtension = (classId: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${classId}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/** The application's tables in the public schema, each after the tables it references. */
export async function listTables(db: Sql): Promise<TableInfo[]> {
  const cols = await queryRows<{ table: string; column: string; type: string }>(
    db,
    sql.raw(`
      select c.relname as "table", a.attname as "column", format_type(a.atttypid, null) as "type"
      from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relispartition
        and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        and ${notFromExtension('pg_class', 'c.oid')}
      order by c.relname, a.attnum`),
  );
  const pks = await queryRows<{ table: string; column: string }>(
    db,
    sql.raw(`
      select c.relname as "table", a.attname as "column"
      from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
      where i.indisprimary and c.relnamespace = 'public'::regnamespace
      order by c.relname, array_position(i.indkey::int2[], a.attnum)`),
  );
  const refs = await queryRows<{ table: string; target: string }>(
    db,
    sql.raw(`
      select distinct conrelid::regclass::text as "table", confrelid::regclass::text as "target"
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`),
  );
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    const t = tables.get(c.table) ?? { name: c.table, columns: [], types: [], primaryKey: [] };
    t.columns.push(c.column);
    t.types.push(c.type);
    tables.set(c.table, t);
  }
  for (const p of pks) tables.get(p.table)?.primaryKey.push(p.column);
  return referencedFirst([...tables.values()], refs);
}

/** Topological order by foreign keys (a self-reference does not count), ties by name. */
function referencedFirst(tables: TableInfo[], refs: { table: string; target: string }[]): TableInfo[] {
  const unquote = (n: string) => n.replace(/^public\./, '').replace(/^"(.*)"$/, '$1');
  const needs = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const r of refs) {
    const [from, to] = [unquote(r.table), unquote(r.target)];
    if (from !== to && needs.has(to)) needs.get(from)?.add(to);
  }
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (pending.length > 0) {
    // A cycle of references (none today) is broken by taking the first pending table.
    const i = Math.max(
      0,
      pending.findIndex((t) => [...needs.get(t.name)!].every((n) => done.has(n))),
    );
    const [t] = pending.splice(i, 1);
    ordered.push(t!);
    done.add(t!.name);
  }
  return ordered;
}

export async function listForeignKeys(db: Sql): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    db,
    sql.raw(`
      select conrelid::regclass::text as "table", conname as "name", pg_get_constraintdef(oid) as "definition"
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace
      order by 1, 2`),
  );
}

/** Tables with triggers of their own (not the internal ones that enforce foreign keys). */
export async function tablesWithTriggers(db: Sql): Promise<string[]> {
  const list = await queryRows<{ table: string }>(
    db,
    sql.raw(`
      select distinct c.relname as "table" from pg_trigger g join pg_class c on c.oid = g.tgrelid
      where not g.tgisinternal and c.relnamespace = 'public'::regnamespace order by 1`),
  );
  return list.map((r) => r.table);
}

export async function listSequences(db: Sql): Promise<string[]> {
  const list = await queryRows<{ name: string }>(
    db,
    sql.raw(`
      select c.relname as "name" from pg_class c
      where c.relkind = 'S' and c.relnamespace = 'public'::regnamespace and ${notFromExtension('pg_class', 'c.oid')}
      order by 1`),
  );
  return list.map((r) => r.name);
}

/**
 * Drops everything the migrations made in the public schema (tables with their sequences and
 * triggers, views, functions, types) and drizzle's record of them; extensions stay.
 */
export async function dropApplicationObjects(db: Sql): Promise<void> {
  const ns = `'public'::regnamespace`;
  const drops = await queryRows<{ stmt: string }>(
    db,
    sql.raw(`
      select 'drop view if exists ' || c.oid::regclass::text || ' cascade' as stmt from pg_class c
        where c.relnamespace = ${ns} and c.relkind in ('v', 'm') and ${notFromExtension('pg_class', 'c.oid')}
      union all
      select 'drop table if exists ' || c.oid::regclass::text || ' cascade' from pg_class c
        where c.relnamespace = ${ns} and c.relkind in ('r', 'p') and ${notFromExtension('pg_class', 'c.oid')}`),
  );
  for (const { stmt } of drops) await db.execute(sql.raw(stmt));
  // Listed once the tables are gone: sequences owned by a column went with their table, and a
  // function an index used is no longer needed by anything.
  const later = await queryRows<{ stmt: string }>(
    db,
    sql.raw(`
      select 'drop sequence if exists ' || c.oid::regclass::text || ' cascade' as stmt from pg_class c
        where c.relnamespace = ${ns} and c.relkind = 'S' and ${notFromExtension('pg_class', 'c.oid')}
      union all
      select 'drop routine if exists ' || p.oid::regprocedure::text || ' cascade' from pg_proc p
        where p.pronamespace = ${ns} and ${notFromExtension('pg_proc', 'p.oid')}
      union all
      select 'drop type if exists ' || t.oid::regtype::text || ' cascade' from pg_type t
        where t.typnamespace = ${ns} and t.typtype in ('e', 'd', 'r', 'm')
          and ${notFromExtension('pg_type', 't.oid')}`),
  );
  for (const { stmt } of later) await db.execute(sql.raw(stmt));
  await db.execute(sql.raw('drop schema if exists drizzle cascade'));
}
