import { describe, expect, it } from 'vitest';
import { show, type ValueContext } from './historyValue';

const ctx: ValueContext = {
  lang: 'vi',
  yes: 'Có',
  no: 'Không',
  person: (id) => (id === 'u1' ? 'Trần Văn Minh' : undefined),
  review: (s) => (s === 'requested' ? 'Yêu cầu bổ sung' : undefined),
};

describe('history values', () => {
  it('writes numbers, answers and dates the Vietnamese way', () => {
    expect(show('selfPoints', 5.6, ctx)).toBe('5,6');
    expect(show('inputs', { a: 7, b: 12.5 }, ctx)).toBe('a: 7; b: 12,5');
    expect(show('inputs', { yes: true }, ctx)).toBe('yes: Có');
    expect(show('inputs', { option: ['A', 'B'] }, ctx)).toBe('option: A, B');
    // 10:00 UTC is 17:00 in Vietnam.
    expect(show('requestDeadline', '2026-07-25T10:00:00.000Z', ctx)).toBe('25/07/2026 17:00');
    expect(show('x', null, ctx)).toBe('—');
  });

  it('names people and review states, and keeps unknown ids as they are', () => {
    expect(show('assigneeId', 'u1', ctx)).toBe('Trần Văn Minh');
    expect(show('assigneeId', 'u9', ctx)).toBe('u9');
    expect(show('review', 'requested', ctx)).toBe('Yêu cầu bổ sung');
  });

  it('reads an evidence entry by number, date, summary and file or link', () => {
    const withFile = {
      id: 'e1',
      docNumber: '224/KH-UBND',
      docDate: '2026-03-12',
      summary: 'Kế hoạch chuyển đổi số',
      url: null,
      file: { filename: 'kh.pdf', mime: 'application/pdf', size: 10 },
    };
    expect(show('evidence', withFile, ctx)).toBe('224/KH-UBND, 12/03/2026 – Kế hoạch chuyển đổi số – kh.pdf');
    expect(show('evidence', { ...withFile, file: null, url: 'https://a.vn/x' }, ctx)).toBe(
      '224/KH-UBND, 12/03/2026 – Kế hoạch chuyển đổi số – https://a.vn/x',
    );
  });
});
