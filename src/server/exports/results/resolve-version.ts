import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/shared/app-error';
import { loadCycle } from '../../cycle/cycle-context';
import type { Db } from '../../db/client';
import { cycleSnapshots, cycles } from '../../db/schema';
import { latestVersion, NOTHING_PUBLISHED } from '../../results/load-results';
import type { ResultsMeta } from '../../results/results-model';

/** A published snapshot to read, or the organisers' preview. */
export type ResolvedVersion =
  | { kind: 'published'; snapshotId: string; meta: ResultsMeta }
  | { kind: 'preview' };

/**
 * Which results a caller asked for, decided as `resultsFor` decides it but without loading them: a
 * published version (the latest by default), or the preview for organisers only.
 */
export async function resolveVersion(
  db: Db,
  cycleId: string,
  version: number | 'preview' | undefined,
  mayPreview: boolean,
): Promise<ResolvedVersion> {
  if (version === 'preview') {
    if (!mayPreview)
      throw new AppError('forbidden', 'Chỉ cán bộ tổ chức được xem trước kết quả chưa công bố');
    return { kind: 'preview' };
  }
  const wanted = version ?? (await latestVersion(db, cycleId));
  if (wanted === null) {
    if (mayPreview) return { kind: 'preview' };
    await loadCycle(db, cycleId);
    throw new AppError('not_found', NOTHING_PUBLISHED);
  }
  const [row] = await db
    .select({
      id: cycleSnapshots.id,
      publishedAt: cycleSnapshots.publishedAt,
      cycleName: cycles.name,
      year: cycles.year,
    })
    .from(cycleSnapshots)
    .innerJoin(cycles, eq(cycles.id, cycleSnapshots.cycleId))
    .where(and(eq(cycleSnapshots.cycleId, cycleId), eq(cycleSnapshots.version, wanted)));
  if (!row) throw new AppError('not_found', `Không có bản công bố phiên bản ${wanted}`);
  return {
    kind: 'published',
    snapshotId: row.id,
    meta: {
      cycleId,
      cycleName: row.cycleName,
      year: row.year,
      source: 'published',
      version: wanted,
      publishedAt: row.publishedAt.toISOString(),
    },
  };
}
