import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { saveDraft, sendMail } from './mail';
import { listFolder, searchMails } from './mail-actions';
import { composeReply } from './mail-compose';
import { seedSandbox } from './sandbox';
import type { SandboxState } from './state';
import { miniScenario, testClock } from './test-fixtures';

const me = 'an@nk.vn';
const clock = testClock('2022-09-15T00:30:00Z');
const seeded = seedSandbox(miniScenario(), {
  candidate: { name: 'Trần Văn An', email: me },
  ...clock.next(),
});
const khMail = seeded.mails.find((m) => m.seedKey === 'kh-mail')!;
const lastEvent = (s: SandboxState) => s.events.at(-1)!;
const mailsOf = (s: SandboxState, owner: string) => s.mails.filter((m) => m.owner === owner);

describe('sendMail', () => {
  it('keeps a sent copy and delivers to every sandbox mailbox, hiding Bcc from recipients', () => {
    const state = sendMail(
      seeded,
      { to: ['VHTT@nk.vn'], cc: ['vp@nk.vn'], bcc: ['khang@nk.vn'], subject: ' Kế hoạch ', body: 'Xem.' },
      clock.next(),
    );
    const sent = listFolder(state, 'sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      subject: 'Kế hoạch',
      to: ['VHTT@nk.vn'],
      bcc: ['khang@nk.vn'],
      read: true,
    });
    expect(sent[0]!.undelivered).toBeUndefined();
    for (const owner of ['vhtt@nk.vn', 'vp@nk.vn', 'khang@nk.vn']) {
      const [copy] = mailsOf(state, owner);
      expect(copy, owner).toMatchObject({
        folder: 'inbox',
        bcc: [],
        read: false,
        messageId: sent[0]!.messageId,
      });
    }
    expect(lastEvent(state)).toMatchObject({
      type: 'mail_sent',
      data: { mailId: sent[0]!.id, undelivered: [] },
    });
  });

  it('lists addresses outside the sandbox as undelivered and refuses bad input', () => {
    const state = sendMail(seeded, { to: ['ai.do@gmail.com'], subject: 's', body: '' }, clock.next());
    expect(listFolder(state, 'sent')[0]!.undelivered).toEqual(['ai.do@gmail.com']);
    expect(() => sendMail(seeded, { to: [], subject: 's', body: '' }, clock.next())).toThrow(/người nhận/);
    expect(() => sendMail(seeded, { to: ['khong-hop-le'], subject: 's', body: '' }, clock.next())).toThrow(
      AppError,
    );
  });

  it('attaches received files, documents and uploads, but not files the candidate never received', () => {
    const doc = seeded.documents.find((d) => d.key === 'qd')!;
    const upload = { ref: 'blob-1', fileName: 'Bao-cao.docx', mediaType: 'application/msword', sha256: 'AB' };
    const state = sendMail(
      seeded,
      {
        to: ['vhtt@nk.vn'],
        subject: 's',
        body: '',
        attachments: [{ fileId: khMail.attachments[0]!.fileId }, { documentId: doc.id }, { upload }],
      },
      clock.next(),
    );
    const sent = listFolder(state, 'sent')[0]!;
    expect(sent.attachments.map((a) => a.fileName)).toEqual([
      'Ke-hoach.pdf',
      'du-thao-qd.pdf',
      'Bao-cao.docx',
    ]);
    expect(state.files.at(-1)).toMatchObject({ source: 'upload', uploadRef: 'blob-1', sha256: 'ab' });
    // A seed file that came in no mail of the candidate cannot be attached.
    const scenario = miniScenario();
    scenario.files.push({ key: 'secret', fileName: 'mat.pdf', mediaType: 'application/pdf', body: '' });
    const s2 = seedSandbox(scenario, { candidate: { name: 'A', email: me }, ...clock.next() });
    const hidden = s2.files.find((f) => f.key === 'secret')!;
    expect(() =>
      sendMail(
        s2,
        { to: ['vp@nk.vn'], subject: 's', body: '', attachments: [{ fileId: hidden.id }] },
        clock.next(),
      ),
    ).toThrow(/tệp đính kèm/);
  });

  it('saves, updates and then sends a draft, which leaves the drafts folder', () => {
    let state = saveDraft(seeded, { to: [], subject: 'Nháp', body: 'a' }, clock.next());
    const draftId = listFolder(state, 'drafts')[0]!.id;
    state = saveDraft(state, { to: ['vp@nk.vn'], subject: 'Nháp 2', body: 'b', draftId }, clock.next());
    expect(listFolder(state, 'drafts').map((m) => [m.id, m.subject])).toEqual([[draftId, 'Nháp 2']]);
    state = sendMail(state, { to: ['vp@nk.vn'], subject: 'Gửi', body: 'b', draftId }, clock.next());
    expect(listFolder(state, 'drafts')).toEqual([]);
    expect(listFolder(state, 'sent').map((m) => m.subject)).toEqual(['Gửi']);
    expect(() =>
      sendMail(state, { to: ['vp@nk.vn'], subject: 'x', body: '', draftId: khMail.id }, clock.next()),
    ).toThrow(/nháp/);
  });
});

describe('composeReply', () => {
  it('replies to the sender with a quoted body and a single "Re:"', () => {
    const reply = composeReply(seeded, khMail.id, 'reply');
    expect(reply).toMatchObject({ to: ['vp@nk.vn'], cc: [], subject: 'Re: Dự thảo Kế hoạch chuyển đổi số' });
    expect(reply.inReplyTo).toBe(khMail.id);
    // 08:00 +07:00 is shown in Vietnam time.
    expect(reply.body).toContain(
      'Vào lúc 14/09/2022 08:00, Chánh Văn phòng <vp@nk.vn> đã viết:\n> Gửi anh dự thảo.',
    );
    const sent = sendMail(seeded, reply, clock.next());
    const again = composeReply(sent, listFolder(sent, 'sent')[0]!.id, 'reply');
    expect(again.subject).toBe('Re: Dự thảo Kế hoạch chuyển đổi số');
    expect(again.to).toEqual(['vp@nk.vn']); // answering one's own mail goes to its recipients
  });

  it('reply-all keeps the other recipients and leaves the candidate out', () => {
    const all = composeReply(seeded, khMail.id, 'reply_all');
    expect(all.to).toEqual(['vp@nk.vn']);
    expect(all.cc).toEqual(['noivu@nk.vn']);
  });

  it('forward keeps the attachments and marks the origin', () => {
    const fwd = composeReply(seeded, khMail.id, 'forward');
    expect(fwd).toMatchObject({
      to: [],
      subject: 'Fwd: Dự thảo Kế hoạch chuyển đổi số',
      forwardOf: khMail.id,
    });
    expect(fwd.attachments).toEqual([{ fileId: khMail.attachments[0]!.fileId }]);
    expect(fwd.body).toContain('---------- Thư chuyển tiếp ----------');
    const state = sendMail(seeded, { ...fwd, to: ['vhtt@nk.vn'] }, clock.next());
    expect(mailsOf(state, 'vhtt@nk.vn')[0]!.attachments[0]!.fileName).toBe('Ke-hoach.pdf');
  });

  it("refuses another mailbox's mail", () => {
    const state = sendMail(seeded, { to: ['vp@nk.vn'], subject: 's', body: '' }, clock.next());
    const theirs = mailsOf(state, 'vp@nk.vn')[0]!;
    expect(() => composeReply(state, theirs.id, 'reply')).toThrow(AppError);
  });
});

describe('searchMails', () => {
  it('finds mails ignoring case and diacritics, across subject, sender and attachment names', () => {
    expect(searchMails(seeded, 'ke hoach').map((m) => m.seedKey)).toEqual(['kh-mail']);
    expect(searchMails(seeded, 'CHANH VAN PHONG').map((m) => m.seedKey)).toEqual(['kh-mail']);
    expect(searchMails(seeded, 'pdf.exe').map((m) => m.seedKey)).toEqual(['phish']);
    expect(searchMails(seeded, 'kế hoạch lương')).toEqual([]);
    expect(searchMails(seeded, '  ')).toEqual([]);
    expect(searchMails(seeded, 'ke hoach', 'trash')).toEqual([]);
  });
});
