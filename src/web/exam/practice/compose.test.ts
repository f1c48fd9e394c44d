import { describe, expect, it } from 'vitest';
import { checkCompose, draftForm, EMPTY_FORM, ownText, replyForm } from './compose';
import { mail, practiceView } from './view-fixture';

const received = mail({
  id: 'm1',
  from: { name: 'Phòng Văn hóa', email: 'vhtt@quan.vn' },
  to: ['pct@phuong.vn', 'khac@phuong.vn'],
  cc: ['PCT@phuong.vn', 'cc@quan.vn'],
  subject: 'Đề nghị đăng ký',
  body: 'Dòng 1\nDòng 2',
  attachments: [{ fileId: 'f1', fileName: 'Danh-sach.pdf' }],
});
const view = practiceView({ mails: [received] });

describe('reply, reply to all, forward', () => {
  it('answers the sender with "Re:" and the quoted mail', () => {
    const f = replyForm(view, 'm1', 'reply');
    expect(f.to).toBe('vhtt@quan.vn');
    expect(f.cc).toBe('');
    expect(f.subject).toBe('Re: Đề nghị đăng ký');
    expect(f.body).toContain('> Dòng 1\n> Dòng 2');
    expect(f.inReplyTo).toBe('m1');
    expect(f.attachments).toEqual([]);
  });

  it('keeps every other recipient on reply-all and leaves the candidate out', () => {
    const f = replyForm(view, 'm1', 'reply_all');
    expect(f.to).toBe('vhtt@quan.vn, khac@phuong.vn');
    // The candidate's address is in cc in other case: it is still left out.
    expect(f.cc).toBe('cc@quan.vn');
  });

  it('forwards with the attachments, named as in the mail', () => {
    const f = replyForm(view, 'm1', 'forward');
    expect(f.to).toBe('');
    expect(f.subject).toBe('Fwd: Đề nghị đăng ký');
    expect(f.forwardOf).toBe('m1');
    expect(f.attachments).toEqual([{ label: 'Danh-sach.pdf', input: { fileId: 'f1' } }]);
  });

  it('opens a draft again with its fields and id', () => {
    const d = mail({
      id: 'd1',
      folder: 'drafts',
      to: ['a@x.vn', 'b@y.vn'],
      bcc: ['z@z.vn'],
      inReplyTo: 'm1',
    });
    const f = draftForm(d);
    expect(f).toMatchObject({ to: 'a@x.vn, b@y.vn', bcc: 'z@z.vn', draftId: 'd1', inReplyTo: 'm1' });
  });
});

describe('checking the mail before it goes', () => {
  it('refuses a mail without a recipient in "Đến"', () => {
    const r = checkCompose({ ...EMPTY_FORM, cc: 'a@x.vn', subject: 'S' }, view.directory, 'send');
    expect(r.errors).toEqual(['Chưa nhập người nhận ở ô Đến.']);
  });

  it('names each recipient it cannot make out, with its field', () => {
    const r = checkCompose(
      { ...EMPTY_FORM, to: 'a@x.vn', bcc: 'ai đó', subject: 'S' },
      view.directory,
      'send',
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('“ai đó” ở ô Bcc');
  });

  it('warns (without refusing) about a missing subject and a mentioned but missing attachment', () => {
    const r = checkCompose(
      { ...EMPTY_FORM, to: 'a@x.vn', body: 'Gửi anh tệp đính kèm.' },
      view.directory,
      'send',
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(2);
  });

  it('does not count the quoted mail as the candidate mentioning an attachment', () => {
    const f = replyForm(practiceView({ mails: [{ ...received, body: 'Xem tệp đính kèm.' }] }), 'm1', 'reply');
    expect(ownText(f.body).trim()).toBe('');
    expect(checkCompose(f, view.directory, 'send').warnings).toEqual([]);
  });

  it('keeps a draft without recipients and builds the request', () => {
    const form = {
      ...EMPTY_FORM,
      to: 'Lê Hoàng Phúc',
      subject: '  Tiêu đề  ',
      body: 'B',
      attachments: [{ label: 'x.pdf', input: { upload: { ref: 'u1' } } }],
      draftId: 'd1',
    };
    const r = checkCompose(form, view.directory, 'draft');
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual({
      to: ['lhphuc@phuong.vn'],
      subject: 'Tiêu đề',
      body: 'B',
      attachments: [{ upload: { ref: 'u1' } }],
      draftId: 'd1',
    });
    expect(checkCompose(EMPTY_FORM, view.directory, 'draft').errors).toEqual([]);
  });
});
