import { describe, expect, it } from 'vitest';
import { answerQuestion } from './answers';
import { sendToClerk } from './clerk';
import { gradePractice, type SignatureResults } from './grade';
import { forwardDocument, writeDirective } from './incoming';
import { sendMail } from './mail';
import { markRead, moveToTrash, openAttachment, reportPhishing } from './mail-actions';
import { composeReply } from './mail-compose';
import { seedSandbox } from './sandbox';
import { recordSignature } from './signing';
import type { SandboxState } from './state';
import { miniScenario, testClock } from './test-fixtures';

const scenario = miniScenario();
const clock = testClock('2022-09-15T00:30:00Z');
const seeded = seedSandbox(scenario, { candidate: { name: 'An', email: 'an@nk.vn' }, ...clock.next() });
const id = (s: SandboxState, key: string) => s.documents.find((d) => d.key === key)!.id;
const mail = (s: SandboxState, key: string) => s.mails.find((m) => m.seedKey === key)!;
const signedQd: SignatureResults = { qd: [{ valid: true, byCandidate: true, inWindow: true }] };
const check = (s: SandboxState, checkId: string, sigs: SignatureResults = {}) =>
  gradePractice(scenario, s, sigs)
    .tasks.flatMap((t) => t.checks)
    .find((c) => c.id === checkId)!;

const steps = {
  mail: (s: SandboxState) =>
    sendMail(s, { ...composeReply(s, mail(s, 'kh-mail').id, 'forward'), to: ['vhtt@nk.vn'] }, clock.next()),
  directive: (s: SandboxState) => {
    const d = { text: 'Giao VHTT.', lead: 'vhtt', deadline: '2022-09-30' };
    return forwardDocument(
      writeDirective(s, id(s, 'cv-den'), d, clock.next()),
      id(s, 'cv-den'),
      clock.next(),
    );
  },
  sign: (s: SandboxState) => recordSignature(s, id(s, 'qd'), { valid: true }, clock.next()),
  issue: (s: SandboxState) => sendToClerk(s, id(s, 'qd'), clock.next()),
  answer: (s: SandboxState) => answerQuestion(s, 'q1', { text: 'phong van hoa va thong tin.' }, clock.next()),
  phish: (s: SandboxState) => reportPhishing(s, mail(s, 'phish').id, clock.next()),
};
const run = (order: (keyof typeof steps)[]) => order.reduce((s, k) => steps[k](s), seeded);

describe('gradePractice', () => {
  it('gives nothing for an untouched sandbox, with a reason for every check', () => {
    const result = gradePractice(scenario, seeded, {});
    expect(result).toMatchObject({ scenarioCode: 'mini-2022', total: 0, max: 20 });
    const checks = result.tasks.flatMap((t) => t.checks);
    expect(checks.every((c) => !c.passed && c.points === 0 && c.explanation.length > 0)).toBe(true);
    expect(checks.find((c) => c.id === 'no')!.explanation).toMatch(/chưa xem/);
  });

  it('gives full marks for a complete run, whatever the order of the actions', () => {
    const a = gradePractice(
      scenario,
      run(['mail', 'directive', 'sign', 'issue', 'answer', 'phish']),
      signedQd,
    );
    const b = gradePractice(
      scenario,
      run(['phish', 'answer', 'sign', 'directive', 'issue', 'mail']),
      signedQd,
    );
    expect(a.total).toBe(20);
    expect(a.tasks.map((t) => t.points)).toEqual([5, 5, 6, 4]);
    expect(b.tasks.map((t) => t.checks.map((c) => c.passed))).toEqual(
      a.tasks.map((t) => t.checks.map((c) => c.passed)),
    );
    expect(b.total).toBe(20);
  });

  it('mail checks: each condition is looked for in one mail; an upload of the same bytes counts', () => {
    let s = sendMail(
      seeded,
      {
        to: ['vp@nk.vn'],
        subject: 'x',
        body: '',
        attachments: [{ fileId: mail(seeded, 'kh-mail').attachments[0]!.fileId }],
      },
      clock.next(),
    );
    expect(check(s, 'att')).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('thiếu người nhận vhtt@nk.vn'),
    });
    s = sendMail(s, { to: ['vhtt@nk.vn'], subject: 'x', body: '' }, clock.next());
    expect(check(s, 'to').passed).toBe(true);
    expect(check(s, 'att')).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('thiếu tệp đính kèm Ke-hoach.pdf'),
    });
    const hashed = { ...s, files: s.files.map((f) => (f.key === 'kh' ? { ...f, sha256: 'abc' } : f)) };
    const upload = { ref: 'b1', fileName: 'ke hoach (1).pdf', mediaType: 'application/pdf', sha256: 'ABC' };
    expect(
      check(
        sendMail(
          hashed,
          { to: ['vhtt@nk.vn'], subject: 'y', body: '', attachments: [{ upload }] },
          clock.next(),
        ),
        'att',
      ).passed,
    ).toBe(true);
  });

  it('a saved bút phê that was never forwarded earns nothing; a wrong lead loses only its check', () => {
    const saved = writeDirective(
      seeded,
      id(seeded, 'cv-den'),
      { text: 'x', lead: 'vhtt', deadline: '2022-09-30' },
      clock.next(),
    );
    expect(check(saved, 'lead')).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('chưa được chuyển xử lý'),
    });
    const wrong = forwardDocument(
      writeDirective(
        seeded,
        id(seeded, 'cv-den'),
        { text: 'x', lead: 'noi-vu', deadline: '2022-09-30' },
        clock.next(),
      ),
      id(seeded, 'cv-den'),
      clock.next(),
    );
    expect(check(wrong, 'lead')).toMatchObject({
      passed: false,
      explanation: 'Chưa đạt: chủ trì là Phòng Nội vụ, yêu cầu Phòng Văn hóa và Thông tin',
    });
    expect(check(wrong, 'deadline').passed).toBe(true);
  });

  it('signature checks trust only the verification of the final PDF', () => {
    const s = run(['sign']);
    expect(check(s, 'sign', {}).explanation).toMatch(/chưa được ký số/);
    expect(check(s, 'sign', { qd: [{ valid: true, byCandidate: false }] }).explanation).toMatch(
      /không có chữ ký số bằng chứng thư số của thí sinh/,
    );
    expect(check(s, 'sign', { qd: [{ valid: false, byCandidate: true }] }).explanation).toMatch(
      /không hợp lệ/,
    );
    expect(
      check(s, 'sign', { qd: [{ valid: true, byCandidate: true, inWindow: false }] }).explanation,
    ).toMatch(/ngoài thời gian/);
    expect(
      check(s, 'sign', {
        qd: [
          { valid: true, byAgency: true, byCandidate: false },
          { valid: true, byCandidate: true },
        ],
      }).passed,
    ).toBe(true);
  });

  it('issue check: number in the register, right symbol, delivered to every recipient', () => {
    const s = run(['sign', 'issue']);
    expect(check(s, 'issue')).toMatchObject({
      passed: true,
      explanation: 'Đạt: phát hành số 01/QĐ-UBND ngày 15/09/2022',
    });
    const lost = { ...s, mails: s.mails.filter((m) => m.owner !== 'stttt@ct.vn') };
    expect(check(lost, 'issue').explanation).toMatch(/Sở Thông tin và Truyền thông chưa nhận/);
    const forged = { ...s, register: [] };
    expect(check(forged, 'issue').explanation).toMatch(/sổ đăng ký/);
    expect(check(run(['sign']), 'issue').explanation).toMatch(/chưa được chuyển văn thư/);
  });

  it('question and phishing checks', () => {
    expect(check(answerQuestion(seeded, 'q1', { text: 'Phòng Nội vụ' }, clock.next()), 'q').explanation).toBe(
      'Chưa đạt: câu trả lời “Phòng Nội vụ” chưa đúng',
    );
    const phish = mail(seeded, 'phish');
    const opened = reportPhishing(
      openAttachment(seeded, phish.id, phish.attachments[0]!.fileId, clock.next()),
      phish.id,
      clock.next(),
    );
    expect([check(opened, 'rep').passed, check(opened, 'no').passed]).toEqual([true, false]);
    expect(check(opened, 'no').explanation).toContain('luong.pdf.exe');
    const read = markRead(seeded, phish.id, true, clock.next());
    expect([check(read, 'rep').passed, check(read, 'no').passed]).toEqual([false, true]);
    const deleted = moveToTrash(seeded, phish.id, clock.next());
    expect([check(deleted, 'rep').passed, check(deleted, 'no').passed]).toEqual([false, true]);
  });
});
