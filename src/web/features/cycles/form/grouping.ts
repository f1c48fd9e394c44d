import type { TEntryView, TUnitForm } from '../../../../contracts/cycles';

export interface EntryGroup {
  /** The path below the pillar ("1.1 Nhận thức số"); empty for leaves directly under the pillar. */
  heading: { code: string; name: string }[];
  key: string;
  entries: TEntryView[];
}

export interface PillarGroup {
  code: string;
  name: string;
  groups: EntryGroup[];
}

export interface EntryFilter {
  pillar: string | null;
  status: TEntryView['status'] | null;
  /** Only indicators assigned to this user. */
  assignee: string | null;
}

/**
 * The indicators the filter selects. Codes in `keep` stay whatever their status, so an indicator being
 * filled does not vanish when its status changes under a status filter.
 */
export function filterEntries(
  entries: readonly TEntryView[],
  f: EntryFilter,
  keep: ReadonlySet<string> = new Set(),
): TEntryView[] {
  return entries.filter(
    (e) =>
      (f.pillar === null || e.pillar === f.pillar) &&
      (f.status === null || e.status === f.status || keep.has(e.code)) &&
      (f.assignee === null || e.assigneeId === f.assignee),
  );
}

/**
 * Indicators under headings as the index set reads: pillar, then the main index each leaf belongs to
 * (its path below the pillar), keeping the set's order.
 */
export function groupEntries(entries: readonly TEntryView[], pillars: TUnitForm['pillars']): PillarGroup[] {
  const out: PillarGroup[] = [];
  const byCode = new Map<string, PillarGroup>();
  for (const e of entries) {
    let pillar = byCode.get(e.pillar);
    if (!pillar) {
      const known = pillars.find((p) => p.code === e.pillar) ?? e.path[0];
      pillar = { code: e.pillar, name: known?.name ?? e.pillar, groups: [] };
      byCode.set(e.pillar, pillar);
      out.push(pillar);
    }
    const heading = e.path[0]?.code === e.pillar ? e.path.slice(1) : e.path;
    const key = heading.map((h) => h.code).join('/');
    let group = pillar.groups.find((g) => g.key === key);
    if (!group) {
      group = { heading, key, entries: [] };
      pillar.groups.push(group);
    }
    group.entries.push(e);
  }
  return out;
}
