import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TSnapshotData } from '../../contracts/cycles';
import type { Framework } from '../../core/framework/model';
import { AppError } from '../../core/shared/app-error';
import { loadCycle } from '../cycle/cycle-context';
import { snapshotData } from '../cycle/publish-cycle';
import type { Db } from '../db/client';
import { cycleSnapshotDetails, cycleSnapshots, cycles, frameworkVersions } from '../db/schema';
import { cached, Lru } from './lru';
import { buildModel, type ResultsModel } from './results-model';
import { snapshotDetails } from './snapshot-details';

/** Loaded published years: a 10,000-unit year holds some tens of megabytes, so only a few are kept. */
const models = new Lru<Promise<ResultsModel>>(6);

export const NOTHING_PUBLISHED = 'Kỳ đánh giá này chưa công bố kết quả';

/** The latest published version of a cycle, or null. */
export async function latestVersion(db: Db, cycleId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: cycleSnapshots.version })
    .from(cycleSnapshots)
    .where(eq(cycleSnapshots.cycleId, cycleId))
    .orderBy(desc(cycleSnapshots.version))
    .limit(1);
  return row?.version ?? null;
}

/** A published version with its details, loaded once and kept (snapshots never change). */
export async function publishedModel(db: Db, cycleId: string, version: number): Promise<ResultsModel> {
  const [snap] = await db
    .select({ id: cycleSnapshots.id })
    .from(cycleSnapshots)
    .where(and(eq(cycleSnapshots.cycleId, cycleId), eq(cycleSnapshots.version, version)));
  if (!snap) throw new AppError('not_found', `Không có bản công bố phiên bản ${version}`);
  return cached(models, snap.id, () => loadPublished(db, snap.id));
}

async function loadPublished(db: Db, snapshotId: string): Promise<ResultsModel> {
  const [head] = await db
    .select({
      cycleId: cycleSnapshots.cycleId,
      version: cycleSnapshots.version,
      publishedAt: cycleSnapshots.publishedAt,
      data: sql<string>`${cycleSnapshots.data}::text`,
      cycleName: cycles.name,
      year: cycles.year,
    })
    .from(cycleSnapshots)
    .innerJoin(cycles, eq(cycles.id, cycleSnapshots.cycleId))
    .where(eq(cycleSnapshots.id, snapshotId));
  if (!head) throw new AppError('not_found', 'Không có bản công bố');
  // The JSON comes back as text and is parsed here: cheaper than either driver's own decoding.
  const rows = await db
    .select({
      unitId: cycleSnapshotDetails.unitId,
      frameworkVersionId: cycleSnapshotDetails.frameworkVersionId,
      final: sql<string>`${cycleSnapshotDetails.final}::text`,
      evidenceRequired: cycleSnapshotDetails.evidenceRequired,
      evidenceProvided: cycleSnapshotDetails.evidenceProvided,
    })
    .from(cycleSnapshotDetails)
    .where(eq(cycleSnapshotDetails.snapshotId, snapshotId));
  const setIds = [...new Set(rows.map((r) => r.frameworkVersionId))];
  const sets = setIds.length
    ? await db
        .select({ id: frameworkVersions.id, document: frameworkVersions.document })
        .from(frameworkVersions)
        .where(inArray(frameworkVersions.id, setIds))
    : [];
  const data = JSON.parse(head.data) as TSnapshotData;
  return buildModel(
    snapshotId,
    {
      cycleId: head.cycleId,
      cycleName: head.cycleName,
      year: head.year,
      source: 'published',
      version: head.version,
      publishedAt: head.publishedAt.toISOString(),
    },
    data.units,
    rows.map((r) => ({ ...r, final: JSON.parse(r.final) })),
    new Map(sets.map((s) => [s.id, s.document as Framework])),
  );
}

/** The organisers' preview: what publishing now would show, computed from the current entries, never kept. */
export async function previewModel(db: Db, cycleId: string): Promise<ResultsModel> {
  const ctx = await loadCycle(db, cycleId);
  const [data, details] = await Promise.all([snapshotData(db, ctx), snapshotDetails(db, ctx)]);
  const sets = new Map([...ctx.frameworks.values()].map((f) => [f.id, f.document]));
  return buildModel(
    `preview:${cycleId}:${Date.now()}`,
    { cycleId, cycleName: ctx.name, year: ctx.year, source: 'preview', version: null, publishedAt: null },
    data.units,
    details,
    sets,
  );
}

/**
 * The results a caller asked for: a published version (the latest by default) or the preview, which
 * only organisers may see. Without a version and with nothing published, organisers get the preview.
 */
export async function resultsFor(
  db: Db,
  cycleId: string,
  version: number | 'preview' | undefined,
  mayPreview: boolean,
): Promise<ResultsModel> {
  if (version === 'preview' && !mayPreview) {
    throw new AppError('forbidden', 'Chỉ cán bộ tổ chức được xem trước kết quả chưa công bố');
  }
  if (typeof version === 'number') return publishedModel(db, cycleId, version);
  const latest = version === 'preview' ? null : await latestVersion(db, cycleId);
  if (latest !== null) return publishedModel(db, cycleId, latest);
  if (!mayPreview) {
    await loadCycle(db, cycleId);
    throw new AppError('not_found', NOTHING_PUBLISHED);
  }
  return previewModel(db, cycleId);
}

/** Forgets every loaded year (benchmarks measure a cold start with it). */
export function clearResultsCache(): void {
  models.clear();
}
