import { CANDIDATE_KEY } from './scenario';

/** Records one problem of a scenario at a path ("tasks.2.checks.0.document"). */
export type AddProblem = (path: string, message: string) => void;

const KEY = /^[a-z0-9][a-z0-9_-]{0,59}$/;

/** A non-empty string. */
export const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The array, or an empty one when the value is missing or not an array (reported elsewhere). */
export const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/** Reports keys that break the pattern or repeat within one namespace; returns the namespace. */
export function checkKeys(
  items: { key?: unknown }[],
  path: string,
  add: AddProblem,
  seen = new Set<string>(),
) {
  items.forEach((item, i) => {
    const key = item.key;
    if (typeof key !== 'string' || !KEY.test(key) || key === CANDIDATE_KEY) {
      add(
        `${path}.${i}.key`,
        `Mã “${String(key)}” phải gồm chữ thường, chữ số, “-”, “_” (và khác “${CANDIDATE_KEY}”)`,
      );
    } else if (seen.has(key)) add(`${path}.${i}.key`, `Mã “${key}” bị trùng`);
    else seen.add(key);
  });
  return seen;
}
