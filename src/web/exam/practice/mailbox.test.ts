import { describe, expect, it } from 'vitest';
import { folderCounts, folderMails, snippet, visibleFolders } from './mailbox';
import { mail } from './view-fixture';

const mails = [
  mail({ id: 'a', subject: 'Danh sách tập huấn kỹ năng số', read: false }),
  mail({ id: 'b', subject: 'Bản tin', read: true, at: '2023-06-19T08:00:00+07:00' }),
  mail({
    id: 'c',
    subject: 'Nâng lương',
    from: { name: 'Sở Nội vụ', email: 'tochuc@gia-mao.com' },
    read: false,
    at: '2023-06-23T16:45:00+07:00',
  }),
  mail({ id: 'd', folder: 'sent', read: false, subject: 'Re: Danh sách' }),
  mail({ id: 'e', folder: 'drafts', read: false }),
  mail({ id: 'f', folder: 'trash', read: false }),
];

describe('folders', () => {
  it('counts unread mails per folder, never in sent or drafts', () => {
    const c = folderCounts(mails);
    // Inbox: a and c unread, b read.
    expect(c.inbox).toEqual({ total: 3, unread: 2 });
    expect(c.sent).toEqual({ total: 1, unread: 0 });
    expect(c.drafts).toEqual({ total: 1, unread: 0 });
    expect(c.trash).toEqual({ total: 1, unread: 1 });
    expect(c.junk).toEqual({ total: 0, unread: 0 });
  });

  it('lists the junk folder only when it holds mail or is open', () => {
    expect(visibleFolders(mails, 'inbox')).toEqual(['inbox', 'sent', 'drafts', 'trash']);
    expect(visibleFolders(mails, 'junk')).toContain('junk');
    expect(visibleFolders([...mails, mail({ id: 'j', folder: 'junk' })], 'inbox')).toContain('junk');
  });
});

describe('searching a folder', () => {
  it('lists one folder newest first', () => {
    expect(folderMails(mails, 'inbox', '').map((m) => m.id)).toEqual(['c', 'a', 'b']);
  });

  it('finds by subject, sender name, address and body, ignoring diacritics and case', () => {
    expect(folderMails(mails, 'inbox', 'tap huan').map((m) => m.id)).toEqual(['a']);
    expect(folderMails(mails, 'inbox', 'NỘI VỤ').map((m) => m.id)).toEqual(['c']);
    expect(folderMails(mails, 'inbox', 'gia-mao.com').map((m) => m.id)).toEqual(['c']);
    // Every mail of the fixture has the body "Nội dung".
    expect(folderMails(mails, 'inbox', 'noi dung')).toHaveLength(3);
  });

  it('needs every word to match', () => {
    expect(folderMails(mails, 'inbox', 'tập huấn phúc').map((m) => m.id)).toEqual(['a']);
    expect(folderMails(mails, 'inbox', 'tập huấn nội vụ')).toEqual([]);
  });

  it('shortens a long body to one line for the list', () => {
    expect(snippet('Kính gửi\n\nanh chị', 90)).toBe('Kính gửi anh chị');
    expect(snippet('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
