import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUnit } from '../../core/units/validate-unit';
import { unitLinks, units } from '../db/schema';
import { getMeta } from '../meta';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { buildDemoRegistry, type DepartmentsFile } from './build-demo-registry';
import { loadDemoData } from './load-demo';

const read = (f: string) => readFileSync(new URL(`../../../templates/demo/${f}`, import.meta.url), 'utf8');
const csv2022 = read('cantho-communes-2022.csv');
const csv2025 = read('cantho-communes-2025.csv');
const departments = JSON.parse(read('departments.json')) as DepartmentsFile;

/** The test's own reading of the CSV files (no quoting is used in them). */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .normalize('NFC')
    .trim()
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((cell, i) => [cols[i], cell.trim()])));
}

describe('buildDemoRegistry (templates/demo)', () => {
  const registry = buildDemoRegistry(csv2022, csv2025, departments);
  const byCode = new Map(registry.units.map((u) => [u.code, u]));
  const old = rowsOf(csv2022);
  const fresh = rowsOf(csv2025);

  it('has the 2026 structure: 14 sở and 103 xã/phường in force from 1/7/2025', () => {
    const current = registry.units.filter((u) => u.validFrom === '2025-07-01');
    expect(current.filter((u) => u.level === 'so')).toHaveLength(14);
    expect(current.filter((u) => u.level === 'xa')).toHaveLength(103);
    expect(current.filter((u) => u.level === 'huyen')).toHaveLength(0);
    expect(current.every((u) => u.validTo === null && u.parentCode === null)).toBe(true);
    expect(new Set(current.filter((u) => u.level === 'xa').map((u) => u.code))).toEqual(
      new Set(fresh.map((r) => r.code)),
    );
  });

  it('has the 2022 structure: 9 quận/huyện and 80 communes under them, ended 30/6/2025', () => {
    const ended = registry.units.filter((u) => u.validTo === '2025-06-30');
    const districts = ended.filter((u) => u.level === 'huyen');
    const communes = ended.filter((u) => u.level === 'xa');
    expect(districts).toHaveLength(9);
    expect(communes).toHaveLength(80);
    expect(ended.filter((u) => u.level === 'so')).toHaveLength(departments['2022']!.units.length);
    const districtByName = new Map(districts.map((d) => [d.name, d.code]));
    expect(new Set(districtByName.keys())).toEqual(new Set(old.map((r) => r.district)));
    for (const r of old) {
      const commune = communes.find((c) => c.name === r.name);
      expect(commune, r.name).toBeDefined();
      expect(commune!.parentCode, r.name).toBe(districtByName.get(r.district!));
      expect(commune!.kind).toBe(r.kind);
    }
  });

  it('gives every unit a unique code and passes the registry rules', () => {
    expect(byCode.size).toBe(registry.units.length);
    for (const u of registry.units) {
      expect(validateUnit({ ...u, note: null }), u.code).toEqual([]);
      if (u.parentCode) expect(byCode.get(u.parentCode)?.level, u.code).toBe('huyen');
    }
  });

  it('links only existing codes, from an ended unit to one that starts the day after', () => {
    expect(registry.links.length).toBeGreaterThan(80);
    for (const l of registry.links) {
      const from = byCode.get(l.from);
      const to = byCode.get(l.to);
      expect(from, l.from).toBeDefined();
      expect(to, l.to).toBeDefined();
      expect(from!.validTo).toBe('2025-06-30');
      expect(to!.validFrom).toBe(l.effectiveDate);
      expect(from!.level).toBe(to!.level);
    }
    expect(new Set(registry.links.map((l) => `${l.from}>${l.to}`)).size).toBe(registry.links.length);
  });

  it('links every 2022 commune to exactly the 2026 units its successor_2025 column names', () => {
    const codeOfNew = new Map(fresh.map((r) => [r.name, r.code]));
    for (const r of old) {
      const commune = registry.units.find((u) => u.name === r.name && u.validTo === '2025-06-30')!;
      const expected = r
        .successor_2025!.split(';')
        .map((s) => s.replace(/\(.*\)/, '').trim())
        .map((name) => codeOfNew.get(name));
      expect(expected.every(Boolean), r.name).toBe(true);
      const actual = registry.links.filter((l) => l.from === commune.code).map((l) => l.to);
      expect(actual.length, r.name).toBeGreaterThanOrEqual(1);
      expect(new Set(actual), r.name).toEqual(new Set(expected));
    }
  });

  it('marks a commune divided between successors as split, and links each sở to the ones it absorbed', () => {
    const divided = old.filter((r) => r.successor_2025!.includes(';'));
    expect(divided.length).toBeGreaterThan(0);
    for (const r of divided) {
      const code = registry.units.find((u) => u.name === r.name && u.level === 'xa' && u.validTo)!.code;
      expect(registry.links.filter((l) => l.from === code).map((l) => l.kind)).toEqual(['split', 'split']);
    }
    for (const d of departments['2026']!.units) {
      for (const from of d.from ?? []) {
        expect(registry.links).toContainEqual({
          from,
          to: d.code,
          kind: 'merge',
          effectiveDate: '2025-07-01',
        });
      }
    }
  });
});

describe.each(dbKinds())('loadDemoData (%s)', (kind) => {
  let database: TestDatabase;
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const count = async (table: typeof units | typeof unitLinks) =>
    Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('loads the registry once, marks it as demo data and records it', async () => {
    const registry = buildDemoRegistry(csv2022, csv2025, departments);
    const now = new Date('2026-01-02T03:04:05Z');
    expect(await loadDemoData(database.db, now)).toBe(true);
    expect(await count(units)).toBe(registry.units.length);
    expect(await count(unitLinks)).toBe(registry.links.length);
    const demoFlags = await database.db.select({ isDemo: units.isDemo }).from(units);
    expect(demoFlags.every((u) => u.isDemo)).toBe(true);
    const meta = await getMeta<{ label: string; loadedAt: string }>(database.db, 'demo_data');
    expect(meta?.loadedAt).toBe(now.toISOString());
    expect(meta?.label).toMatch(/danh mục đơn vị Cần Thơ/);

    const parents = await rowsOf<{ child: string; parent: string }>(sql`
      select c.code as child, p.code as parent from units c join units p on p.id = c.parent_id`);
    const parentOf = new Map(parents.map((r) => [r.child, r.parent]));
    for (const u of registry.units.filter((x) => x.parentCode))
      expect(parentOf.get(u.code), u.code).toBe(u.parentCode);

    // One record per kind of demo data loaded (units, question bank, contest…), each exactly once.
    const audits = await rowsOf<{ entity: string; n: number }>(
      sql`select entity, count(*)::int as n from audit_log where action = 'load_demo' group by entity`,
    );
    expect(audits.map((a) => a.entity)).toContain('unit');
    expect(
      audits.every((a) => Number(a.n) === 1),
      JSON.stringify(audits),
    ).toBe(true);
    // The demo includes two published years: a slow machine needs more than the default 30 s.
  }, 120_000);

  it('opens a demo cycle with units at every stage, each consistent with its state', async () => {
    const states = await rowsOf<{ state: string; n: number }>(
      sql`select state, count(*)::int as n from cycle_units
        where cycle_id = (select id from cycles where year = 2026) group by state order by state`,
    );
    expect(states.map((s) => s.state)).toEqual(['draft', 'returned', 'submitted']);
    // A submitted unit has every applicable indicator awaiting review; a draft unit none.
    const mismatched = await rowsOf<{ unit_id: string }>(sql`
      select cu.unit_id from cycle_units cu
      where cu.cycle_id = (select id from cycles where year = 2026) and (cu.state = 'draft') = exists (
        select 1 from cycle_entries e
        where e.cycle_id = cu.cycle_id and e.unit_id = cu.unit_id and e.review is not null)`);
    expect(mismatched).toEqual([]);
    const [locked] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from framework_versions where year = 2026 and locked_at is not null`,
    );
    expect(Number(locked!.n)).toBe(2);
  });

  it('does nothing the second time', async () => {
    const before = [await count(units), await count(unitLinks)];
    expect(await loadDemoData(database.db)).toBe(false);
    expect([await count(units), await count(unitLinks)]).toEqual(before);
    const meta = await getMeta<{ loadedAt: string }>(database.db, 'demo_data');
    expect(meta?.loadedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('does not load into a registry that already has units of its own', async () => {
    const other = await openTestDatabase(kind);
    try {
      await other.db
        .insert(units)
        .values({ code: 'OWN', name: 'Phường Riêng', level: 'xa', kind: 'phường', validFrom: '2025-07-01' });
      expect(await loadDemoData(other.db)).toBe(false);
      const rows = await other.db.select({ code: units.code }).from(units);
      expect(rows.map((r) => r.code)).toEqual(['OWN']);
      expect(await getMeta(other.db, 'demo_data')).toBeNull();
    } finally {
      await other.close();
    }
  });
});
