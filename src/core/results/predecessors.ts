import type { UnitLink } from './types';

/**
 * The units whose results stand for `unitId` in a year where `present` tells which units have one:
 * the unit itself when present, plus, through the register's links, its nearest predecessors that are
 * present (a predecessor without results is looked through to its own predecessors). A unit that
 * absorbed others keeps its own result beside theirs. Cycles in the links are ignored.
 */
export function historySources(
  unitId: string,
  links: readonly UnitLink[],
  present: (id: string) => boolean,
): string[] {
  const bySuccessor = new Map<string, string[]>();
  for (const l of links) {
    const list = bySuccessor.get(l.successorId);
    if (list) list.push(l.predecessorId);
    else bySuccessor.set(l.successorId, [l.predecessorId]);
  }
  const out: string[] = [];
  const seen = new Set<string>([unitId]);
  if (present(unitId)) out.push(unitId);
  const visit = (id: string) => {
    for (const p of bySuccessor.get(id) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      if (present(p)) out.push(p);
      else visit(p);
    }
  };
  visit(unitId);
  return out;
}
