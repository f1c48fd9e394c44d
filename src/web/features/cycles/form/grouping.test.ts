import { describe, expect, it } from 'vitest';
import { filterEntries, groupEntries } from './grouping';
import { entryFixture } from './testFixture';

const entries = [
  entryFixture('1.1.1', { status: 'done', assigneeId: 'u1' }),
  entryFixture('1.1.2'),
  entryFixture('1.2.1'),
  entryFixture('2.1.1', { status: 'done' }),
];
const pillars = [
  { code: '1', name: 'Nhóm chỉ số nền tảng', done: 1, total: 3 },
  { code: '2', name: 'Nhóm chỉ số hoạt động', done: 1, total: 1 },
];

describe('groupEntries', () => {
  it('puts indicators under their pillar and main index, in the set’s order', () => {
    const groups = groupEntries(entries, pillars);
    expect(groups.map((p) => [p.code, p.name])).toEqual([
      ['1', 'Nhóm chỉ số nền tảng'],
      ['2', 'Nhóm chỉ số hoạt động'],
    ]);
    expect(
      groups[0]?.groups.map((g) => [g.heading.map((h) => h.code), g.entries.map((e) => e.code)]),
    ).toEqual([
      [['1.1'], ['1.1.1', '1.1.2']],
      [['1.2'], ['1.2.1']],
    ]);
  });
});

describe('filterEntries', () => {
  const none = { pillar: null, status: null, assignee: null };

  it('filters by pillar, status and assignee', () => {
    const codes = (f: Parameters<typeof filterEntries>[1]) => filterEntries(entries, f).map((e) => e.code);
    expect(codes(none)).toHaveLength(4);
    expect(codes({ ...none, pillar: '2' })).toEqual(['2.1.1']);
    expect(codes({ ...none, status: 'done' })).toEqual(['1.1.1', '2.1.1']);
    expect(codes({ ...none, assignee: 'u1' })).toEqual(['1.1.1']);
  });

  it('keeps an indicator being worked on under a status filter, but not outside the pillar', () => {
    const keep = new Set(['1.1.2']);
    expect(filterEntries(entries, { ...none, status: 'done' }, keep).map((e) => e.code)).toEqual([
      '1.1.1',
      '1.1.2',
      '2.1.1',
    ]);
    expect(filterEntries(entries, { ...none, pillar: '2' }, keep).map((e) => e.code)).toEqual(['2.1.1']);
  });
});
