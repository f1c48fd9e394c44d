import type { TPracticeMail } from '../../../contracts/practice';
import { foldVietnamese } from '../../../contracts/practice-domain';

export type Folder = TPracticeMail['folder'];

/** What a folder shows beside its name: unread mails, and (for drafts) how many there are. */
export interface FolderCount {
  total: number;
  unread: number;
}

export const FOLDER_ORDER: Folder[] = ['inbox', 'sent', 'drafts', 'trash', 'junk'];

/** Total and unread mails per folder (own mails are never unread: sent mails and drafts count as read). */
export function folderCounts(mails: TPracticeMail[]): Record<Folder, FolderCount> {
  const counts = Object.fromEntries(FOLDER_ORDER.map((f) => [f, { total: 0, unread: 0 }])) as Record<
    Folder,
    FolderCount
  >;
  for (const m of mails) {
    counts[m.folder].total += 1;
    if (!m.read && m.folder !== 'sent' && m.folder !== 'drafts') counts[m.folder].unread += 1;
  }
  return counts;
}

/** The folders the mailbox lists: the junk folder only when something is in it (or it is open). */
export function visibleFolders(mails: TPracticeMail[], current: Folder): Folder[] {
  return FOLDER_ORDER.filter((f) => f !== 'junk' || current === 'junk' || mails.some((m) => m.folder === f));
}

/**
 * The mails of one folder matching a search, newest first. The search looks at the sender (name and
 * address), the recipients, the subject and the body, ignoring case and Vietnamese diacritics; every
 * word must occur ("tap huan linh" finds "Tập huấn…" sent by "Nguyễn Thị Mỹ Linh").
 */
export function folderMails(mails: TPracticeMail[], folder: Folder, query: string): TPracticeMail[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return mails
    .filter((m) => m.folder === folder)
    .filter((m) => {
      if (words.length === 0) return true;
      const haystack = foldVietnamese(
        [m.from.name, m.from.email, ...m.to, ...m.cc, m.subject, m.body].join(' '),
      );
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.id.localeCompare(b.id));
}

/** The first line of a mail's body, for the list. */
export function snippet(body: string, max = 90): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
