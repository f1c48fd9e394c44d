import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from './answers';
import { sendToClerk } from './clerk';
import { gradePractice, type SignatureResults } from './grade';
import { forwardDocument, openDocument, writeDirective } from './incoming';
import { sendMail } from './mail';
import { markRead, openAttachment, reportPhishing } from './mail-actions';
import { composeReply } from './mail-compose';
import { seedSandbox } from './sandbox';
import type { Scenario } from './scenario';
import { recordPinAttempt, recordSignature } from './signing';
import type { SandboxState } from './state';
import { testClock } from './test-fixtures';
import { trackingView } from './tracking';

const load = (name: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../templates/contest/scenarios', name), 'utf8'),
  ) as Scenario;
const candidate = { name: 'Nguyễn Văn Thí', email: 'nvthi@cantho.gov.vn' };
const docId = (s: SandboxState, key: string) => s.documents.find((d) => d.key === key)!.id;
const seedMail = (s: SandboxState, key: string) => s.mails.find((m) => m.seedKey === key)!;
/** What the server's verifier reports for a PDF the candidate signed and the văn thư sealed. */
const signedAndSealed = [
  { valid: true, byCandidate: true, inWindow: true },
  { valid: true, byCandidate: false, byAgency: true, inWindow: true },
];

/** Signs a draft after the VGCA-style PIN dialog (two typos first) and hands it to the văn thư. */
function signAndIssue(state: SandboxState, key: string, clock: ReturnType<typeof testClock>): SandboxState {
  let s = recordPinAttempt(state, false, clock.next());
  s = recordPinAttempt(s, false, clock.next());
  s = recordPinAttempt(s, true, clock.next());
  s = recordSignature(s, docId(s, key), { valid: true }, clock.next());
  return sendToClerk(s, docId(s, key), clock.next());
}

function direct(
  s: SandboxState,
  key: string,
  lead: string,
  cooperating: string[],
  deadline: string,
  clock: ReturnType<typeof testClock>,
) {
  const id = docId(s, key);
  const opened = openDocument(s, id, clock.next());
  const text = 'Đề nghị đơn vị chủ trì tham mưu, triển khai; đơn vị phối hợp hỗ trợ.';
  const directed = writeDirective(opened, id, { text, lead, cooperating, deadline }, clock.next());
  return directed.documents.find((d) => d.id === id)!.status === 'cho_xu_ly'
    ? forwardDocument(directed, id, clock.next())
    : directed;
}

describe('2022 scenario (55 points): email, bút phê, ký số, chuyển văn thư', () => {
  const scenario = load('cantho-2022-quan.json');

  function play(right: boolean): { state: SandboxState; signatures: SignatureResults } {
    const clock = testClock('2022-09-15T00:30:00Z'); // 07:31 in Cần Thơ on the day of the 2022 contest
    let s = seedSandbox(scenario, { candidate, ...clock.next() });
    // A first forward that misses the CC and the attachment; the second one is right. Retries are allowed.
    s = sendMail(
      s,
      { to: ['phongvhtt.ninhkieu@cantho.gov.vn'], subject: 'Kế hoạch', body: 'Chuyển phòng.' },
      clock.next(),
    );
    const fwd = composeReply(s, seedMail(s, 'thu-ke-hoach').id, 'forward');
    s = sendMail(
      s,
      { ...fwd, to: ['phongvhtt.ninhkieu@cantho.gov.vn'], cc: ['vanphong.ninhkieu@cantho.gov.vn'] },
      clock.next(),
    );
    const coop = ['van-phong', 'phong-noi-vu'];
    if (right) {
      s = direct(s, 'cv-sotttt-ky-so', 'phong-kinh-te', coop, '2022-09-30', clock); // a slip, then revised
      s = direct(s, 'cv-sotttt-ky-so', 'phong-vhtt', coop, '2022-09-30', clock);
      s = signAndIssue(s, 'qd-to-cong-tac-cds', clock);
      return { state: s, signatures: { 'qd-to-cong-tac-cds': signedAndSealed, 'cv-bao-cao-ky-so': [] } };
    }
    s = direct(s, 'cv-sotttt-ky-so', 'phong-kinh-te', coop, '2022-09-30', clock);
    s = signAndIssue(s, 'cv-bao-cao-ky-so', clock);
    return { state: s, signatures: { 'qd-to-cong-tac-cds': [], 'cv-bao-cao-ky-so': signedAndSealed } };
  }

  it('a complete run earns full marks', () => {
    const { state, signatures } = play(true);
    const result = gradePractice(scenario, state, signatures);
    expect(result.tasks.map((t) => [t.id, t.points])).toEqual([
      ['t1-email', 15],
      ['t2-but-phe', 15],
      ['t3-ky-so', 15],
      ['t4-phat-hanh', 10],
    ]);
    expect(result.total).toBe(55);
    expect(state.documents.find((d) => d.key === 'qd-to-cong-tac-cds')!).toMatchObject({
      numberSymbol: '01/QĐ-UBND',
    });
  });

  it('forwarding to the wrong unit and signing the wrong document earns 24 of 55', () => {
    // t1 email: all four checks pass                                  = 15
    // t2 bút phê: chủ trì wrong (−6); phối hợp 3 + hạn 3 + ý kiến 3    =  9
    // t3 ký số: the Quyết định carries no signature of the candidate  =  0
    // t4 phát hành: the Quyết định was never sent to the văn thư      =  0
    // total 15 + 9 + 0 + 0                                            = 24
    const { state, signatures } = play(false);
    const result = gradePractice(scenario, state, signatures);
    expect(result.tasks.map((t) => t.points)).toEqual([15, 9, 0, 0]);
    expect(result.total).toBe(24);
    const lead = result.tasks[1]!.checks.find((c) => c.id === 'chu-tri')!;
    expect(lead.explanation).toBe('Chưa đạt: chủ trì là Phòng Kinh tế, yêu cầu Phòng Văn hóa và Thông tin');
    expect(state.documents.find((d) => d.key === 'cv-bao-cao-ky-so')!).toMatchObject({
      numberSymbol: '01/UBND-VHTT',
    });
  });
});

describe('2023 scenario (40 points): adds status tracking and a phishing mail', () => {
  const scenario = load('cantho-2023-phuong.json');

  function play(right: boolean, openPhishing = false): { state: SandboxState; signatures: SignatureResults } {
    const clock = testClock('2023-06-24T00:30:00Z'); // the 2023 contest day
    let s = seedSandbox(scenario, { candidate, ...clock.next() });
    const list = seedMail(s, 'thu-danh-sach');
    s = openAttachment(s, list.id, list.attachments[0]!.fileId, clock.next());
    const reply = composeReply(s, seedMail(s, 'thu-de-nghi-dang-ky').id, 'reply');
    const attachments = [{ fileId: list.attachments[0]!.fileId }];
    s = sendMail(
      s,
      { ...reply, cc: ['ptnhan.hungloi@cantho.gov.vn'], body: `Gửi danh sách.${reply.body}`, attachments },
      clock.next(),
    );
    const phish = seedMail(s, 'thu-gia-mao');
    s = markRead(s, phish.id, true, clock.next());
    if (openPhishing) s = openAttachment(s, phish.id, phish.attachments[0]!.fileId, clock.next());
    s = reportPhishing(s, phish.id, clock.next());
    // The answer is read off the tracking screen, as the candidate would.
    const tracked = s.documents.find((d) => d.key === 'cv-du-toan')!;
    const holder = trackingView(s, tracked, clock.next().now).holder;
    const option = s.questions[0]!.options!.find((o) => o.text.includes(holder))!;
    s = answerQuestion(s, 'tinh-trang-1105', { option: option.code }, clock.next());
    const coop = ['bp-tu-phap', 'bp-van-hoa'];
    s = direct(s, 'cv-de-an-06', right ? 'cong-an-phuong' : 'bp-van-phong', coop, '2023-07-10', clock);
    const signed = right ? 'kh-ngay-cds' : 'bc-cchc';
    s = signAndIssue(s, signed, clock);
    return { state: s, signatures: { 'kh-ngay-cds': [], 'bc-cchc': [], [signed]: signedAndSealed } };
  }

  it('a complete run earns full marks', () => {
    const { state, signatures } = play(true);
    const result = gradePractice(scenario, state, signatures);
    expect(result.tasks.map((t) => t.points)).toEqual([8, 8, 8, 6, 5, 5]);
    expect(result.total).toBe(40);
    // The series continues after the seeded last number 86.
    expect(state.documents.find((d) => d.key === 'kh-ngay-cds')!).toMatchObject({
      numberSymbol: '87/KH-UBND',
    });
  });

  it('forwarding to the wrong unit and signing the wrong document earns 22 of 40', () => {
    // t1 email 8; t2 bút phê 8 − 4 (chủ trì) = 4; t3 ký số 0; t4 phát hành 0;
    // t5 theo dõi 5; t6 an toàn thông tin 5                 → 8 + 4 + 0 + 0 + 5 + 5 = 22
    const { state, signatures } = play(false);
    const result = gradePractice(scenario, state, signatures);
    expect(result.tasks.map((t) => t.points)).toEqual([8, 4, 0, 0, 5, 5]);
    expect(result.total).toBe(22);
  });

  it('opening the phishing attachment costs its 2 points even when the mail is reported', () => {
    // t6: báo cáo 3 + không mở 0 = 3 → 40 − 2 = 38
    const { state, signatures } = play(true, true);
    const result = gradePractice(scenario, state, signatures);
    expect(result.tasks[5]!.points).toBe(3);
    expect(result.total).toBe(38);
  });
});
