import type { Framework, FrameworkLevel } from '../framework/model';
import { AppError } from '../shared/app-error';

/** Units are compared only with units of the same level and group (dti.md §8). */
export interface PeerGroup<T> {
  key: string;
  level: FrameworkLevel;
  group: number | null;
  members: T[];
}

/** Key of a unit's peer group: "level|group". */
export function peerKey(u: { level: FrameworkLevel; group: number | null }): string {
  return `${u.level}|${u.group ?? ''}`;
}

/** Splits items into peer groups, in order of first appearance; members keep their order. */
export function peerGroups<T extends { level: FrameworkLevel; group: number | null }>(
  items: readonly T[],
): PeerGroup<T>[] {
  const map = new Map<string, PeerGroup<T>>();
  for (const it of items) {
    const key = peerKey(it);
    let g = map.get(key);
    if (!g) {
      g = { key, level: it.level, group: it.group, members: [] };
      map.set(key, g);
    }
    g.members.push(it);
  }
  return [...map.values()];
}

/** The index set of one level among a year's sets. */
export function frameworkFor(frameworks: readonly Framework[], level: FrameworkLevel): Framework {
  const f = frameworks.find((x) => x.level === level);
  if (!f) throw new AppError('framework_not_found', `Không có bộ chỉ số cho cấp ${level}`, { level });
  return f;
}
