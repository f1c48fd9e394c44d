import { describe, expect, it } from 'vitest';
import { sampleSoFramework } from '../framework/fixtures';
import type { Framework } from '../framework/model';
import { findNode } from '../framework/tree';
import { formState, missingForSubmit, type StoredEntry } from './form-state';

function entry(over: Partial<StoredEntry>): StoredEntry {
  return { inputs: null, notApplicable: null, central: null, evidenceCount: 0, review: null, ...over };
}

/** The sample set with evidence named on 1.1 and "not applicable" allowed on 2.2. */
function framework(): Framework {
  const f = sampleSoFramework();
  findNode(f, '1.1')!.evidence = 'Văn bản chỉ đạo';
  findNode(f, '2.2')!.mayBeNotApplicable = true;
  return f;
}

describe('formState', () => {
  it('lists the leaves that apply to the unit, grouped by pillar, all not started', () => {
    const s = formState(framework(), 'so', 3, new Map());
    // Group 3: KTS (group 1 only) and 1.3 (groups 1, 2) do not apply.
    expect(s.leaves.map((l) => l.code)).toEqual(['1.1', '1.2.1', '1.2.2', '2.1', '2.2']);
    expect(s.pillars).toEqual([{ code: 'CQS', name: 'Chính quyền số', done: 0, total: 5 }]);
    expect(s.leaves.every((l) => l.status === 'not_started')).toBe(true);
    expect(s.progress).toBe(0);
  });

  it('needs evidence only where the set names documents and the unit claims points', () => {
    const f = framework();
    const claimed = formState(f, 'so', 3, new Map([['1.1', entry({ inputs: { a: 2, b: 4 } })]]));
    const leaf = claimed.leaves.find((l) => l.code === '1.1')!;
    expect(leaf.outcome).toEqual({ status: 'scored', points: 2.5 });
    expect(leaf.status).toBe('needs_evidence');
    expect(leaf.problems).toEqual(['Chưa có tài liệu kiểm chứng']);

    const withEvidence = formState(
      f,
      'so',
      3,
      new Map([['1.1', entry({ inputs: { a: 2, b: 4 }, evidenceCount: 1 })]]),
    );
    expect(withEvidence.leaves[0]!.status).toBe('done');
    const zero = formState(f, 'so', 3, new Map([['1.1', entry({ inputs: { a: 0, b: 4 } })]]));
    expect(zero.leaves[0]!.problems).toEqual([]);
  });

  it('reports half-filled, invalid and refused declarations, and counts progress per pillar', () => {
    const f = framework();
    const s = formState(
      f,
      'so',
      1,
      new Map([
        ['1.1', entry({ inputs: { a: 1 } })],
        ['1.2.1', entry({ inputs: { yes: true } })],
        ['1.2.2', entry({ inputs: { value: -1 } })],
        ['2.2', entry({ notApplicable: 'Đơn vị không có cấp phó' })],
        ['3.1', entry({ notApplicable: 'Không áp dụng' })],
      ]),
    );
    const problems = Object.fromEntries(s.leaves.map((l) => [l.code, l.problems]));
    expect(problems['1.1']).toEqual(['Chưa nhập đủ số liệu']);
    expect(problems['1.2.1']).toEqual([]);
    expect(problems['1.2.2']).toEqual(['Số lượng không được âm']);
    expect(problems['2.2']).toEqual([]);
    expect(problems['3.1']).toEqual(['Chỉ số này không được khai báo là không áp dụng']);
    const cqs = s.pillars.find((p) => p.code === 'CQS')!;
    expect(cqs).toMatchObject({ done: 2, total: 6 });
    expect(s.pillars.find((p) => p.code === 'KTS')).toMatchObject({ done: 0, total: 2 });
    expect(s.progress).toBeCloseTo(2 / 8);
    expect(missingForSubmit(s).map((m) => m.code)).toEqual(['1.1', '1.2.2', '1.3', '2.1', '3.1', '3.2']);
  });

  it('takes centrally measured values over the unit’s own and needs no evidence for them', () => {
    const s = formState(
      framework(),
      'so',
      3,
      new Map([
        ['1.1', entry({ inputs: { a: 0, b: 1 }, central: { inputs: { a: 3, b: 3 }, source: 'Cổng DVC' } })],
      ]),
    );
    expect(s.leaves[0]).toMatchObject({
      outcome: { status: 'scored', points: 5 },
      status: 'done',
      problems: [],
    });
  });

  it('marks an indicator with an open request for more evidence', () => {
    const s = formState(
      framework(),
      'so',
      3,
      new Map([['1.2.1', entry({ inputs: { yes: true }, review: 'requested' })]]),
    );
    expect(s.leaves.find((l) => l.code === '1.2.1')!.status).toBe('needs_evidence');
  });
});
