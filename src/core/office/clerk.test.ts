import { describe, expect, it } from 'vitest';
import { sendToClerk } from './clerk';
import { checkNumberSymbol } from './numbering';
import { seedSandbox } from './sandbox';
import { recordSignature } from './signing';
import type { OutgoingDocument, SandboxState } from './state';
import { miniScenario, testClock } from './test-fixtures';
import { trackingView } from './tracking';

const candidate = { name: 'An', email: 'an@nk.vn' };
const idOf = (s: SandboxState, key: string) => s.documents.find((d) => d.key === key)!.id;
const doc = (s: SandboxState, key: string) => s.documents.find((d) => d.key === key) as OutgoingDocument;

function signAndIssue(state: SandboxState, key: string, clock: ReturnType<typeof testClock>): SandboxState {
  const signed = recordSignature(state, idOf(state, key), { valid: true }, clock.next());
  return sendToClerk(signed, idOf(signed, key), clock.next());
}

describe('sendToClerk: the automated văn thư', () => {
  // 02:00 UTC on 15/9/2022 is 09:00 in Việt Nam.
  const clock = testClock('2022-09-15T02:00:00Z');
  const seeded = seedSandbox(miniScenario(), { candidate, ...clock.next() });
  const issued = signAndIssue(seeded, 'qd', clock);

  it('numbers the first document of the year 01 with the type and agency symbol, dated today', () => {
    expect(doc(issued, 'qd')).toMatchObject({
      status: 'da_phat_hanh',
      codeNumber: 1,
      numberSymbol: '01/QĐ-UBND',
      issuedDate: '2022-09-15',
      holder: 'van-thu',
    });
    expect(checkNumberSymbol('01/QĐ-UBND', { type: 'quyet_dinh', agency: 'UBND' })).toEqual([]);
    expect(issued.register).toEqual([{ agency: 'UBND', year: 2022, last: 1, issued: ['01/QĐ-UBND'] }]);
  });

  it('adds the agency signature after the personal one and records the ND 30 steps', () => {
    expect(doc(issued, 'qd').signatures.map((s) => s.by)).toEqual(['candidate', 'agency']);
    expect(doc(issued, 'qd').history.map((h) => h.action)).toEqual([
      'trinh',
      'ky_so',
      'chuyen_van_thu',
      'cap_so',
      'ky_so_co_quan',
      'phat_hanh',
    ]);
    const view = trackingView(issued, doc(issued, 'qd'), clock.next().now);
    expect(view.status).toBe('Đã phát hành');
    expect(view.history.at(-1)).toMatchObject({
      action: 'Phát hành',
      to: ['Phòng Văn hóa và Thông tin', 'Sở Thông tin và Truyền thông'],
    });
  });

  it("delivers the numbered PDF to every recipient's inbox and keeps the clerk's copy", () => {
    const carrying = issued.mails.filter((m) => m.documentId === idOf(issued, 'qd'));
    expect(carrying.map((m) => `${m.owner}/${m.folder}`)).toEqual([
      'vanthu@nk.vn/sent',
      'vhtt@nk.vn/inbox',
      'stttt@ct.vn/inbox',
    ]);
    expect(carrying[1]!.subject).toBe('Quyết định số 01/QĐ-UBND: Thành lập Tổ công tác');
    expect(carrying[1]!.attachments.map((a) => a.fileName)).toEqual(['01-QĐ-UBND.pdf']);
    expect(issued.events.slice(-2).map((e) => e.type)).toEqual(['document_sent_to_clerk', 'document_issued']);
  });

  it('continues the series across types; a công văn takes agency and unit', () => {
    const both = signAndIssue(issued, 'cv-di', clock);
    expect(doc(both, 'cv-di').numberSymbol).toBe('02/UBND-VHTT');
    expect(() => sendToClerk(both, idOf(both, 'cv-di'), clock.next())).toThrow(
      /đã được phát hành số 02\/UBND-VHTT/,
    );
  });

  it('continues a seeded series and restarts at 01 in a new year', () => {
    const s = miniScenario();
    s.candidate.agency.lastOutgoingNumber = 124;
    const c = testClock('2022-12-31T16:50:00Z'); // 23:51 on 31/12/2022 in Việt Nam
    let state = seedSandbox(s, { candidate, ...c.next() });
    state = signAndIssue(state, 'qd', c); // 23:53
    expect(doc(state, 'qd')).toMatchObject({ numberSymbol: '125/QĐ-UBND', issuedDate: '2022-12-31' });
    state = recordSignature(state, idOf(state, 'cv-di'), { valid: true }, c.next(10));
    state = sendToClerk(state, idOf(state, 'cv-di'), c.next()); // 00:04 on 1/1/2023
    expect(doc(state, 'cv-di')).toMatchObject({ numberSymbol: '01/UBND-VHTT', issuedDate: '2023-01-01' });
  });
});
