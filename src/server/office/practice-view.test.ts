import { describe, expect, it } from 'vitest';
import { ZPracticeView } from '../../contracts/practice';
import { sendMail } from '../../core/office/mail';
import { seedSandbox } from '../../core/office/sandbox';
import { recordPinAttempt } from '../../core/office/signing';
import type { SandboxState } from '../../core/office/state';
import { miniScenario, testClock } from '../../core/office/test-fixtures';
import { practiceView } from './practice-view';

const me = 'an@nk.vn';
const scenario = miniScenario();
const clock = testClock('2022-09-15T00:30:00Z');
const seeded = seedSandbox(scenario, { candidate: { name: 'Trần Văn An', email: me }, ...clock.next() });
const certificate = {
  serial: '0A1B',
  subject: 'Trần Văn An',
  issuer: 'CA Hội thi thử',
  validTo: '2022-12-31T00:00:00.000Z',
};
const view = (state: SandboxState, extra: { closed?: boolean; cert?: typeof certificate | null } = {}) =>
  practiceView({
    state,
    scenario,
    seq: 7,
    closed: extra.closed ?? false,
    certificate: extra.cert === undefined ? certificate : extra.cert,
  });

/** The candidate sends the plan on to the VHTT unit, with a Bcc to an officer: both get copies. */
const afterSend = sendMail(
  seeded,
  {
    to: ['vhtt@nk.vn'],
    bcc: ['khang@nk.vn'],
    subject: 'Chuyển kế hoạch',
    body: 'Đề nghị nghiên cứu.',
    attachments: [{ fileId: seeded.mails.find((m) => m.seedKey === 'kh-mail')!.attachments[0]!.fileId }],
  },
  clock.next(),
);

describe('practiceView', () => {
  it('matches the contract exactly: nothing beyond its fields', () => {
    const v = view(afterSend);
    // Parsing strips unknown keys: equal means the projection added none.
    expect(ZPracticeView.parse(v)).toEqual(v);
  });

  it('shows the candidate’s own mailbox only, never the copies delivered to other mailboxes', () => {
    const foreign = afterSend.mails.filter((m) => m.owner !== me);
    // The mail went to two sandbox mailboxes: the test is void unless they hold copies.
    expect(foreign.map((m) => m.owner).sort()).toEqual(['khang@nk.vn', 'vhtt@nk.vn']);
    const v = view(afterSend);
    // Own copies: the two seeded inbox mails and the sent one.
    expect(v.mails).toHaveLength(3);
    expect(v.mails.map((m) => m.folder).sort()).toEqual(['inbox', 'inbox', 'sent']);
    const shown = new Set(v.mails.map((m) => m.id));
    for (const m of foreign) expect(shown.has(m.id), m.owner).toBe(false);
  });

  it('never carries the planted phishing flag', () => {
    const phish = seeded.mails.find((m) => m.seedKey === 'phish')!;
    expect(phish.phishing).toBe(true);
    const v = view(seeded);
    const shown = v.mails.find((m) => m.id === phish.id)!;
    expect(shown.subject).toBe('Nâng lương gấp');
    expect(shown).not.toHaveProperty('phishing');
    expect(JSON.stringify(v)).not.toMatch(/phishing/i);
  });

  it('keeps task checks, events and the answer key on the server', () => {
    const text = JSON.stringify(view(afterSend));
    for (const secret of ['"checks"', 'acceptTexts', 'attachment_not_opened', '"events"', 'seedKey'])
      expect(text).not.toContain(secret);
    expect(view(afterSend).scenario.tasks).toEqual([
      { id: 't1', title: 'Thư', instruction: 'Chuyển tiếp thư.', points: 5 },
      { id: 't2', title: 'Bút phê', instruction: 'Bút phê.', points: 5 },
      { id: 't3', title: 'Ký số và phát hành', instruction: 'Ký số, chuyển văn thư.', points: 6 },
      { id: 't4', title: 'Câu hỏi và an toàn', instruction: 'Trả lời; báo cáo thư giả mạo.', points: 4 },
    ]);
  });

  it('lists seed files only when attached to one of the candidate’s own mails', () => {
    const virus = seeded.files.find((f) => f.key === 'virus')!;
    expect(view(seeded).files.map((f) => f.id)).toContain(virus.id);
    // The same mail held in another mailbox only: its attachment is not the candidate's to open.
    const moved: SandboxState = {
      ...seeded,
      mails: seeded.mails.map((m) => (m.seedKey === 'phish' ? { ...m, owner: 'vp@nk.vn' } : m)),
    };
    const v = view(moved);
    expect(v.files.map((f) => f.id)).not.toContain(virus.id);
    expect(v.mails.map((m) => m.subject)).not.toContain('Nâng lương gấp');
    // Every document's PDF is listed (one incoming, two drafts in the mini scenario).
    expect(v.files.filter((f) => f.source === 'document')).toHaveLength(3);
  });

  it('names holders and history actors from the directory', () => {
    const v = view(seeded);
    const incoming = v.documents.find((d) => d.direction === 'incoming')!;
    // Unprocessed, the incoming document waits with the leader: the candidate, by name.
    expect(incoming.holder).toBe('candidate');
    expect(incoming.holderName).toBe('Trần Văn An');
    const clerkLines = incoming.history.filter((h) => h.actor === 'van-thu');
    expect(clerkLines.length).toBeGreaterThan(0);
    for (const h of clerkLines) expect(h.actorName).toBe('Văn thư');
  });

  it('reports the PIN entries left and the lock', () => {
    expect(view(seeded).token).toEqual({ wrongPins: 0, locked: false, attemptsLeft: 3 });
    let s = recordPinAttempt(seeded, false, clock.next());
    expect(view(s).token).toEqual({ wrongPins: 1, locked: false, attemptsLeft: 2 });
    s = recordPinAttempt(recordPinAttempt(s, false, clock.next()), false, clock.next());
    expect(view(s).token).toEqual({ wrongPins: 3, locked: true, attemptsLeft: 0 });
  });

  it('passes the sequence, the closed flag and the certificate through', () => {
    const v = view(seeded, { closed: true });
    expect(v.seq).toBe(7);
    expect(v.closed).toBe(true);
    expect(v.candidate).toEqual({ name: 'Trần Văn An', email: me, position: 'Phó Chủ tịch', certificate });
    expect(view(seeded, { cert: null }).candidate.certificate).toBeNull();
  });
});
