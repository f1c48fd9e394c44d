import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { findScenario, loadShippedScenarios, readShippedScenarios } from './scenario-store';

const shippedFiles = readdirSync(new URL('../../../templates/contest/scenarios/', import.meta.url)).filter(
  (f) => f.endsWith('.json'),
);

describe.each(dbKinds())('practice scenarios in the database (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('stores a shipped scenario on first use, and each shipped one once', async () => {
    const found = await findScenario(database.db, 'cantho-2023-phuong');
    expect(found).toMatchObject({ code: 'cantho-2023-phuong', version: 1 });
    expect(found.document.totalPoints).toBe(found.document.tasks.reduce((s, t) => s + t.points, 0));
    // findScenario loaded them all; loading again adds nothing.
    expect(readShippedScenarios()).toHaveLength(shippedFiles.length);
    expect(await loadShippedScenarios(database.db)).toBe(0);
    await expect(findScenario(database.db, 'khong-co')).rejects.toMatchObject({ code: 'not_found' });
  });
});
