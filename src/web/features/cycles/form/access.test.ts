import { describe, expect, it } from 'vitest';
import { entryAccess, formAccess } from './access';
import { entryFixture, formFixture, UNIT_ID } from './testFixture';

const reporter = { role: 'reporter', unitId: UNIT_ID };
const inJune = new Date('2026-06-15T03:00:00Z');

describe('formAccess', () => {
  it('lets the unit’s own reporter fill an open draft', () => {
    const a = formAccess(formFixture(), reporter, inJune);
    expect(a).toMatchObject({ isUnitReporter: true, draftOpen: true, answerOpen: false, notices: [] });
  });

  it('keeps the form read-only for everybody else, with a notice', () => {
    const other = formAccess(formFixture(), { role: 'reporter', unitId: 'another' }, inJune);
    const reviewer = formAccess(formFixture(), { role: 'reviewer', unitId: null }, inJune);
    for (const a of [other, reviewer]) {
      expect(a.draftOpen).toBe(false);
      expect(a.notices.map((n) => n.key)).toEqual(['readOnlyViewer']);
    }
  });

  it('closes the draft once the deadline has passed, even when the page still says open', () => {
    // The window closes at 10:00 UTC, 17:00 in Vietnam.
    const a = formAccess(formFixture(), reporter, new Date('2026-06-30T10:00:00Z'));
    expect(a.draftOpen).toBe(false);
    expect(a.notices).toEqual([
      {
        key: 'readOnlyClosed',
        type: 'warning',
        values: { from: '01/06/2026 08:00', to: '30/06/2026 17:00' },
      },
    ]);
  });

  it('makes a submitted form read-only', () => {
    const a = formAccess(formFixture({ state: 'submitted' }), reporter, inJune);
    expect(a.draftOpen).toBe(false);
    expect(a.notices.map((n) => n.key)).toEqual(['readOnlySubmitted']);
  });

  it('opens only the requested indicators for answers while the explanation window is open', () => {
    const form = formFixture({
      state: 'returned',
      entries: [entryFixture('1.1.1', { review: 'requested' }), entryFixture('1.1.2', { review: 'agreed' })],
    });
    form.windowStatus = form.windowStatus.map((w) =>
      w.window === 'explanation' ? { ...w, state: 'open' } : w,
    );
    const a = formAccess(form, reporter, new Date('2026-07-20T03:00:00Z'));
    expect(a).toMatchObject({ draftOpen: false, answerOpen: true, openRequests: 1 });
    expect(a.notices.map((n) => n.key)).toEqual(['openRequests']);
    const [requested, agreed] = form.entries.map((e) => entryAccess(a, e, new Date('2026-07-20T03:00:00Z')));
    expect(requested).toEqual({ inputs: true, evidence: true, explanation: true, assignee: true });
    expect(agreed).toEqual({ inputs: false, evidence: false, explanation: false, assignee: false });
  });

  it('closes a request after its own deadline unless the explanation window was extended', () => {
    const entry = entryFixture('1.1.1', { review: 'requested', requestDeadline: '2026-07-18T10:00:00Z' });
    const form = formFixture({ state: 'returned', entries: [entry] });
    form.windowStatus = form.windowStatus.map((w) =>
      w.window === 'explanation' ? { ...w, state: 'open' } : w,
    );
    const at = new Date('2026-07-20T03:00:00Z');
    expect(entryAccess(formAccess(form, reporter, at), entry, at).explanation).toBe(false);
    form.windowStatus = form.windowStatus.map((w) =>
      w.window === 'explanation' ? { ...w, extended: true } : w,
    );
    expect(entryAccess(formAccess(form, reporter, at), entry, at).explanation).toBe(true);
  });

  it('says when a request cannot be answered because no window is open', () => {
    const form = formFixture({
      state: 'returned',
      entries: [entryFixture('1.1.1', { review: 'requested' })],
    });
    const a = formAccess(form, reporter, new Date('2026-08-01T03:00:00Z'));
    expect(a.answerOpen).toBe(false);
    expect(a.notices.map((n) => n.key)).toEqual(['requestsClosed']);
  });
});

describe('entryAccess', () => {
  it('never opens centrally measured figures to the unit', () => {
    const a = formAccess(formFixture(), reporter, inJune);
    const central = { inputs: { yes: true }, source: 'Cổng DVC', importedAt: '2026-06-02T00:00:00Z' };
    expect(entryAccess(a, entryFixture('1.1.1', { central }), inJune).inputs).toBe(false);
    expect(entryAccess(a, entryFixture('1.1.2'), inJune).inputs).toBe(true);
  });
});
