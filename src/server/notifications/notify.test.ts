import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { cycleReviewers, cycles, notifications, units, users } from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { listNotices } from './inbox';
import { councilMembers, noticeFor, notify, organisers, unitReporters, unitReviewers } from './notify';

const WINDOWS = {
  self_assessment: { opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-03-31T00:00:00.000Z' },
  review: { opensAt: '2026-04-01T00:00:00.000Z', closesAt: '2026-04-30T00:00:00.000Z' },
  explanation: { opensAt: '2026-05-01T00:00:00.000Z', closesAt: '2026-05-15T00:00:00.000Z' },
  council: { opensAt: '2026-05-16T00:00:00.000Z', closesAt: '2026-05-31T00:00:00.000Z' },
  publication: { opensAt: '2026-06-01T00:00:00.000Z', closesAt: '2026-06-30T00:00:00.000Z' },
};

async function addUnit(db: Db, code: string): Promise<string> {
  const [row] = await db
    .insert(units)
    .values({ code, name: `Phường ${code}`, level: 'xa', kind: 'phường', validFrom: '2025-07-01' })
    .returning({ id: units.id });
  return row!.id;
}

async function addUser(
  db: Db,
  username: string,
  role: string,
  unitId: string | null = null,
  disabled = false,
) {
  const [row] = await db
    .insert(users)
    .values({ username, fullName: username, role, unitId, disabled, passwordHash: 'x' })
    .returning({ id: users.id });
  return row!.id;
}

const sorted = (ids: string[]) => [...ids].sort();

describe.each(dbKinds())('notify (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let unitA: string;
  let unitB: string;
  const u: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    unitA = await addUnit(db, 'NA');
    unitB = await addUnit(db, 'NB');
    u.repA1 = await addUser(db, 'rep-a1', 'reporter', unitA);
    u.repA2 = await addUser(db, 'rep-a2', 'reporter', unitA);
    u.repAoff = await addUser(db, 'rep-a-off', 'reporter', unitA, true);
    u.repB = await addUser(db, 'rep-b', 'reporter', unitB);
    u.council = await addUser(db, 'council1', 'council');
    u.councilOff = await addUser(db, 'council-off', 'council', null, true);
    u.organiser = await addUser(db, 'org1', 'organiser');
    u.admin = await addUser(db, 'admin1', 'admin');
    u.viewer = await addUser(db, 'viewer1', 'viewer');
    u.revUnitA = await addUser(db, 'rev-unit-a', 'reviewer');
    u.revUnitB = await addUser(db, 'rev-unit-b', 'reviewer');
    u.revPillar1 = await addUser(db, 'rev-pillar-1', 'reviewer');
    u.revPillar2 = await addUser(db, 'rev-pillar-2', 'reviewer');
    u.revOff = await addUser(db, 'rev-off', 'reviewer', null, true);
    u.revOtherCycle = await addUser(db, 'rev-other', 'reviewer');
  });
  afterAll(() => database.close());

  it('records notices, each user reading only their own, newest first', async () => {
    const added = await notify(db, [
      {
        userId: u.repA1!,
        kind: 'returned',
        title: 'Hồ sơ bị trả lại',
        body: 'Bổ sung chỉ số 1.1',
        link: '/x',
      },
      { userId: u.repB!, kind: 'published', title: 'Đã công bố kết quả', body: 'Kỳ 2026' },
    ]);
    expect(added).toBe(2);
    await notify(db, [{ userId: u.repA1!, kind: 'published', title: 'Thứ hai', body: '…' }]);
    const mine = await listNotices(db, u.repA1!);
    expect(mine.map((n) => n.title)).toEqual(['Thứ hai', 'Hồ sơ bị trả lại']);
    expect(mine[1]).toMatchObject({ kind: 'returned', body: 'Bổ sung chỉ số 1.1', link: '/x', readAt: null });
    expect((await listNotices(db, u.repB!)).map((n) => n.title)).toEqual(['Đã công bố kết quả']);
  });

  it('adds a keyed notice once per user, within one call and across calls; keyless ones every time', async () => {
    const notice = { kind: 'deadline_approaching', title: 'Sắp hết hạn', body: 'b', dedupeKey: 'k:1' };
    expect(await notify(db, noticeFor([u.repA2!, u.repA2!, u.repB!], notice))).toBe(2);
    expect(
      await notify(db, [
        { ...notice, userId: u.repA2! },
        { ...notice, userId: u.repA2! },
      ]),
    ).toBe(0);
    expect(await notify(db, [{ ...notice, userId: u.repA2!, dedupeKey: 'k:2' }])).toBe(1);
    const keyless = { userId: u.repA2!, kind: 'returned', title: 'Không khóa', body: 'b' };
    expect(await notify(db, [keyless, keyless])).toBe(2);
    const titles = (await listNotices(db, u.repA2!)).map((n) => n.title);
    expect(titles.filter((t) => t === 'Sắp hết hạn')).toHaveLength(2);
    expect(titles.filter((t) => t === 'Không khóa')).toHaveLength(2);
    expect(await notify(db, [])).toBe(0);
  });

  it("is part of the caller's transaction: a rolled-back change announces nothing", async () => {
    const before = (await listNotices(db, u.viewer!)).length;
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, [{ userId: u.viewer!, kind: 'returned', title: 'Không được ghi', body: 'b' }]);
        throw new Error('hủy');
      }),
    ).rejects.toThrow('hủy');
    expect(await listNotices(db, u.viewer!)).toHaveLength(before);
    await db.transaction((tx) =>
      notify(tx, [{ userId: u.viewer!, kind: 'returned', title: 'Được ghi', body: 'b' }]),
    );
    expect((await listNotices(db, u.viewer!)).map((n) => n.title)).toContain('Được ghi');
    const stored = await db.select().from(notifications).where(eq(notifications.userId, u.viewer!));
    expect(stored.every((n) => n.emailed === false)).toBe(true);
  });

  it("finds a unit's enabled reporters, and enabled users of given roles", async () => {
    expect(sorted(await unitReporters(db, unitA))).toEqual(sorted([u.repA1!, u.repA2!]));
    expect(await unitReporters(db, unitB)).toEqual([u.repB]);
    expect(await councilMembers(db)).toEqual([u.council]);
    expect(sorted(await organisers(db))).toEqual(sorted([u.organiser!, u.admin!]));
  });

  it('finds the reviewers of a unit: assigned the unit, or a pillar (of every unit)', async () => {
    const [cycle, other] = await db
      .insert(cycles)
      .values([
        { year: 2026, name: 'Kỳ 2026', windows: WINDOWS },
        { year: 2025, name: 'Kỳ 2025', windows: WINDOWS },
      ])
      .returning({ id: cycles.id });
    await db.insert(cycleReviewers).values([
      { cycleId: cycle!.id, userId: u.revUnitA!, unitId: unitA },
      { cycleId: cycle!.id, userId: u.revUnitB!, unitId: unitB },
      { cycleId: cycle!.id, userId: u.revPillar1!, pillarCode: '1' },
      { cycleId: cycle!.id, userId: u.revPillar2!, pillarCode: '2' },
      // Assigned both the unit and a pillar: listed once.
      { cycleId: cycle!.id, userId: u.revPillar2!, unitId: unitA },
      { cycleId: cycle!.id, userId: u.revOff!, unitId: unitA },
      { cycleId: other!.id, userId: u.revOtherCycle!, unitId: unitA },
    ]);
    expect(sorted(await unitReviewers(db, cycle!.id, unitA))).toEqual(
      sorted([u.revUnitA!, u.revPillar1!, u.revPillar2!]),
    );
    expect(sorted(await unitReviewers(db, cycle!.id, unitB))).toEqual(
      sorted([u.revUnitB!, u.revPillar1!, u.revPillar2!]),
    );
    expect(sorted(await unitReviewers(db, cycle!.id, unitB, '1'))).toEqual(
      sorted([u.revUnitB!, u.revPillar1!]),
    );
    expect(await unitReviewers(db, other!.id, unitB)).toEqual([]);
  });
});
