import { and, eq, sql } from 'drizzle-orm';
import type { TSnapshotData, TSnapshotUnit } from '../../contracts/cycles';
import type { TPublicResults } from '../../contracts/results';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { cycleSnapshots, cycles } from '../db/schema';
import { cached, Lru } from './lru';

type PublicCycle = Omit<TPublicResults['cycles'][number], 'units'>;

/** A year's public page, rendered once per set of published versions. */
interface PublicYear {
  json: string;
  byCode: Map<string, { cycle: PublicCycle; unit: TSnapshotUnit }>;
}

const years = new Lru<Promise<PublicYear>>(16);

/** The latest version of every cycle of the year that has published results. */
function latestOfYear(db: Db, year: number) {
  return db
    .select({
      id: cycleSnapshots.id,
      cycleId: cycleSnapshots.cycleId,
      version: cycleSnapshots.version,
      publishedAt: cycleSnapshots.publishedAt,
      cycleName: cycles.name,
    })
    .from(cycleSnapshots)
    .innerJoin(cycles, eq(cycles.id, cycleSnapshots.cycleId))
    .where(
      and(
        eq(cycles.year, year),
        sql`${cycleSnapshots.version} = (select max(s.version) from cycle_snapshots s where s.cycle_id = ${cycleSnapshots.cycleId})`,
      ),
    )
    .orderBy(cycles.name);
}

/**
 * The public results of a year: for each cycle its latest published snapshot, exactly as published
 * (the snapshot's own table, nothing computed or read from the live entries); `not_found` in Vietnamese
 * when nothing of that year is published.
 */
async function publicYear(db: Db, year: number): Promise<PublicYear> {
  const heads = await latestOfYear(db, year);
  if (heads.length === 0) {
    throw new AppError('not_found', `Chưa có kết quả đánh giá chuyển đổi số năm ${year} được công bố`);
  }
  return cached(years, heads.map((h) => h.id).join(','), async () => {
    const out: TPublicResults = { year, cycles: [] };
    const byCode: PublicYear['byCode'] = new Map();
    for (const h of heads) {
      const [row] = await db
        .select({ data: sql<string>`${cycleSnapshots.data}::text` })
        .from(cycleSnapshots)
        .where(eq(cycleSnapshots.id, h.id));
      const data = JSON.parse(row!.data) as TSnapshotData;
      const cycle: PublicCycle = {
        cycleId: h.cycleId,
        cycleName: h.cycleName,
        version: h.version,
        publishedAt: h.publishedAt.toISOString(),
      };
      out.cycles.push({ ...cycle, units: data.units });
      for (const unit of data.units) if (!byCode.has(unit.code)) byCode.set(unit.code, { cycle, unit });
    }
    return { json: JSON.stringify(out), byCode };
  });
}

/** The public page of a year as JSON. */
export async function publicYearJson(db: Db, year: number): Promise<string> {
  return (await publicYear(db, year)).json;
}

/** One unit's published result of a year, by its code. */
export async function publicUnitJson(db: Db, year: number, unitCode: string): Promise<string> {
  const hit = (await publicYear(db, year)).byCode.get(unitCode);
  if (!hit) {
    throw new AppError('unit_not_found', `Không có kết quả đã công bố năm ${year} của đơn vị mã ${unitCode}`);
  }
  return JSON.stringify({ year, cycle: hit.cycle, unit: hit.unit });
}

/** Forgets the rendered public pages (benchmarks measure a cold start with it). */
export function clearPublicCache(): void {
  years.clear();
}
