import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { forwardDocument, openDocument, writeDirective } from './incoming';
import { seedSandbox } from './sandbox';
import type { IncomingDocument, SandboxState } from './state';
import { miniScenario, testClock } from './test-fixtures';
import { incomingAwaiting, trackingView } from './tracking';

const clock = testClock('2022-09-15T00:30:00Z');
const seeded = seedSandbox(miniScenario(), { candidate: { name: 'An', email: 'an@nk.vn' }, ...clock.next() });
const docId = seeded.documents.find((d) => d.key === 'cv-den')!.id;
const doc = (s: SandboxState) => s.documents.find((d) => d.id === docId) as IncomingDocument;
const directive = {
  text: 'Giao Phòng VHTT tham mưu.',
  lead: 'vhtt',
  cooperating: ['vp', 'noi-vu'],
  deadline: '2022-09-30',
};

describe('incoming documents', () => {
  it('records the first view in the history and every view in the log', () => {
    let state = openDocument(seeded, docId, clock.next());
    state = openDocument(state, docId, clock.next());
    expect(doc(state).history.filter((h) => h.action === 'xem')).toHaveLength(1);
    expect(state.events.filter((e) => e.type === 'document_opened')).toHaveLength(2);
  });

  it('bút phê then chuyển xử lý: status, holder, deadline and history follow', () => {
    let state = writeDirective(seeded, docId, directive, clock.next());
    expect(doc(state)).toMatchObject({ status: 'cho_xu_ly', holder: 'candidate', dueDate: '2022-09-30' });
    expect(doc(state).directive).toMatchObject({
      lead: 'vhtt',
      cooperating: ['vp', 'noi-vu'],
      text: directive.text,
    });
    state = forwardDocument(state, docId, clock.next());
    expect(doc(state)).toMatchObject({ status: 'dang_xu_ly', holder: 'vhtt' });
    expect(
      doc(state)
        .history.slice(-2)
        .map((h) => [h.action, h.to]),
    ).toEqual([
      ['but_phe', ['vhtt', 'vp', 'noi-vu']],
      ['chuyen_xu_ly', ['vhtt', 'vp', 'noi-vu']],
    ]);
    expect(incomingAwaiting(state)).toEqual([]);
    const view = trackingView(state, doc(state), '2022-10-01T02:00:00Z');
    expect(view).toMatchObject({ status: 'Đang xử lý', holder: 'Phòng Văn hóa và Thông tin', overdue: true });
    expect(trackingView(state, doc(state), '2022-09-30T16:59:00Z').overdue).toBe(false); // 23:59 on 30/9 in VN
    expect(() => forwardDocument(state, docId, clock.next())).toThrow(/đã được chuyển/);
  });

  it('a revised directive after forwarding sends the document to the new lead', () => {
    let state = forwardDocument(
      writeDirective(seeded, docId, { ...directive, lead: 'noi-vu', cooperating: [] }, clock.next()),
      docId,
      clock.next(),
    );
    state = writeDirective(state, docId, directive, clock.next());
    expect(doc(state)).toMatchObject({ status: 'dang_xu_ly', holder: 'vhtt' });
    expect(doc(state).history.at(-1)).toMatchObject({
      action: 'chuyen_xu_ly',
      note: expect.stringContaining('điều chỉnh'),
    });
  });

  it('refuses a forward without a directive and bad directives', () => {
    const bad = (patch: Partial<typeof directive>) => () =>
      writeDirective(seeded, docId, { ...directive, ...patch }, clock.next());
    expect(() => forwardDocument(seeded, docId, clock.next())).toThrow(/bút phê/);
    expect(bad({ lead: 'sotttt' })).toThrow(/chủ trì/); // another agency cannot lead
    expect(bad({ lead: 'candidate' })).toThrow(AppError);
    expect(bad({ cooperating: ['vhtt'] })).toThrow(/đồng thời/);
    expect(bad({ cooperating: ['ghost'] })).toThrow(/phối hợp/);
    expect(bad({ deadline: '2022-02-30' })).toThrow(/Hạn xử lý/);
    expect(bad({ deadline: '2022-09-11' })).toThrow(/trước ngày văn bản đến/);
  });

  it('refuses to direct a document someone else holds', () => {
    const s = miniScenario();
    s.incoming[0]!.progress = { status: 'dang_xu_ly', holder: 'noi-vu', history: [] };
    const state = seedSandbox(s, { candidate: { name: 'An', email: 'an@nk.vn' }, ...clock.next() });
    const id = state.documents[0]!.id;
    expect(() => writeDirective(state, id, directive, clock.next())).toThrow(/Phòng Nội vụ/);
  });
});
