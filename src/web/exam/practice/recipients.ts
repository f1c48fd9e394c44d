import type { TPracticeView } from '../../../contracts/practice';
import { foldVietnamese, isEmail, normaliseAddress } from '../../../contracts/practice-domain';

export type DirectoryEntry = TPracticeView['directory'][number];

const SEPARATOR = /[,;\n]/;

/** The entries of a recipient field, as typed ("a@x.vn, Lê Hoàng Phúc; Tên <b@y.vn>"). */
export function splitRecipients(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The address one typed entry stands for: an address as is, "Name <address>", or a name that exactly
 * one directory entry has (diacritics and case ignored); null when it is none of these.
 */
export function resolveRecipient(entry: string, directory: DirectoryEntry[]): string | null {
  const bracketed = /<([^<>]+)>\s*$/.exec(entry);
  const candidate = (bracketed ? bracketed[1]! : entry).trim();
  if (isEmail(candidate)) return candidate;
  const name = foldVietnamese(entry);
  const matches = directory.filter((d) => foldVietnamese(d.name) === name);
  return matches.length === 1 ? matches[0]!.email : null;
}

/** The addresses of a recipient field (duplicates dropped) and the entries it could not make out. */
export function parseRecipients(
  text: string,
  directory: DirectoryEntry[],
): { addresses: string[]; unknown: string[] } {
  const addresses: string[] = [];
  const unknown: string[] = [];
  for (const entry of splitRecipients(text)) {
    const address = resolveRecipient(entry, directory);
    if (!address) unknown.push(entry);
    else if (!addresses.some((a) => normaliseAddress(a) === normaliseAddress(address)))
      addresses.push(address);
  }
  return { addresses, unknown };
}

/** The entry being typed: what follows the last separator. */
export function currentEntry(text: string): string {
  const parts = text.split(SEPARATOR);
  return (parts[parts.length - 1] ?? '').trim();
}

/** The field with the entry being typed replaced by a chosen address, ready for the next one. */
export function completeEntry(text: string, address: string): string {
  const cut = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'), text.lastIndexOf('\n'));
  const head = cut >= 0 ? `${text.slice(0, cut + 1).trimEnd()} ` : '';
  return `${head}${address}, `;
}

/**
 * Directory entries for the entry being typed: name or address contains it (diacritics ignored), names
 * that start with it first; entries already in the field and the `exclude` addresses are left out.
 */
export function suggestRecipients(
  text: string,
  directory: DirectoryEntry[],
  exclude: string[] = [],
  limit = 8,
): DirectoryEntry[] {
  const typed = foldVietnamese(currentEntry(text));
  if (!typed) return [];
  const taken = new Set(
    [...splitRecipients(text).map((e) => resolveRecipient(e, directory) ?? ''), ...exclude].map(
      normaliseAddress,
    ),
  );
  const scored = directory.flatMap((d) => {
    if (taken.has(normaliseAddress(d.email))) return [];
    const name = foldVietnamese(d.name);
    const email = d.email.toLowerCase();
    if (name.startsWith(typed) || email.startsWith(typed)) return [{ d, rank: 0 }];
    if (name.split(' ').some((w) => w.startsWith(typed))) return [{ d, rank: 1 }];
    if (name.includes(typed) || email.includes(typed)) return [{ d, rank: 2 }];
    return [];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.d.name.localeCompare(b.d.name, 'vi'))
    .slice(0, limit)
    .map((s) => s.d);
}
