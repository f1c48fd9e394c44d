import type { FormInstance } from 'antd';
import { ApiError, fieldIssues } from '../backend/client';
import { showError } from './feedback';

type NamePath = (string | number)[];

function toNamePath(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a failed request on a form: `validation_failed` details (and codes listed in `codeFields`, e.g.
 * `unit_code_taken` → code) go under their fields; anything that matches no field is shown as a message.
 * `fieldFor` maps an API path to a form field (return null when the form has no such field).
 */
export function applyFormError(
  form: FormInstance,
  err: unknown,
  opts: { fieldFor?: (path: string) => NamePath | null; codeFields?: Record<string, string> } = {},
): void {
  const fieldFor = opts.fieldFor ?? ((p: string) => toNamePath(p));
  const issues = fieldIssues(err);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  let unmatched = issues.length === 0;
  for (const issue of issues) {
    const name = issue.path ? fieldFor(issue.path) : null;
    if (!name) {
      unmatched = true;
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  const codeField = err instanceof ApiError ? opts.codeFields?.[err.code] : undefined;
  if (codeField && err instanceof ApiError && !byField.has(codeField)) {
    byField.set(codeField, { name: [codeField], errors: [err.message] });
    unmatched = false;
  }
  form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.errors })));
  if (unmatched || byField.size === 0) showError(err);
}
