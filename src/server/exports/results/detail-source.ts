import { and, eq, inArray, sql } from 'drizzle-orm';
import { FRAMEWORK_LEVELS, type Framework, type FrameworkLevel } from '../../../core/framework/model';
import { scoreUnits } from '../../../core/scoring/score-unit';
import type { LeafEntry, UnitData, UnitScore } from '../../../core/scoring/types';
import { pointsSet } from '../../cycle/unit-scores';
import type { Db } from '../../db/client';
import { cycleSnapshotDetails, frameworkVersions } from '../../db/schema';
import { queryRows } from '../../db/sql-rows';
import type { ResultsMeta, ResultsModel } from '../../results/results-model';

/** A unit as the detail export lists it (from the snapshot's table). */
export interface DetailUnit {
  unitId: string;
  code: string;
  name: string;
  level: FrameworkLevel;
  groupNo: number | null;
  rank: number | null;
}

/** One unit with its final score on the set it was published with (every leaf scored from points). */
export interface DetailItem {
  unit: DetailUnit;
  score: UnitScore;
  framework: Framework;
}

/** The rows of a detail export, page by page, so the whole year is never in memory at once. */
export interface DetailSource {
  meta: ResultsMeta;
  /** One set per level, in level order (for the indicator sheet). */
  frameworks: Framework[];
  unitCount: number;
  pages(): AsyncGenerator<DetailItem[]>;
}

/** Units per page: 200 units of a 100-indicator set are 20,000 rows. */
export const DETAIL_PAGE = 200;

const collator = new Intl.Collator('vi');

/** Level (register order), group, rank (unranked last), then name: the league tables' order. */
function sortUnits(units: DetailUnit[]): DetailUnit[] {
  const level = (u: DetailUnit) => FRAMEWORK_LEVELS.indexOf(u.level);
  return units.sort(
    (a, b) =>
      level(a) - level(b) ||
      (a.groupNo ?? 0) - (b.groupNo ?? 0) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      collator.compare(a.name, b.name),
  );
}

const byLevel = (sets: Iterable<Framework>) => {
  const out: Framework[] = [];
  for (const f of sets) if (!out.some((x) => x.level === f.level)) out.push(f);
  return out.sort((a, b) => FRAMEWORK_LEVELS.indexOf(a.level) - FRAMEWORK_LEVELS.indexOf(b.level));
};

/**
 * A published snapshot read in pages: the table's few fields per unit first (small), then the details
 * of `pageSize` units at a time by primary key, each page scored by the engine on its own set.
 */
export async function publishedDetails(
  db: Db,
  snapshotId: string,
  meta: ResultsMeta,
  pageSize = DETAIL_PAGE,
): Promise<DetailSource> {
  const units = await queryRows<DetailUnit>(
    db,
    sql`select e->>'unitId' as "unitId", e->>'code' as code, e->>'name' as name, e->>'level' as level,
          (e->>'groupNo')::int as "groupNo", (e->>'rank')::int as rank
        from cycle_snapshots s cross join lateral json_array_elements(s.data->'units') e
        where s.id = ${snapshotId}`,
  );
  const setIds = await queryRows<{ id: string }>(
    db,
    sql`select distinct framework_version_id as id from cycle_snapshot_details where snapshot_id = ${snapshotId}`,
  );
  const docs = setIds.length
    ? await db
        .select({ id: frameworkVersions.id, document: frameworkVersions.document })
        .from(frameworkVersions)
        .where(
          inArray(
            frameworkVersions.id,
            setIds.map((s) => s.id),
          ),
        )
    : [];
  const sets = new Map(docs.map((d) => [d.id, pointsSet(d.document as Framework)]));
  sortUnits(units);

  async function* pages(): AsyncGenerator<DetailItem[]> {
    for (let i = 0; i < units.length; i += pageSize) {
      const chunk = units.slice(i, i + pageSize);
      const rows = await db
        .select({
          unitId: cycleSnapshotDetails.unitId,
          setId: cycleSnapshotDetails.frameworkVersionId,
          final: sql<string>`${cycleSnapshotDetails.final}::text`,
        })
        .from(cycleSnapshotDetails)
        .where(
          and(
            eq(cycleSnapshotDetails.snapshotId, snapshotId),
            inArray(
              cycleSnapshotDetails.unitId,
              chunk.map((u) => u.unitId),
            ),
          ),
        );
      const unitById = new Map(chunk.map((u) => [u.unitId, u]));
      const perSet = new Map<string, UnitData[]>();
      for (const r of rows) {
        const u = unitById.get(r.unitId)!;
        const list = perSet.get(r.setId) ?? [];
        list.push({
          unitId: u.unitId,
          level: u.level,
          group: u.groupNo,
          inputs: JSON.parse(r.final) as Record<string, LeafEntry>,
        });
        perSet.set(r.setId, list);
      }
      const scored = new Map<string, { score: UnitScore; framework: Framework }>();
      for (const [setId, list] of perSet) {
        const framework = sets.get(setId);
        if (!framework) continue;
        for (const score of scoreUnits(framework, list)) scored.set(score.unitId, { score, framework });
      }
      const page: DetailItem[] = [];
      for (const unit of chunk) {
        const s = scored.get(unit.unitId);
        if (s) page.push({ unit, ...s });
      }
      yield page;
    }
  }
  return { meta, frameworks: byLevel(sets.values()), unitCount: units.length, pages };
}

/** The organisers' preview (computed in memory anyway) served through the same interface. */
export function modelDetails(model: ResultsModel, pageSize = DETAIL_PAGE): DetailSource {
  const units = sortUnits(
    model.units
      .filter((u) => model.scoreById.has(u.unitId))
      .map((u) => ({
        unitId: u.unitId,
        code: u.code,
        name: u.name,
        level: u.level,
        groupNo: u.groupNo,
        rank: u.rank,
      })),
  );
  async function* pages(): AsyncGenerator<DetailItem[]> {
    for (let i = 0; i < units.length; i += pageSize) {
      yield units.slice(i, i + pageSize).flatMap((unit) => {
        const score = model.scoreById.get(unit.unitId)!;
        const framework = model.frameworks.find((f) => f.level === score.level);
        return framework ? [{ unit, score, framework }] : [];
      });
    }
  }
  return { meta: model.meta, frameworks: byLevel(model.frameworks), unitCount: units.length, pages };
}
