import type { TIssue } from '../../contracts/frameworks';
import type { Framework } from '../../core/framework/model';
import { validateFramework } from '../../core/framework/validate';
import { AppError } from '../../core/shared/app-error';
import { walkNodes } from './node-tree';

export interface FrameworkCheck {
  errors: TIssue[];
  warnings: TIssue[];
}

/**
 * The validation shown beside a version. Errors keep a set out of a cycle but do not block saving, since
 * a tree under construction is unbalanced between two edits.
 */
export function checkFramework(f: Framework): FrameworkCheck {
  return validateFramework(f);
}

/** Refuses a tree whose node codes repeat: edits address nodes by code. */
export function assertUniqueCodes(f: Framework): void {
  const seen = new Set<string>();
  const dups: TIssue[] = [];
  for (const n of walkNodes(f.nodes)) {
    if (seen.has(n.code)) dups.push({ path: n.code, message: `Mã ${n.code} bị trùng` });
    seen.add(n.code);
  }
  if (dups.length > 0) throw new AppError('framework_invalid', dups.map((d) => d.message).join('; '), dups);
}
