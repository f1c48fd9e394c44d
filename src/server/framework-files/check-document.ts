import { ZFramework } from '../../contracts/frameworks';
import type { Framework, FrameworkNode } from '../../core/framework/model';
import { validateFramework } from '../../core/framework/validate';
import type { FileIssue } from './file-issues';

/** Where a node code or `$field` (and optionally a field of that node, e.g. "rule.steps") sits in the file. */
export type Locate = (path: string, field?: string) => Omit<FileIssue, 'message'>;

/**
 * The checks every imported set passes, whatever its file type: the document schema (types, lengths,
 * allowed values), then `validateFramework` (unique codes, kinds, rules, maxima adding up). Only errors
 * block; warnings (a group with a smaller maximum) are the set's business. `locate` turns a node code or
 * `$field` into a place in the file.
 */
export function checkDocument(
  doc: unknown,
  locate: Locate,
): { ok: true; doc: Framework } | { ok: false; issues: FileIssue[] } {
  const parsed = ZFramework.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const { code, field } = nodeAt(doc, i.path);
      const at = code ? locate(code, field) : locate(`$${String(i.path[0] ?? '')}`);
      return { ...at, message: schemaMessage(i.message, i.path) };
    });
    return { ok: false, issues };
  }
  const errors = validateFramework(parsed.data).errors;
  if (errors.length === 0) return { ok: true, doc: parsed.data };
  return { ok: false, issues: errors.map((e) => ({ ...locate(e.path), message: e.message })) };
}

/** The node a schema path points into (its code) and the field inside it. */
function nodeAt(doc: unknown, path: readonly PropertyKey[]): { code?: string; field?: string } {
  let current: unknown = doc;
  let code: string | undefined;
  let i = 0;
  while (i < path.length) {
    const key = path[i];
    if ((key === 'nodes' || key === 'children') && typeof path[i + 1] === 'number') {
      current = (current as Record<string, FrameworkNode[]>)[key]?.[path[i + 1] as number];
      code = (current as FrameworkNode | undefined)?.code ?? code;
      i += 2;
      continue;
    }
    break;
  }
  const rest = path.slice(i).map(String).join('.');
  return { code, field: rest || undefined };
}

function schemaMessage(message: string, path: readonly PropertyKey[]): string {
  const where = path.map(String).join('.');
  // Zod's own messages are English for types it checks itself; keep ours, prefix the others.
  return /[À-ỹ]/.test(message) ? message : `Giá trị không hợp lệ tại ${where || 'tài liệu'} (${message})`;
}
