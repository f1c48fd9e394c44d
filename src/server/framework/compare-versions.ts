import type { TFrameworkDiff, TNodeChange } from '../../contracts/frameworks';
import type { Framework, FrameworkNode } from '../../core/framework/model';
import { flattenNodes } from '../../core/framework/tree';
import { diffFrameworks } from '../../core/framework/versions';
import type { Db } from '../db/client';
import { getFrameworkRow, toVersion } from './framework-repo';

const byCode = (f: Framework) =>
  new Map<string, FrameworkNode>(flattenNodes(f.nodes).map((v) => [v.node.code, v.node]));

/** The core's diff with the names of the nodes on each side, as the comparison screen lists them. */
export function describeDiff(a: Framework, b: Framework): Omit<TFrameworkDiff, 'from' | 'to'> {
  const d = diffFrameworks(a, b);
  const older = byCode(a);
  const newer = byCode(b);
  const fieldsOf = new Map(d.changed.map((c) => [c.code, c.fields as string[]]));
  const entry = (code: string, oldCode: string): TNodeChange => ({
    code,
    name: newer.get(code)?.name ?? '',
    oldName: older.get(oldCode)?.name,
    fields: fieldsOf.get(code) ?? [],
  });
  return {
    added: d.added.map((code) => ({ code, name: newer.get(code)?.name ?? '', fields: [] })),
    removed: d.removed.map((code) => ({ code, name: older.get(code)?.name ?? '', fields: [] })),
    renamed: d.renamed.map((r) => ({ ...entry(r.to, r.from), oldCode: r.from })),
    changed: d.changed.filter((c) => c.previousCode === c.code).map((c) => entry(c.code, c.code)),
    setFields: d.setFields,
  };
}

export async function compareFrameworkVersions(
  db: Db,
  fromId: string,
  toId: string,
): Promise<TFrameworkDiff> {
  const from = await getFrameworkRow(db, fromId);
  const to = await getFrameworkRow(db, toId);
  return { from: toVersion(from), to: toVersion(to), ...describeDiff(from.document, to.document) };
}
