import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkVersions } from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { loadShippedFrameworks, readShippedFrameworks } from './load-shipped';

describe.each(dbKinds())('shipped index sets (%s)', (kind) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await openTestDatabase(kind);
  });
  afterAll(() => d.close());

  it('loads every shipped set once; loading again adds nothing', async () => {
    const shipped = readShippedFrameworks();
    expect(shipped.length).toBeGreaterThan(0);
    expect(await loadShippedFrameworks(d.db)).toBe(shipped.length);
    expect(await loadShippedFrameworks(d.db)).toBe(0);
    const rows = await d.db
      .select({ code: frameworkVersions.code, year: frameworkVersions.year, n: sql<number>`count(*)::int` })
      .from(frameworkVersions)
      .groupBy(frameworkVersions.code, frameworkVersions.year);
    expect(rows).toHaveLength(shipped.length);
    for (const r of rows) expect(Number(r.n)).toBe(1);
  });
});
