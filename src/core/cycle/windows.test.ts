import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import {
  assertWindowOpen,
  type CycleWindows,
  closingSoon,
  formatVnDateTime,
  validateCycleWindows,
  windowState,
} from './windows';

const at = (iso: string) => new Date(iso);

/** A 2026 cycle in Vietnam time: self-assessment in January, then one stage after another. */
function calendar(): CycleWindows {
  return {
    self_assessment: { opensAt: at('2026-01-04T17:00:00Z'), closesAt: at('2026-01-31T10:00:00Z') },
    review: { opensAt: at('2026-01-15T01:00:00Z'), closesAt: at('2026-02-14T10:00:00Z') },
    explanation: { opensAt: at('2026-02-01T01:00:00Z'), closesAt: at('2026-02-21T10:00:00Z') },
    council: { opensAt: at('2026-02-22T01:00:00Z'), closesAt: at('2026-03-07T10:00:00Z') },
    publication: { opensAt: at('2026-03-08T01:00:00Z'), closesAt: at('2026-12-31T16:59:00Z') },
  };
}

describe('cycle windows', () => {
  it('formats instants as dd/mm/yyyy HH:mm in Vietnam time, across midnight UTC', () => {
    expect(formatVnDateTime(at('2026-01-31T10:00:00Z'))).toBe('31/01/2026 17:00');
    expect(formatVnDateTime(at('2026-01-04T17:00:00Z'))).toBe('05/01/2026 00:00');
  });

  it('accepts stages that overlap in order, and lists every out-of-order or empty window', () => {
    expect(validateCycleWindows(calendar())).toEqual([]);
    const bad = calendar();
    bad.review = { opensAt: at('2026-01-01T00:00:00Z'), closesAt: at('2026-01-20T00:00:00Z') };
    bad.publication = { opensAt: at('2026-03-08T01:00:00Z'), closesAt: at('2026-03-08T01:00:00Z') };
    expect(validateCycleWindows(bad)).toEqual([
      'Thời gian thẩm định không được bắt đầu trước thời gian tự đánh giá',
      'Thời gian thẩm định không được kết thúc trước thời gian tự đánh giá',
      'Thời gian công bố kết quả: ngày bắt đầu phải trước ngày kết thúc',
    ]);
  });

  it('a window is open from its opening instant up to, not including, its deadline', () => {
    const w = calendar();
    const s = w.self_assessment;
    expect(windowState(w, [], 'u1', 'self_assessment', new Date(s.opensAt.getTime() - 1)).state).toBe(
      'not_open',
    );
    expect(windowState(w, [], 'u1', 'self_assessment', s.opensAt).state).toBe('open');
    expect(windowState(w, [], 'u1', 'self_assessment', new Date(s.closesAt.getTime() - 1)).state).toBe(
      'open',
    );
    expect(windowState(w, [], 'u1', 'self_assessment', s.closesAt).state).toBe('closed');
  });

  it("an extension moves only that unit's deadline in that window, and never shortens it", () => {
    const w = calendar();
    const extensions = [
      { unitId: 'u1', window: 'self_assessment' as const, until: at('2026-02-03T10:00:00Z') },
      { unitId: 'u1', window: 'self_assessment' as const, until: at('2026-02-02T10:00:00Z') },
      { unitId: 'u2', window: 'self_assessment' as const, until: at('2026-01-20T10:00:00Z') },
      { unitId: 'u1', window: 'explanation' as const, until: at('2026-03-01T10:00:00Z') },
    ];
    const now = at('2026-02-01T00:00:00Z');
    expect(windowState(w, extensions, 'u1', 'self_assessment', now)).toMatchObject({
      state: 'open',
      closesAt: at('2026-02-03T10:00:00Z'),
      extended: true,
    });
    expect(windowState(w, extensions, 'u2', 'self_assessment', now)).toMatchObject({
      state: 'closed',
      closesAt: w.self_assessment.closesAt,
      extended: false,
    });
    expect(windowState(w, extensions, 'u3', 'self_assessment', now).state).toBe('closed');
  });

  it('refuses a write outside the window with the window and its dates in Vietnamese', () => {
    const w = calendar();
    expect(() => assertWindowOpen(w, [], 'u1', 'self_assessment', at('2026-01-10T00:00:00Z'))).not.toThrow();
    const late = (() => {
      try {
        assertWindowOpen(w, [], 'u1', 'self_assessment', at('2026-02-01T00:00:00Z'));
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(late).toBeInstanceOf(AppError);
    expect(late.code).toBe('window_closed');
    expect(late.message).toBe(
      'Đã hết thời gian tự đánh giá (từ 05/01/2026 00:00 đến 31/01/2026 17:00). Liên hệ đơn vị tổ chức nếu cần gia hạn',
    );
    expect(() => assertWindowOpen(w, [], 'u1', 'council', at('2026-02-01T00:00:00Z'))).toThrow(
      'Chưa đến thời gian hội đồng thẩm định (từ 22/02/2026 08:00 đến 07/03/2026 17:00)',
    );
  });

  it('lists the units whose deadline falls within the notice period, extensions included', () => {
    const w = calendar();
    const extensions = [
      { unitId: 'u2', window: 'self_assessment' as const, until: at('2026-02-10T10:00:00Z') },
    ];
    const now = at('2026-01-30T10:00:00Z');
    expect(closingSoon(w, extensions, ['u1', 'u2'], 'self_assessment', now, 48)).toEqual([
      { unitId: 'u1', closesAt: w.self_assessment.closesAt },
    ]);
    expect(
      closingSoon(w, extensions, ['u1', 'u2'], 'self_assessment', now, 24 * 12).map((x) => x.unitId),
    ).toEqual(['u1', 'u2']);
  });
});
