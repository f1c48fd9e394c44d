import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { answerQuestion, closeSandbox } from './answers';
import { markRead } from './mail-actions';
import { seedSandbox } from './sandbox';
import { miniScenario, testClock } from './test-fixtures';
import { draftsAwaitingSignature, incomingAwaiting, unreadCount } from './tracking';

const candidate = { name: 'Trần Văn An', email: 'an@nk.vn' };

describe('seedSandbox', () => {
  const clock = testClock('2022-09-15T00:30:00Z');
  const state = seedSandbox(miniScenario(), { candidate, ...clock.next() });

  it('builds the address book from the candidate and every actor', () => {
    expect(state.directory.map((e) => `${e.kind}:${e.key}`)).toEqual([
      'candidate:candidate',
      'clerk:van-thu',
      'unit:vhtt',
      'unit:noi-vu',
      'unit:vp',
      'person:cv',
      'agency:sotttt',
    ]);
    expect(state.candidate).toEqual({ name: 'Trần Văn An', email: 'an@nk.vn', position: 'Phó Chủ tịch' });
  });

  it("puts the seed mails in the candidate's inbox with their attachments, unread", () => {
    const inbox = state.mails.filter((m) => m.owner === 'an@nk.vn' && m.folder === 'inbox');
    expect(inbox.map((m) => m.seedKey)).toEqual(['kh-mail', 'phish']);
    expect(inbox[0]!.to).toEqual(['an@nk.vn']);
    expect(inbox[0]!.cc).toEqual(['noivu@nk.vn']);
    expect(inbox[0]!.attachments.map((a) => a.fileName)).toEqual(['Ke-hoach.pdf']);
    expect(inbox[1]!.phishing).toBe(true);
    expect(unreadCount(state)).toBe(2);
  });

  it('lists the incoming document as waiting and the drafts as awaiting signature', () => {
    const waiting = incomingAwaiting(state);
    expect(waiting.map((d) => d.numberSymbol)).toEqual(['2150/STTTT-CNTT']);
    expect(waiting[0]!.history.map((h) => h.action)).toEqual(['tiep_nhan', 'vao_so', 'trinh']);
    expect(waiting[0]!.issuerName).toBe('Sở Thông tin và Truyền thông');
    expect(draftsAwaitingSignature(state).map((d) => d.key)).toEqual(['qd', 'cv-di']);
    const pdfs = state.files.filter((f) => f.source === 'document').map((f) => f.fileName);
    expect(pdfs).toEqual(['2150-STTTT-CNTT.pdf', 'du-thao-qd.pdf', 'du-thao-cv-di.pdf']);
  });

  it('gives every object a distinct id and starts the event log', () => {
    const ids = [...state.mails, ...state.files, ...state.documents].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(state.events).toEqual([
      { seq: 1, at: state.createdAt, type: 'sandbox_seeded', data: { scenario: 'mini-2022' } },
    ]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('continues a seeded number series in the year of the attempt', () => {
    const s = miniScenario();
    s.candidate.agency.lastOutgoingNumber = 86;
    const seeded = seedSandbox(s, { candidate, ...testClock('2023-12-31T17:30:00Z').next() });
    // 17:31 UTC on 31/12 is already 1 January 2024 in Việt Nam.
    expect(seeded.register).toEqual([{ agency: 'UBND', year: 2024, last: 86, issued: [] }]);
  });

  it('refuses an invalid scenario or a candidate address that belongs to an actor', () => {
    const bad = miniScenario();
    bad.totalPoints = 99;
    expect(() => seedSandbox(bad, { candidate, ...clock.next() })).toThrow(AppError);
    expect(() =>
      seedSandbox(miniScenario(), { candidate: { ...candidate, email: 'VHTT@nk.vn' }, ...clock.next() }),
    ).toThrow(/trùng/);
    expect(() =>
      seedSandbox(miniScenario(), { candidate: { ...candidate, email: 'an' }, ...clock.next() }),
    ).toThrow(AppError);
  });
});

describe('answers and closing', () => {
  it('keeps the last answer to a question and refuses actions once closed', () => {
    const clock = testClock('2022-09-15T00:30:00Z');
    let state = seedSandbox(miniScenario(), { candidate, ...clock.next() });
    state = answerQuestion(state, 'q1', { text: 'Phòng Nội vụ' }, clock.next());
    state = answerQuestion(state, 'q1', { text: '  Phòng Văn hóa  ' }, clock.next());
    expect(state.answers).toEqual([{ question: 'q1', text: 'Phòng Văn hóa', at: expect.any(String) }]);
    expect(() => answerQuestion(state, 'q1', { text: ' ' }, clock.next())).toThrow(AppError);
    expect(() => answerQuestion(state, 'q9', { text: 'x' }, clock.next())).toThrow(/Không tìm thấy/);
    state = closeSandbox(state, clock.next());
    const mailId = state.mails[0]!.id;
    expect(() => markRead(state, mailId, true, clock.next())).toThrow(
      expect.objectContaining({ code: 'attempt_closed' }),
    );
    expect(state.events.map((e) => e.type)).toEqual([
      'sandbox_seeded',
      'question_answered',
      'question_answered',
      'sandbox_closed',
    ]);
  });

  it('accepts only the listed options of a multiple-choice question', () => {
    const s = miniScenario();
    s.questions[0]!.options = [
      { code: 'a', text: 'A' },
      { code: 'b', text: 'B' },
    ];
    const clock = testClock('2022-09-15T00:30:00Z');
    const state = seedSandbox(s, { candidate, ...clock.next() });
    expect(() => answerQuestion(state, 'q1', { option: 'c' }, clock.next())).toThrow(AppError);
    expect(answerQuestion(state, 'q1', { option: 'b' }, clock.next()).answers[0]!.option).toBe('b');
  });
});
