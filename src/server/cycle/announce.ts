import { eq } from 'drizzle-orm';
import { formatVnDateTime } from '../../core/cycle/windows';
import type { Db } from '../db/client';
import { cycleUnits, units } from '../db/schema';
import {
  councilMembers,
  noticeFor,
  notify,
  organisers,
  unitReporters,
  unitReviewers,
} from '../notifications/notify';
import type { CycleContext } from './cycle-context';

const formLink = (cycleId: string, unitId: string) => `/dti/cycles/${cycleId}/units/${unitId}`;

async function unitName(db: Db, unitId: string): Promise<string> {
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return u?.name ?? '';
}

/** Tells a unit's reporters which indicators the reviewers asked more evidence for, and by when. */
export async function announceRequests(
  db: Db,
  ctx: CycleContext,
  unitId: string,
  requests: { code: string; deadline: string }[],
) {
  if (requests.length === 0) return;
  const deadline = requests.map((r) => new Date(r.deadline)).sort((a, b) => a.getTime() - b.getTime())[0]!;
  await notify(
    db,
    noticeFor(await unitReporters(db, unitId), {
      kind: 'evidence_requested',
      title: 'Yêu cầu bổ sung minh chứng',
      body: `${ctx.name}: đơn vị thẩm định yêu cầu giải trình, bổ sung minh chứng cho chỉ số ${requests.map((r) => r.code).join(', ')}. Hạn: ${formatVnDateTime(deadline)}.`,
      link: formLink(ctx.id, unitId),
    }),
  );
}

/** Tells the unit's reviewers that answered indicators came back to them. */
export async function announceReturned(db: Db, ctx: CycleContext, unitId: string, codes: string[]) {
  const name = await unitName(db, unitId);
  await notify(
    db,
    noticeFor(await unitReviewers(db, ctx.id, unitId), {
      kind: 'returned',
      title: 'Đơn vị đã giải trình, nộp lại',
      body: `${ctx.name}: ${name} đã giải trình, bổ sung và nộp lại chỉ số ${codes.join(', ')}.`,
      link: `/dti/cycles/${ctx.id}?tab=review&unitId=${unitId}`,
    }),
  );
}

/** Tells every participating unit's reporters, the council and the organisers that results are out. */
export async function announcePublished(db: Db, ctx: CycleContext, version: number) {
  const members = await db
    .select({ unitId: cycleUnits.unitId })
    .from(cycleUnits)
    .where(eq(cycleUnits.cycleId, ctx.id));
  const reporters = (await Promise.all(members.map((m) => unitReporters(db, m.unitId)))).flat();
  const staff = [...(await councilMembers(db)), ...(await organisers(db))];
  await notify(
    db,
    noticeFor([...reporters, ...staff], {
      kind: 'published',
      title: version === 1 ? 'Đã công bố kết quả đánh giá' : `Đã đính chính kết quả (phiên bản ${version})`,
      body: `${ctx.name}: kết quả đã được công bố${version === 1 ? '' : ` lại, phiên bản ${version}`}.`,
      link: `/dti/cycles/${ctx.id}?tab=publish`,
      dedupeKey: `published:${ctx.id}:${version}`,
    }),
  );
}
