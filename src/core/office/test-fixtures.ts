import type { Scenario } from './scenario';
import type { ActionContext } from './state';

/** A clock and id source for tests: each `next()` is one minute later; ids count up. */
export function testClock(start: string) {
  let t = Date.parse(start);
  let n = 0;
  const newId = () => `id${++n}`;
  return {
    next(minutes = 1): ActionContext {
      t += minutes * 60_000;
      return { now: new Date(t).toISOString(), newId };
    },
  };
}

/** A small scenario with one of everything, for the unit tests of the sandbox and the grader. */
export function miniScenario(): Scenario {
  return {
    formatVersion: 1,
    code: 'mini-2022',
    name: 'Đề thử',
    year: 2022,
    totalPoints: 20,
    candidate: {
      position: 'Phó Chủ tịch',
      agency: { name: 'Ủy ban nhân dân quận Ninh Kiều', abbreviation: 'UBND', place: 'Ninh Kiều' },
    },
    actors: {
      clerk: { key: 'van-thu', name: 'Văn thư', position: 'Văn thư', email: 'vanthu@nk.vn' },
      units: [
        { key: 'vhtt', name: 'Phòng Văn hóa và Thông tin', email: 'vhtt@nk.vn' },
        { key: 'noi-vu', name: 'Phòng Nội vụ', email: 'noivu@nk.vn' },
        { key: 'vp', name: 'Văn phòng', email: 'vp@nk.vn' },
      ],
      people: [
        { key: 'cv', name: 'Nguyễn Khang', position: 'Chuyên viên', unit: 'vhtt', email: 'khang@nk.vn' },
      ],
      agencies: [
        { key: 'sotttt', name: 'Sở Thông tin và Truyền thông', abbreviation: 'STTTT', email: 'stttt@ct.vn' },
      ],
    },
    files: [
      { key: 'kh', fileName: 'Ke-hoach.pdf', mediaType: 'application/pdf', body: 'Kế hoạch' },
      { key: 'virus', fileName: 'luong.pdf.exe', mediaType: 'application/octet-stream', body: 'mô phỏng' },
    ],
    mails: [
      {
        key: 'kh-mail',
        from: { name: 'Chánh Văn phòng', email: 'vp@nk.vn' },
        cc: ['noivu@nk.vn'],
        subject: 'Dự thảo Kế hoạch chuyển đổi số',
        body: 'Gửi anh dự thảo.',
        sentAt: '2022-09-14T08:00:00+07:00',
        attachments: ['kh'],
      },
      {
        key: 'phish',
        from: { name: 'Sở Nội vụ', email: 'hr@gia-mao.com' },
        subject: 'Nâng lương gấp',
        body: 'Mở tệp để xác nhận.',
        sentAt: '2022-09-14T09:00:00+07:00',
        attachments: ['virus'],
        phishing: true,
      },
    ],
    incoming: [
      {
        key: 'cv-den',
        type: 'cong_van',
        numberSymbol: '2150/STTTT-CNTT',
        issuedDate: '2022-09-08',
        issuer: 'sotttt',
        subject: 'V/v ký số',
        body: 'Nội dung.',
        arrivalNumber: 1024,
        arrivalDate: '2022-09-12',
      },
    ],
    drafts: [
      {
        key: 'qd',
        type: 'quyet_dinh',
        subject: 'Thành lập Tổ công tác',
        body: 'Điều 1.',
        recipients: ['vhtt', 'sotttt'],
        drafter: 'cv',
      },
      {
        key: 'cv-di',
        type: 'cong_van',
        subject: 'Báo cáo ký số',
        body: 'Kính gửi.',
        recipients: ['sotttt'],
        unitAbbreviation: 'VHTT',
      },
    ],
    questions: [{ key: 'q1', prompt: 'Ai đang giữ văn bản?' }],
    tasks: [
      {
        id: 't1',
        title: 'Thư',
        instruction: 'Chuyển tiếp thư.',
        points: 5,
        checks: [
          { id: 'to', label: 'Đúng người nhận', kind: 'mail_sent', points: 3, to: ['vhtt@nk.vn'] },
          {
            id: 'att',
            label: 'Đính kèm',
            kind: 'mail_sent',
            points: 2,
            to: ['vhtt@nk.vn'],
            attachments: [{ file: 'kh' }],
          },
        ],
      },
      {
        id: 't2',
        title: 'Bút phê',
        instruction: 'Bút phê.',
        points: 5,
        checks: [
          {
            id: 'lead',
            label: 'Chủ trì',
            kind: 'directive_given',
            points: 3,
            document: 'cv-den',
            lead: 'vhtt',
          },
          {
            id: 'deadline',
            label: 'Hạn',
            kind: 'directive_given',
            points: 2,
            document: 'cv-den',
            deadline: { on: '2022-09-30' },
          },
        ],
      },
      {
        id: 't3',
        title: 'Ký số và phát hành',
        instruction: 'Ký số, chuyển văn thư.',
        points: 6,
        checks: [
          { id: 'sign', label: 'Ký số', kind: 'document_signed', points: 3, document: 'qd' },
          {
            id: 'issue',
            label: 'Phát hành',
            kind: 'document_issued',
            points: 3,
            document: 'qd',
            notation: 'QĐ-UBND',
            delivered: true,
          },
        ],
      },
      {
        id: 't4',
        title: 'Câu hỏi và an toàn',
        instruction: 'Trả lời; báo cáo thư giả mạo.',
        points: 4,
        checks: [
          {
            id: 'q',
            label: 'Trả lời',
            kind: 'question_answered',
            points: 2,
            question: 'q1',
            acceptTexts: ['Phòng Văn hóa và Thông tin'],
          },
          { id: 'rep', label: 'Báo cáo', kind: 'mail_reported', points: 1, mail: 'phish' },
          {
            id: 'no',
            label: 'Không mở',
            kind: 'attachment_not_opened',
            points: 1,
            mail: 'phish',
            requireSeen: true,
          },
        ],
      },
    ],
  };
}
