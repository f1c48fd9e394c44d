import type { TSnapshotUnit } from '../../contracts/cycles';
import type { Framework } from '../../core/framework/model';
import { scoreUnits } from '../../core/scoring/score-unit';
import type { UnitData, UnitScore } from '../../core/scoring/types';
import { AppError } from '../../core/shared/app-error';
import { pointsSet } from '../cycle/unit-scores';
import { Lru } from './lru';
import type { SnapshotDetail } from './snapshot-details';

export interface ResultsMeta {
  cycleId: string;
  cycleName: string;
  year: number;
  source: 'published' | 'preview';
  version: number | null;
  publishedAt: string | null;
}

/**
 * One year's results ready for the results core: the published table (or the preview's), each unit's
 * final indicator-level score from the engine, the index sets (as scored: from decided points) and the
 * evidence counts. Views computed from it are memoised in `views`.
 */
export interface ResultsModel {
  /** Snapshot id, or a one-off key for a preview. */
  key: string;
  meta: ResultsMeta;
  units: TSnapshotUnit[];
  byId: Map<string, TSnapshotUnit>;
  /** One set per level, as scored (`pointsSet`). */
  frameworks: Framework[];
  scores: UnitScore[];
  scoreById: Map<string, UnitScore>;
  evidence: Map<string, { required: number; provided: number }>;
  views: Lru<string>;
  /** Intermediate results shared by views (per level or peer group: a handful of entries). */
  memo: Map<string, unknown>;
}

/** Rendered views of one model: at most 64, and at most ~64 MB of JSON. */
const newViews = () => new Lru<string>(64, 64 * 1024 * 1024, (s) => s.length);

/**
 * Scores every unit's final entries with the engine on the set it was published with, as the
 * snapshot's totals were: the totals equal the snapshot's (the tests check it).
 */
export function buildModel(
  key: string,
  meta: ResultsMeta,
  units: TSnapshotUnit[],
  details: readonly SnapshotDetail[],
  sets: ReadonlyMap<string, Framework>,
): ResultsModel {
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const perSet = new Map<string, UnitData[]>();
  const evidence = new Map<string, { required: number; provided: number }>();
  for (const d of details) {
    const u = byId.get(d.unitId);
    if (!u) continue;
    evidence.set(d.unitId, { required: d.evidenceRequired, provided: d.evidenceProvided });
    const list = perSet.get(d.frameworkVersionId) ?? [];
    list.push({ unitId: d.unitId, level: u.level, group: u.groupNo, inputs: d.final });
    perSet.set(d.frameworkVersionId, list);
  }
  const frameworks: Framework[] = [];
  const scores: UnitScore[] = [];
  for (const [setId, list] of perSet) {
    const doc = sets.get(setId);
    if (!doc) continue;
    const f = pointsSet(doc);
    if (!frameworks.some((x) => x.level === f.level)) frameworks.push(f);
    scores.push(...scoreUnits(f, list));
  }
  return {
    key,
    meta,
    units,
    byId,
    frameworks,
    scores,
    scoreById: new Map(scores.map((s) => [s.unitId, s])),
    evidence,
    views: newViews(),
    memo: new Map(),
  };
}

/** A value of `model.memo`, computed on first use. */
export function memoOf<T>(model: ResultsModel, key: string, make: () => T): T {
  if (!model.memo.has(key)) model.memo.set(key, make());
  return model.memo.get(key) as T;
}

/** A level's index set in the model, or `not_found` when the results have no unit of that level. */
export function levelSet(model: ResultsModel, level: string): Framework {
  const f = model.frameworks.find((x) => x.level === level);
  if (!f) throw new AppError('not_found', 'Kết quả không có đơn vị ở cấp này');
  return f;
}
