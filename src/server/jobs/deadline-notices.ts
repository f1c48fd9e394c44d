import { and, eq, gt, inArray } from 'drizzle-orm';
import {
  CYCLE_WINDOW_LABELS,
  CYCLE_WINDOWS,
  type CycleWindow,
  type CycleWindows,
  closingSoon,
  formatVnDateTime,
  type WindowExtension,
} from '../../core/cycle/windows';
import type { Db } from '../db/client';
import {
  cycleEntries,
  cycleExtensions,
  cycles,
  cycleUnits,
  type StoredWindows,
  units,
  users,
} from '../db/schema';
import { type Notice, notify } from '../notifications/notify';

/** How long before a deadline the unit's reporters are told. */
export const DEADLINE_NOTICE_HOURS = 48;

/** The windows in which a unit has work to finish, and which of its units still have it. */
const WATCHED: readonly CycleWindow[] = ['self_assessment', 'explanation'];

function asWindows(stored: StoredWindows): CycleWindows {
  return Object.fromEntries(
    CYCLE_WINDOWS.map((w) => [
      w,
      { opensAt: new Date(stored[w].opensAt), closesAt: new Date(stored[w].closesAt) },
    ]),
  ) as CycleWindows;
}

/**
 * Units with work left in a window: a draft not yet submitted (self-assessment), or an indicator whose
 * evidence request is still open (explanation). A unit that is done is not reminded.
 */
async function unitsWithWork(db: Db, cycleId: string, window: CycleWindow): Promise<string[]> {
  if (window === 'self_assessment') {
    const rows = await db
      .select({ unitId: cycleUnits.unitId })
      .from(cycleUnits)
      .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.state, 'draft')));
    return rows.map((r) => r.unitId);
  }
  const rows = await db
    .selectDistinct({ unitId: cycleEntries.unitId })
    .from(cycleEntries)
    .where(and(eq(cycleEntries.cycleId, cycleId), eq(cycleEntries.review, 'requested')));
  return rows.map((r) => r.unitId);
}

/**
 * One run of the "deadline approaching" job: for every cycle, each unit whose self-assessment or
 * explanation deadline (its own extension included) falls within DEADLINE_NOTICE_HOURS gets one
 * notice per window and deadline for each of its reporters. The dedupe key names the deadline, so
 * runs on any number of instances add each notice once, and an extension brings a new reminder
 * before the new deadline. Returns how many notices were added.
 */
export async function notifyApproachingDeadlines(db: Db, now: Date): Promise<number> {
  const [allCycles, liveExtensions] = await Promise.all([
    db.select({ id: cycles.id, name: cycles.name, windows: cycles.windows }).from(cycles),
    db.select().from(cycleExtensions).where(gt(cycleExtensions.until, now)),
  ]);
  let added = 0;
  for (const cycle of allCycles) {
    const windows = asWindows(cycle.windows);
    const extensions: WindowExtension[] = liveExtensions
      .filter((e) => e.cycleId === cycle.id && (WATCHED as readonly string[]).includes(e.window))
      .map((e) => ({ unitId: e.unitId, window: e.window as CycleWindow, until: e.until }));
    for (const window of WATCHED) {
      const span = windows[window];
      // Skip windows not open yet or over for everyone, without touching the cycle's units.
      const extended = extensions.some((e) => e.window === window);
      if (now < span.opensAt || (now >= span.closesAt && !extended)) continue;
      const due = closingSoon(
        windows,
        extensions,
        await unitsWithWork(db, cycle.id, window),
        window,
        now,
        DEADLINE_NOTICE_HOURS,
      );
      if (due.length === 0) continue;
      added += await notify(db, await deadlineNotices(db, cycle, window, due));
    }
  }
  return added;
}

async function deadlineNotices(
  db: Db,
  cycle: { id: string; name: string },
  window: CycleWindow,
  due: { unitId: string; closesAt: Date }[],
): Promise<Notice[]> {
  const reporters = await db
    .select({ userId: users.id, unitId: users.unitId, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.role, 'reporter'),
        eq(users.disabled, false),
        inArray(
          users.unitId,
          due.map((d) => d.unitId),
        ),
      ),
    );
  const label = CYCLE_WINDOW_LABELS[window];
  return reporters.map((r) => {
    const closesAt = due.find((d) => d.unitId === r.unitId)!.closesAt;
    return {
      userId: r.userId,
      kind: 'deadline_approaching',
      title: `Sắp hết hạn ${label}`,
      body: `${cycle.name}: thời hạn ${label} của ${r.unitName} kết thúc lúc ${formatVnDateTime(closesAt)} (giờ Việt Nam).`,
      link: `/dti/cycles/${cycle.id}/units/${r.unitId}`,
      dedupeKey: `deadline:${cycle.id}:${window}:${closesAt.toISOString()}`,
    };
  });
}
