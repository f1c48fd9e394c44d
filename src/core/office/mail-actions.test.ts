import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { sendMail } from './mail';
import {
  listFolder,
  markRead,
  moveToTrash,
  openAttachment,
  reportPhishing,
  restoreMail,
} from './mail-actions';
import { seedSandbox } from './sandbox';
import { miniScenario, testClock } from './test-fixtures';

const clock = testClock('2022-09-15T00:30:00Z');
const seeded = seedSandbox(miniScenario(), { candidate: { name: 'An', email: 'an@nk.vn' }, ...clock.next() });
const phish = seeded.mails.find((m) => m.seedKey === 'phish')!;
const get = (s: typeof seeded, id: string) => s.mails.find((m) => m.id === id)!;

describe('mail actions', () => {
  it('marks read and unread, logging only real changes', () => {
    const read = markRead(seeded, phish.id, true, clock.next());
    expect(get(read, phish.id).read).toBe(true);
    expect(markRead(read, phish.id, true, clock.next())).toBe(read);
    expect(get(markRead(read, phish.id, false, clock.next()), phish.id).read).toBe(false);
  });

  it('logs every opened attachment once on the mail and every time in the event log', () => {
    const fileId = phish.attachments[0]!.fileId;
    let state = openAttachment(seeded, phish.id, fileId, clock.next());
    state = openAttachment(state, phish.id, fileId, clock.next());
    expect(get(state, phish.id)).toMatchObject({ read: true, openedAttachments: [fileId] });
    expect(state.events.filter((e) => e.type === 'attachment_opened')).toHaveLength(2);
    const other = seeded.mails.find((m) => m.seedKey === 'kh-mail')!.attachments[0]!.fileId;
    expect(() => openAttachment(seeded, phish.id, other, clock.next())).toThrow(AppError);
  });

  it('reports phishing into the junk folder and restores it, withdrawing the report', () => {
    let state = reportPhishing(seeded, phish.id, clock.next());
    expect(get(state, phish.id)).toMatchObject({ folder: 'junk', reported: true });
    expect(listFolder(state, 'inbox').map((m) => m.seedKey)).toEqual(['kh-mail']);
    state = restoreMail(state, phish.id, clock.next());
    expect(get(state, phish.id).folder).toBe('inbox');
    expect(get(state, phish.id).reported).toBeUndefined();
    expect(state.events.map((e) => e.type).slice(1)).toEqual(['mail_reported', 'mail_restored']);
  });

  it('moves to the trash (a reported mail stays reported) and restores a sent mail to "sent"', () => {
    let state = moveToTrash(reportPhishing(seeded, phish.id, clock.next()), phish.id, clock.next());
    expect(get(state, phish.id)).toMatchObject({ folder: 'trash', reported: true });
    state = sendMail(state, { to: ['vp@nk.vn'], subject: 'x', body: '' }, clock.next());
    const sent = listFolder(state, 'sent')[0]!;
    state = restoreMail(moveToTrash(state, sent.id, clock.next()), sent.id, clock.next());
    expect(get(state, sent.id).folder).toBe('sent');
  });

  it("refuses to report one's own mail or touch another mailbox", () => {
    const state = sendMail(seeded, { to: ['vp@nk.vn'], subject: 'x', body: '' }, clock.next());
    const sent = listFolder(state, 'sent')[0]!;
    expect(() => reportPhishing(state, sent.id, clock.next())).toThrow(/Chỉ báo cáo/);
    const theirs = state.mails.find((m) => m.owner === 'vp@nk.vn')!;
    expect(() => moveToTrash(state, theirs.id, clock.next())).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
