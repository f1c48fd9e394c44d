import type { Framework, FrameworkNode } from '../../../core/framework/model';
import { flattenNodes } from '../../../core/framework/tree';
import { type LeagueTable, leagueTables } from '../../../core/results/league';
import { rankUnits, type UnitRanks } from '../../../core/scoring/rank';
import { memoOf } from '../results-model';
import type { PublishedLevel } from './published-year';

/** A ranking tab of the year page: the total, a top-level node (pillar, or main index), or the detail. */
export interface Tab {
  key: string;
  label: string;
}

export const TOTAL_TAB = 'tong';
export const DETAIL_TAB = 'chi-tiet';

/** The tabs of the national ranking page: DTI, each pillar, and the detailed table of main indices. */
export function tabsOf(f: Framework): Tab[] {
  return [
    { key: TOTAL_TAB, label: 'Chỉ số DTI' },
    ...f.nodes
      .filter((n) => n.kind === 'pillar' || n.kind === 'main')
      .map((n) => ({ key: n.code, label: n.name })),
    { key: DETAIL_TAB, label: 'Xếp hạng chi tiết' },
  ];
}

/** The pillars and main indices of a set, parents first. */
export function rankedNodes(f: Framework): FrameworkNode[] {
  return flattenNodes(f.nodes)
    .map((v) => v.node)
    .filter((n) => n.kind === 'pillar' || n.kind === 'main');
}

export const mainNodes = (f: Framework): FrameworkNode[] => rankedNodes(f).filter((n) => n.kind === 'main');

/**
 * A level's league tables (one per ranking group) on the total or one node, from the engine's ranking of
 * the published scores; computed once per published version and kept with it.
 */
export function levelTables(pl: PublishedLevel, key: string): LeagueTable[] {
  return memoOf(pl.model, `public|${pl.level}|${key}`, () => {
    const scores = pl.model.scores.filter((s) => s.level === pl.level);
    const names = memoOf(pl.model, 'names', () => new Map(pl.model.units.map((u) => [u.unitId, u.name])));
    return leagueTables([pl.framework], scores, {
      sortBy: key === TOTAL_TAB ? { by: 'total' } : { by: 'node', code: key },
      names,
    });
  });
}

/**
 * Every unit's rank of a level on the total, each pillar and each main index, in one pass of the engine's
 * ranking (what a unit's page shows); computed once per published version.
 */
export function unitRanks(pl: PublishedLevel): Map<string, UnitRanks> {
  return memoOf(pl.model, `public-ranks|${pl.level}`, () => {
    const scores = pl.model.scores.filter((s) => s.level === pl.level);
    return new Map(rankUnits(scores, pl.framework, { kinds: ['pillar', 'main'] }).map((r) => [r.unitId, r]));
  });
}

/** The heading of a ranking group: the set's name for it ("Nhóm 1: …"), or none for a level without groups. */
export function groupTitle(f: Framework, group: number | null): string | null {
  if (group === null) return null;
  const name = f.groups?.find((g) => g.no === group)?.name;
  if (!name) return `Nhóm ${group}`;
  return /^nhóm/i.test(name) ? name : `Nhóm ${group}: ${name}`;
}
