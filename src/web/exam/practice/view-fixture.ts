import type { TPracticeMail, TPracticeView } from '../../../contracts/practice';

/** A small practice view for the helpers' tests: a ward's mailbox, directory and documents. */
export function mail(over: Partial<TPracticeMail> & { id: string }): TPracticeMail {
  return {
    folder: 'inbox',
    messageId: `<${over.id}@thuocdo>`,
    from: { name: 'Lê Hoàng Phúc', email: 'lhphuc@phuong.vn' },
    to: ['pct@phuong.vn'],
    cc: [],
    bcc: [],
    subject: 'Chủ đề',
    body: 'Nội dung',
    attachments: [],
    at: '2023-06-22T14:10:00+07:00',
    read: false,
    reported: false,
    ...over,
  };
}

export function practiceView(over: Partial<TPracticeView> = {}): TPracticeView {
  return {
    seq: 3,
    closed: false,
    scenario: { code: 's', name: 'Đề', totalPoints: 10, tasks: [] },
    candidate: { name: 'Trần Văn Bình', email: 'pct@phuong.vn', position: 'Phó Chủ tịch', certificate: null },
    agency: { name: 'Ủy ban nhân dân phường Hưng Lợi', abbreviation: 'UBND', place: 'Hưng Lợi' },
    directory: [
      { key: 'candidate', kind: 'candidate', name: 'Trần Văn Bình', email: 'pct@phuong.vn' },
      { key: 'van-thu', kind: 'clerk', name: 'Trịnh Thị Bích Tuyền', email: 'vanthu@phuong.vn' },
      { key: 'bp-van-hoa', kind: 'unit', name: 'Bộ phận Văn hóa - Xã hội', email: 'vanhoa@phuong.vn' },
      { key: 'bp-tu-phap', kind: 'unit', name: 'Bộ phận Tư pháp - Hộ tịch', email: 'tuphap@phuong.vn' },
      { key: 'cc-van-hoa', kind: 'person', name: 'Lê Hoàng Phúc', email: 'lhphuc@phuong.vn' },
      { key: 'cc-ke-toan', kind: 'person', name: 'Nguyễn Thị Mỹ Linh', email: 'ntmlinh@phuong.vn' },
      { key: 'cc-linh-2', kind: 'person', name: 'Lê Thị Linh', email: 'ltlinh@phuong.vn' },
      { key: 'ubnd-quan', kind: 'agency', name: 'Ủy ban nhân dân quận Ninh Kiều', email: 'ubnd@quan.vn' },
    ],
    mails: [],
    files: [],
    documents: [],
    token: { wrongPins: 0, locked: false, attemptsLeft: 3 },
    questions: [],
    answers: [],
    ...over,
  };
}
