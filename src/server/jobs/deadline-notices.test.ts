import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import {
  cycleEntries,
  cycleExtensions,
  cycles,
  cycleUnits,
  notifications,
  type StoredWindows,
  units,
  users,
} from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { notifyApproachingDeadlines } from './deadline-notices';

const HOUR = 3600_000;
const NOW = new Date('2026-03-10T03:00:00.000Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/** A calendar whose self-assessment closes in 24 h and explanation in 30 h (the rest far away). */
function calendar(): StoredWindows {
  const span = (from: number, to: number) => ({
    opensAt: at(from).toISOString(),
    closesAt: at(to).toISOString(),
  });
  return {
    self_assessment: span(-240, 24),
    review: span(-200, 26),
    explanation: span(-100, 30),
    council: span(40, 400),
    publication: span(400, 800),
  };
}

describe.each(dbKinds())('deadline notices (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let cycleId: string;
  const unit: Record<string, string> = {};
  const rep: Record<string, string> = {};

  const addUnit = async (code: string) => {
    const [row] = await db
      .insert(units)
      .values({ code, name: `Phường ${code}`, level: 'xa', kind: 'phường', validFrom: '2025-07-01' })
      .returning({ id: units.id });
    unit[code] = row!.id;
  };
  const addUser = async (username: string, role: string, unitCode: string, disabled = false) => {
    const [row] = await db
      .insert(users)
      .values({ username, fullName: username, role, unitId: unit[unitCode]!, disabled, passwordHash: 'x' })
      .returning({ id: users.id });
    rep[username] = row!.id;
  };
  const all = () => db.select().from(notifications);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    // A: draft, two reporters. B: submitted, one indicator with an open evidence request.
    // C: draft with an extension of five days. D: draft, only a disabled reporter and a viewer.
    for (const code of ['A', 'B', 'C', 'D']) await addUnit(code);
    await addUser('a1', 'reporter', 'A');
    await addUser('a2', 'reporter', 'A');
    await addUser('b1', 'reporter', 'B');
    await addUser('c1', 'reporter', 'C');
    await addUser('d-off', 'reporter', 'D', true);
    await addUser('d-viewer', 'viewer', 'D');
    const [cycle] = await db
      .insert(cycles)
      .values({ year: 2026, name: 'Kỳ đánh giá DTI 2026', windows: calendar() })
      .returning({ id: cycles.id });
    cycleId = cycle!.id;
    // A cycle whose windows have not opened: nothing from it.
    const shift = (iso: string) => new Date(Date.parse(iso) + 1000 * HOUR).toISOString();
    const later = Object.fromEntries(
      Object.entries(calendar()).map(([w, s]) => [
        w,
        { opensAt: shift(s.opensAt), closesAt: shift(s.closesAt) },
      ]),
    ) as StoredWindows;
    const [future] = await db
      .insert(cycles)
      .values({ year: 2027, name: 'Kỳ sau', windows: later })
      .returning({ id: cycles.id });
    await db.insert(cycleUnits).values([
      { cycleId, unitId: unit.A!, level: 'xa', state: 'draft' },
      { cycleId, unitId: unit.B!, level: 'xa', state: 'returned' },
      { cycleId, unitId: unit.C!, level: 'xa', state: 'draft' },
      { cycleId, unitId: unit.D!, level: 'xa', state: 'draft' },
      { cycleId: future!.id, unitId: unit.A!, level: 'xa', state: 'draft' },
    ]);
    await db.insert(cycleEntries).values([
      { cycleId, unitId: unit.A!, code: '1.1', review: 'agreed' },
      { cycleId, unitId: unit.B!, code: '1.1', review: 'requested' },
      { cycleId, unitId: unit.B!, code: '1.2', review: 'requested' },
    ]);
    await db.insert(cycleExtensions).values({
      cycleId,
      unitId: unit.C!,
      window: 'self_assessment',
      until: at(120),
      reason: 'Mất điện diện rộng',
    });
  });
  afterAll(() => database.close());

  it("tells each unit's reporters once per window, naming the cycle and the Vietnam-time deadline", async () => {
    expect(await notifyApproachingDeadlines(db, NOW)).toBe(3);
    const rows = await all();
    const byUser = (id: string) => rows.filter((r) => r.userId === id);
    // 24 h after 2026-03-10 03:00 UTC is 11/03/2026 03:00 UTC = 10:00 in Việt Nam (UTC+7).
    for (const who of ['a1', 'a2']) {
      const [n, ...more] = byUser(rep[who]!);
      expect(more).toHaveLength(0);
      expect(n).toMatchObject({
        kind: 'deadline_approaching',
        title: 'Sắp hết hạn tự đánh giá',
        link: `/dti/cycles/${cycleId}/units/${unit.A}`,
        dedupeKey: `deadline:${cycleId}:self_assessment:2026-03-11T03:00:00.000Z`,
      });
      expect(n!.body).toContain('Kỳ đánh giá DTI 2026');
      expect(n!.body).toContain('Phường A');
      expect(n!.body).toContain('11/03/2026 10:00');
    }
    // B has submitted but must answer a request: explanation closes at +30 h = 11/03/2026 16:00 in VN.
    const [b] = byUser(rep.b1!);
    expect(b).toMatchObject({
      title: 'Sắp hết hạn giải trình, bổ sung minh chứng',
      dedupeKey: `deadline:${cycleId}:explanation:2026-03-11T09:00:00.000Z`,
    });
    expect(b!.body).toContain('11/03/2026 16:00');
    expect(byUser(rep.c1!)).toHaveLength(0);
    expect(byUser(rep['d-off']!)).toHaveLength(0);
    expect(byUser(rep['d-viewer']!)).toHaveLength(0);
  });

  it('adds nothing when run again, here or on several instances at once', async () => {
    expect(await notifyApproachingDeadlines(db, at(1))).toBe(0);
    const results = await Promise.all([
      notifyApproachingDeadlines(db, at(2)),
      notifyApproachingDeadlines(db, at(2)),
    ]);
    expect(results).toEqual([0, 0]);
    expect(await all()).toHaveLength(3);
  });

  it('reminds again before a new deadline given by an extension', async () => {
    await db.insert(cycleExtensions).values({
      cycleId,
      unitId: unit.A!,
      window: 'self_assessment',
      until: at(40),
      reason: 'Thay đổi nhân sự',
    });
    expect(await notifyApproachingDeadlines(db, at(3))).toBe(2);
    const keys = (await all()).filter((r) => r.userId === rep.a1).map((r) => r.dedupeKey);
    expect(keys.sort()).toEqual(
      [
        `deadline:${cycleId}:self_assessment:2026-03-11T03:00:00.000Z`,
        `deadline:${cycleId}:self_assessment:${at(40).toISOString()}`,
      ].sort(),
    );
  });

  it('reaches an extended unit when its own deadline comes near, and no one after the windows close', async () => {
    // At +80 h the base windows are over; C's extension ends at +120 h, within 48 h.
    expect(await notifyApproachingDeadlines(db, at(80))).toBe(1);
    const [c] = (await all()).filter((r) => r.userId === rep.c1);
    expect(c!.dedupeKey).toBe(`deadline:${cycleId}:self_assessment:${at(120).toISOString()}`);
    expect(await notifyApproachingDeadlines(db, at(130))).toBe(0);
  });
});
