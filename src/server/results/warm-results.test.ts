import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleWorld } from '../cycle/testing';
import { ok, throughCouncil } from '../cycle/testing-flow';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';
import { dbKinds } from '../testing/test-db';
import { clearResultsCache, publishedModel } from './load-results';
import { latestPublished, warmIdle, warmVersion } from './warm-results';

describe.each(dbKinds())('results cache warm-up (%s)', (kind) => {
  let t: TestApp;
  let cycleId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const w = await cycleWorld(t);
    cycleId = w.cycleId;
    // Entries that need no evidence (no points claimed where the set names documents); agreed, approved.
    const entries = (i: number): Record<string, object> => ({
      '1.1.1': { inputs: { a: 0, b: 10 } },
      '1.1.2': { inputs: { yes: false } },
      '1.1.3': { notApplicable: 'Chưa thành lập Ban Chỉ đạo' },
      '2.1': { inputs: { yes: i === 0 } },
    });
    await throughCouncil(w, [entries(0), entries(1)]);
    clearResultsCache();
    await ok(w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' }));
  }, 120_000);
  afterAll(() => t.close());

  it('publishing warms the new version in the background: its dashboard is already rendered', async () => {
    await warmIdle();
    const model = await publishedModel(t.database.db, cycleId, 1);
    // One rendered dashboard (the commune level, ranked by the total), kept with the version.
    expect([...model.memo.keys()].some((k) => k.startsWith('public|xa|tong'))).toBe(true);
    expect(model.views.size).toBe(1);
    const viewer = await (async () => {
      await t.addUser('lanhdao', 'viewer');
      return t.login('lanhdao');
    })();
    const res = await viewer.request('GET', `/api/results/cycles/${cycleId}/dashboard?level=xa`);
    expect(res.statusCode).toBe(200);
    // Served from the warmed view: no new view was rendered for it.
    expect(model.views.size).toBe(1);
  });

  it('at start the latest published versions are found and warmed from an empty cache', async () => {
    expect(await latestPublished(t.database.db)).toEqual([{ cycleId, version: 1 }]);
    clearResultsCache();
    await warmVersion(t.database.db, cycleId, 1);
    const model = await publishedModel(t.database.db, cycleId, 1);
    expect(model.views.size).toBe(1);
  });
});
