/**
 * Số báo danh: a prefix of "TS" and the contest year's last two digits, a dash, then a sequence of at
 * least four digits (TS26-0001). New numbers continue after the highest number of the same prefix, and
 * are given in the order of unit name, then given name (the last word), then full name, in Vietnamese
 * collation, so each unit's candidates get consecutive numbers in the order of its list.
 */
export function numberPrefix(year: number): string {
  return `TS${String(year % 100).padStart(2, '0')}-`;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

const givenName = (fullName: string) => fullName.trim().split(/\s+/).pop() ?? '';

/** Vietnamese order: unit, then given name, then full name (then the file's order). */
export function compareForNumbering(
  a: { unitName: string; fullName: string; rowNumber: number },
  b: { unitName: string; fullName: string; rowNumber: number },
): number {
  return (
    collator.compare(a.unitName, b.unitName) ||
    collator.compare(givenName(a.fullName), givenName(b.fullName)) ||
    collator.compare(a.fullName, b.fullName) ||
    a.rowNumber - b.rowNumber
  );
}

/** Gives numbers to the rows that have none; `taken` holds the numbers already used in the contest. */
export function assignNumbers<T extends { unitName: string; fullName: string; rowNumber: number }>(
  rows: (T & { number: string | null })[],
  taken: Iterable<string>,
  prefix: string,
): Map<number, string> {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)$`, 'i');
  const used = new Set<string>();
  let last = 0;
  for (const n of [...taken, ...rows.flatMap((r) => (r.number ? [r.number] : []))]) {
    used.add(n.toUpperCase());
    const m = pattern.exec(n);
    if (m) last = Math.max(last, Number(m[1]));
  }
  const result = new Map<number, string>();
  for (const row of rows.filter((r) => !r.number).sort(compareForNumbering)) {
    let next: string;
    do {
      last += 1;
      next = `${prefix}${String(last).padStart(4, '0')}`;
    } while (used.has(next.toUpperCase()));
    used.add(next.toUpperCase());
    result.set(row.rowNumber, next);
  }
  return result;
}
