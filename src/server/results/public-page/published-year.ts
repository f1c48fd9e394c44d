import { sql } from 'drizzle-orm';
import type { Framework, FrameworkLevel } from '../../../core/framework/model';
import type { Db } from '../../db/client';
import { publishedModel } from '../load-results';
import type { ResultsModel } from '../results-model';

/** The latest published version of one cycle. */
export interface PublishedHead {
  snapshotId: string;
  cycleId: string;
  cycleName: string;
  year: number;
  version: number;
  publishedAt: string;
  units: number;
}

/** One level of a published year: the cycle it was published in, its set and its scores. */
export interface PublishedLevel {
  level: FrameworkLevel;
  head: PublishedHead;
  model: ResultsModel;
  framework: Framework;
}

export interface PublishedYear {
  year: number;
  /** The versions shown: rendered pages are cached under it, so a correction shows at once. */
  key: string;
  heads: PublishedHead[];
  levels: PublishedLevel[];
}

const LEVEL_ORDER: readonly string[] = ['so', 'huyen', 'xa'];

/** The latest version of every cycle with published results (of one year, or all), newest year first. */
export async function publishedHeads(db: Db, year?: number): Promise<PublishedHead[]> {
  const res = (await db.execute(sql`
    select s.id as "snapshotId", c.id as "cycleId", c.name as "cycleName", c.year::int as year,
      s.version::int as version, s.published_at as "publishedAt",
      (select count(*)::int from cycle_units cu where cu.cycle_id = c.id) as units
    from cycle_snapshots s join cycles c on c.id = s.cycle_id
    where s.version = (select max(x.version) from cycle_snapshots x where x.cycle_id = s.cycle_id)
      ${year === undefined ? sql`` : sql`and c.year = ${year}`}
    order by c.year desc, c.name`)) as unknown as {
    rows: (PublishedHead & { publishedAt: Date | string })[];
  };
  return res.rows.map((r) => ({
    ...r,
    year: Number(r.year),
    version: Number(r.version),
    units: Number(r.units),
    publishedAt: new Date(r.publishedAt).toISOString(),
  }));
}

/**
 * A year's published results: every cycle's latest version, loaded through the results cache (one
 * model per snapshot), and its levels in the order sở, huyện, xã; null when nothing of the year is published.
 */
export async function publishedYear(db: Db, year: number): Promise<PublishedYear | null> {
  const heads = await publishedHeads(db, year);
  if (heads.length === 0) return null;
  const levels: PublishedLevel[] = [];
  for (const head of heads) {
    const model = await publishedModel(db, head.cycleId, head.version);
    for (const framework of model.frameworks) {
      if (levels.some((l) => l.level === framework.level)) continue;
      levels.push({ level: framework.level, head, model, framework });
    }
  }
  levels.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return { year, key: heads.map((h) => h.snapshotId).join(','), heads, levels };
}
